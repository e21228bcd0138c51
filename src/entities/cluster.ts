/**
 * Clustering the candidates of one document into entities.
 *
 * Links, each a rule a reader would apply:
 *  - same key (spelling variants: "Kim Jong Un" / "Kim Jong-un"; aliases: "DPRK" / "North Korea";
 *    a capital standing for its state joins the state);
 *  - an acronym and the long form it was defined with, or whose initials it is ("KCNA");
 *  - a part of a person's name that matches exactly one fuller name ("Kim", "Putin", "Mr Lee");
 *  - an organisation's short name that starts exactly one longer one ("Apple" / "Apple Computer",
 *    "Northrop" / "Northrop Grumman").
 * The type of a cluster is the vote of its mentions (weighted by how sure each is), with hints from
 * contexts that gave no mention; the canonical key is the key of its fullest, non-acronym name.
 */
import type { EntityType } from '../report/schema.ts';
import type { Candidate, Detection } from './detect.ts';
import { hasTag } from './lexicon.ts';
import { initials, nameKey, plainKey, translitKey } from './normalize.ts';

export interface DocEntities {
  /** Candidates kept, in text order. */
  kept: Candidate[];
  /** For each kept candidate: its cluster's canonical key and type. */
  canonical: string[];
  type: EntityType[];
}

/**
 * What an unknown single capitalised word ("Taboola", "Dreamliner", "Hamas") is taken for when
 * nothing in the text or the story types it: `other` — it is as often a product as a company.
 */
export const UNKNOWN_SINGLE_TYPE: EntityType = 'other';

class UnionFind {
  parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** The key a candidate is compared by: its state for a capital used as an actor, else its name key. */
export function candidateKey(c: Candidate): string {
  return nameKey(c.state ?? c.text);
}

function tokenCount(key: string): number {
  if (!key) return 0;
  let n = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) n++;
  return n;
}

export function clusterDoc(det: Detection): DocEntities {
  const cands = det.candidates;
  const n = cands.length;
  const keys = cands.map(candidateKey);
  const uf = new UnionFind(n);
  /** Current clusters: root → member indices (one pass). */
  const groups = (): Map<number, number[]> => {
    const out = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const r = uf.find(i);
      const list = out.get(r);
      if (list) list.push(i);
      else out.set(r, [i]);
    }
    return out;
  };
  const index = (into: Map<string, Set<number>>, key: string, r: number) => {
    const set = into.get(key);
    if (set) set.add(r);
    else into.set(key, new Set([r]));
  };
  const only = (set: Set<number> | undefined, self: number): number | null => {
    if (!set) return null;
    const others = [...set].map((x) => uf.find(x)).filter((x, k, all) => x !== uf.find(self) && all.indexOf(x) === k);
    return others.length === 1 ? others[0]! : null;
  };

  // Same key.
  const byKey = new Map<string, number>();
  keys.forEach((k, i) => {
    if (!k) return;
    const j = byKey.get(k);
    if (j === undefined) byKey.set(k, i);
    else uf.union(j, i);
  });

  // Acronyms defined in the text, then acronyms matching exactly one long form's initials.
  cands.forEach((c, i) => {
    if (c.expands !== null) uf.union(i, c.expands);
  });
  const byInitials = new Map<string, Set<number>>();
  cands.forEach((d, j) => {
    if (d.acronym || tokenCount(keys[j]!) < 2) return;
    index(byInitials, initials(d.text), j);
    index(byInitials, initials(d.text, true), j);
    index(byInitials, initials(keys[j]!), j); // "U.S. Air Force" → "united states air force" → USAF
  });
  cands.forEach((c, i) => {
    if (!c.acronym || c.expands !== null) return;
    const hit = only(byInitials.get(c.text.toLowerCase().replace(/[^\p{L}]/gu, '')), i);
    if (hit !== null) uf.union(i, hit);
  });

  // Parts of a person's name: "Kim", "Putin", "Zelenskyy" (also spelled "Zelensky").
  let g = groups();
  const typeOf = new Map<number, EntityType | null>();
  for (const [r, ms] of g) typeOf.set(r, voteType(cands, keys, det.hints, ms));
  const personPart = new Map<string, Set<number>>();
  for (const [r, ms] of g) {
    if (typeOf.get(r) !== 'person') continue;
    const longest = ms.map((i) => keys[i]!).sort((x, y) => tokenCount(y) - tokenCount(x))[0]!;
    const words = longest.split(' ').map(translitKey);
    if (words.length < 2) continue;
    index(personPart, words[0]!, r);
    index(personPart, words[words.length - 1]!, r);
  }
  for (const [r, ms] of g) {
    const t = typeOf.get(r);
    if (t !== 'person' && t !== null && !(t === 'organization' && ms.every((i) => cands[i]!.confidence < 3))) continue;
    const partKeys = new Set(ms.map((i) => keys[i]!));
    if (partKeys.size !== 1) continue;
    const part = [...partKeys][0]!;
    if (tokenCount(part) !== 1 || hasTag(part, 'country') || hasTag(part, 'city')) continue;
    const hit = only(personPart.get(translitKey(part)), r);
    if (hit !== null) uf.union(r, hit);
  }

  // An organisation's short name that starts (or, of two words or more, ends) exactly one longer
  // organisation name.
  g = groups();
  const orgPrefix = new Map<string, Set<number>>();
  for (const [r, ms] of g) {
    typeOf.set(r, voteType(cands, keys, det.hints, ms));
    if (typeOf.get(r) !== 'organization') continue;
    for (const i of ms) {
      const words = keys[i]!.split(' ');
      for (let k = 1; k < words.length; k++) index(orgPrefix, words.slice(0, k).join(' '), r);
      // Trailing words of two or more: "the Air Force" for "the United States Air Force".
      for (let k = 1; k < words.length - 1; k++) index(orgPrefix, words.slice(k).join(' '), r);
    }
  }
  for (const [r, ms] of g) {
    const t = typeOf.get(r);
    if (t !== 'organization' && t !== null) continue;
    // Only a bare short name is a short form: "Apple Inc." is a full name of its own.
    if (ms.some((i) => plainKey(cands[i]!.text) !== keys[i])) continue;
    const own = new Set(ms.map((i) => keys[i]!));
    if (own.size !== 1) continue;
    const hit = only(orgPrefix.get([...own][0]!), r);
    if (hit !== null) uf.union(r, hit);
  }

  // Final types and canonical keys. Nothing says what it is: `other` (its story entity may type it).
  const kept: Candidate[] = [];
  const canonical: string[] = [];
  const type: EntityType[] = [];
  const clusterInfo = new Map<number, { type: EntityType; canonical: string }>();
  for (const [r, ms] of groups()) {
    let t = voteType(cands, keys, det.hints, ms);
    if (t === null) t = ms.every((i) => cands[i]!.weak) || !ms.every((i) => cands[i]!.first === cands[i]!.last) ? 'other' : UNKNOWN_SINGLE_TYPE;
    clusterInfo.set(r, { type: t, canonical: canonicalKey(cands, keys, ms) });
  }
  cands.forEach((c, i) => {
    const info = clusterInfo.get(uf.find(i))!;
    kept.push(c);
    canonical.push(info.canonical);
    type.push(info.type);
  });
  return { kept, canonical, type };
}

const TYPE_ORDER: EntityType[] = ['person', 'organization', 'place', 'other'];

/**
 * The type of a group of candidates: the vote of their types weighted by confidence squared (one
 * sure mention outweighs several guesses); hints count when nothing else is sure. A group of lone
 * common words ("Apple") typed only by weak cues stays untyped: its story entity decides.
 */
function voteType(cands: Candidate[], keys: string[], hints: Map<string, EntityType>, ms: number[]): EntityType | null {
  const score = new Map<EntityType, number>();
  let maxConf = 0;
  for (const i of ms) {
    const c = cands[i]!;
    if (!c.type) continue;
    score.set(c.type, (score.get(c.type) ?? 0) + c.confidence * c.confidence);
    maxConf = Math.max(maxConf, c.confidence);
  }
  if (maxConf < 2) {
    for (const i of ms) {
      const h = hints.get(keys[i]!);
      if (h) {
        score.set(h, (score.get(h) ?? 0) + 4);
        maxConf = 2;
      }
    }
  }
  if (maxConf < 2 && ms.every((i) => cands[i]!.weak)) return null;
  let best: EntityType | null = null;
  let bestScore = 0;
  for (const t of TYPE_ORDER) {
    const s = score.get(t) ?? 0;
    if (s > bestScore) {
      best = t;
      bestScore = s;
    }
  }
  return best;
}

/** The key of the cluster's fullest name: not an acronym or a capital standing for a state, most tokens, most frequent. */
function canonicalKey(cands: Candidate[], keys: string[], ms: number[]): string {
  // A state named through its capital or an alias: the state's key is already what they share.
  const stateKey = ms.map((i) => cands[i]!).find((c) => c.state);
  if (stateKey) return nameKey(stateKey.state!);
  const count = new Map<string, number>();
  for (const i of ms) count.set(keys[i]!, (count.get(keys[i]!) ?? 0) + 1);
  const pool = ms.filter((i) => !cands[i]!.acronym);
  const from = pool.length ? pool : ms;
  let best = keys[from[0]!]!;
  for (const i of from) {
    const k = keys[i]!;
    const better = tokenCount(k) > tokenCount(best) || (tokenCount(k) === tokenCount(best) && (count.get(k) ?? 0) > (count.get(best) ?? 0));
    if (better) best = k;
  }
  return best;
}
