/**
 * Bags of words for comparing sentences within a story: content words (stopwords out, lower case,
 * crude singular) plus the canonical names of the entities the sentence mentions, weighted by their
 * rarity among the story's sentences (IDF), so "North Korea" in every sentence of a North Korea
 * story counts little and "Krivoruchko" a lot.
 */
import { createRequire } from 'node:module';
import type { EntityMention } from '../entities/index.ts';

const require = createRequire(import.meta.url);
const STOP = new Set<string>([...(require('stopwords-iso') as Record<string, string[]>).en!, 'said', 'says', 'told', 'also']);

export type Bag = Set<string>;

export function bagOf(text: string, entities: EntityMention[] = [], start = 0, end = Infinity): Bag {
  const bag: Bag = new Set();
  for (const w of text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []) {
    if (w.length < 4 || STOP.has(w)) continue;
    bag.add(stem(w));
  }
  for (const m of entities) if (m.start >= start && m.end <= end) bag.add(`=${m.canonical}`);
  return bag;
}

/** A crude suffix stripper ("signing", "signed", "signs" → "sign"): enough to compare sentences of one story. */
export function stem(word: string): string {
  const w = word.replace(/(?:'s|’s)$/, '');
  const m = w.match(/^(.{3,}?)(?:ies|ing|ed|es|s)$/);
  if (!m) return w;
  return w.endsWith('ies') ? `${m[1]}y` : m[1]!;
}

export function idf(bags: Bag[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const b of bags) for (const w of b) df.set(w, (df.get(w) ?? 0) + 1);
  const n = bags.length;
  return new Map([...df].map(([w, d]) => [w, Math.log(1 + n / d)]));
}

/** Weighted overlap: shared weight over the smaller bag's weight. */
export function similarity(a: Bag, b: Bag, weights: Map<string, number>): number {
  let shared = 0;
  let wa = 0;
  let wb = 0;
  for (const w of a) {
    const x = weights.get(w) ?? 1;
    wa += x;
    if (b.has(w)) shared += x;
  }
  for (const w of b) wb += weights.get(w) ?? 1;
  const smaller = Math.min(wa, wb);
  return smaller > 0 ? shared / smaller : 0;
}
