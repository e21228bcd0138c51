/**
 * What grouping compares: an article's content words (lower-cased, lightly stemmed, stop words out)
 * and its capitalised name phrases ("North Korea", "Kim Jong Un"), weighted by TF-IDF against the
 * store's document frequencies and L2-normalised, so a dot product is a cosine.
 */
import { createRequire } from 'node:module';
import type { Article } from '../article/article.ts';
import type { TermWeight } from '../store/store.ts';

/** Terms kept per article: enough for the subject, few enough that the index stays small. */
export const DEFAULT_VECTOR_TERMS = 60;
/** Name phrases say more about the subject than single words; they count this much more. */
const NAME_BOOST = 2;
/** The title is the outlet's own summary of the subject. */
const TITLE_BOOST = 2;

// stopwords-iso ships its lists as JSON, which ESM can only import with an attribute tsx/tsc disagree on.
const stopwords = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;
const STOP = new Set<string>([...stopwords.en!, 'said', 'says', 'told', 'also', 'year', 'years', 'time']);
const WORD = /[\p{L}][\p{L}\p{N}'\u2019-]*/gu;
const NAME = /(?:\b[\p{Lu}][\p{L}'\u2019-]+(?:\s+(?:of|al|bin|de|del|van|von|la|le)\b)?(?:[\s-]+[\p{Lu}][\p{L}'\u2019-]+){1,3})/gu;

/** Light English stemming: enough to join "shells"/"shell", "supplied"/"supply" is left alone. */
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

/** TF-IDF weights of the top terms, L2-normalised. `n` and `df` describe the corpus before this article. */
export function vectorize(counts: Map<string, number>, n: number, df: Map<string, number>, k = DEFAULT_VECTOR_TERMS): TermWeight[] {
  const weighted: TermWeight[] = [];
  for (const [term, tf] of counts) {
    const idf = Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1;
    weighted.push({ term, weight: (1 + Math.log(tf)) * idf });
  }
  weighted.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  const top = weighted.slice(0, k);
  const norm = Math.sqrt(top.reduce((s, t) => s + t.weight * t.weight, 0)) || 1;
  return top.map((t) => ({ term: t.term, weight: t.weight / norm }));
}
