/**
 * Near-duplicates and syndicated copies: the same wire story republished with small edits (a new
 * headline, a dropped paragraph, an outlet's boilerplate). Broder's MinHash over word shingles
 * ("On the resemblance and containment of documents", 1997) estimates the Jaccard overlap of two
 * texts' shingle sets; locality-sensitive banding (Leskovec, Rajaraman & Ullman, Mining of Massive
 * Datasets, ch. 3.4) turns that into index lookups, so a new article is compared only with the
 * stored articles that share a band, never with the whole store.
 */

/** Words per shingle: long enough that two unrelated texts rarely share one. */
const SHINGLE = 5;
export const MINHASH_SIZE = 32;
/** 8 bands of 4 rows: texts with Jaccard 0.8 share a band with probability ≈ 0.98; at 0.3, ≈ 0.06. */
const BANDS = 8;
const ROWS = MINHASH_SIZE / BANDS;
/** Estimated Jaccard overlap from which a text is a copy of another. */
export const DUPLICATE_JACCARD = 0.7;

/** 32-bit FNV-1a of a string. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mix (murmur3's finaliser) of a shingle hash with the seed of one permutation. */
function mix(h: number, seed: number): number {
  let x = (h ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** MinHash signature of a text's word shingles (a text shorter than a shingle is one shingle). */
export function minhash(text: string): number[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const shingles = new Set<number>();
  const n = Math.min(SHINGLE, words.length);
  for (let i = 0; i + n <= words.length && n > 0; i++) shingles.add(fnv(words.slice(i, i + n).join(' ')));
  const sig = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const h of shingles) {
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const v = mix(h, k + 1);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return shingles.size ? sig : [];
}

/** Band keys for the index: band number and a hash of its rows. */
export function bands(sig: number[]): string[] {
  if (sig.length !== MINHASH_SIZE) return [];
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) out.push(`${b}:${fnv(sig.slice(b * ROWS, (b + 1) * ROWS).join(',')).toString(36)}`);
  return out;
}

/** Estimated Jaccard overlap of two texts from their signatures. */
export function resemblance(a: number[], b: number[]): number {
  if (a.length !== MINHASH_SIZE || b.length !== MINHASH_SIZE) return 0;
  let same = 0;
  for (let k = 0; k < MINHASH_SIZE; k++) if (a[k] === b[k]) same++;
  return same / MINHASH_SIZE;
}
