/**
 * What grouping compares between two articles, and how much: one similarity from the signals the
 * grouping issue asks to weigh (docs/benchmarks.md has the ablation):
 *
 * - content words and name phrases (features.ts `vectorize`, rarity-weighted, cosine);
 * - entities the understand stage resolved ("Kim Jong-un" and "Kim" both `kim jong un`), each
 *   weighted by its rarity as a word sequence, so "Russia" counts less than "Krivoruchko";
 * - the title alone (the outlet's own one-line summary of the happening);
 * - time: publication intervals and the days the texts themselves date (resolved mentions).
 *
 * Every input is stored with the article (`group_features`), so the similarity of two stored
 * articles never changes and can be recomputed from the store when a neighbourhood is re-clustered.
 */
import type { Article, PublishedDate } from '../article/article.ts';
import type { TermWeight } from '../store/store.ts';
import { minhash } from './duplicates.ts';
import { cosine, rarity, stem, termCounts, vectorize } from './features.ts';

/** What the grouping keeps of an article: enough to compare it with any other, without its text. */
export interface GroupFeatures {
  /** Content words and name phrases, L2-normalised (the index vector). */
  vector: TermWeight[];
  /** Title words, L2-normalised; empty when the title was derived from the text. */
  title: TermWeight[];
  /** Canonical entity keys with rarity weights, L2-normalised. */
  entities: TermWeight[];
  /** Publication interval as day numbers since 1970 (null when unknown). */
  from: number | null;
  to: number | null;
  /** Days (day numbers) the text dates to day precision; a bounded sample. */
  days: number[];
  /** MinHash signature of the text's word shingles (duplicates.ts). */
  minhash: number[];
}

const DAY = 86_400_000;
/** Dated mentions kept per article: the first ones, where news states what happened when. */
const MAX_DAYS = 12;

export interface SignalWeights {
  /** Weight of the content-word cosine. */
  text: number;
  /** Weight of the entity cosine. */
  entities: number;
  /** Weight of the title cosine. */
  title: number;
  /** Use publication dates and dated mentions. */
  time: boolean;
  /** How much more a pair of the shortest texts' similarity counts than a pair of full-length ones (see `shortTextBoost`). */
  shortText: number;
}

/** The one configuration for every set (docs/benchmarks.md, grouping ablation). */
export const DEFAULT_SIGNALS: SignalWeights = { text: 1, entities: 0, title: 0, time: true, shortText: 1.5 };

/** Terms at which a text counts as full length (features.ts keeps at most 40). */
const FULL_TERMS = 40;

/**
 * Long texts share incidental vocabulary ("said", "government", a country), short ones share only
 * what they are about: a cosine of 0.1 between two six-word headlines (MStream) is as telling as
 * 0.25 between two news articles. The similarity of a pair is scaled up by how short the shorter
 * text's vector is, so one threshold serves both (docs/benchmarks.md: MStream 0.67 → 0.78 BCubed
 * at equal basil-dev figures).
 */
function shortTextBoost(a: GroupFeatures, b: GroupFeatures, boost: number): number {
  const length = Math.min(1, Math.min(a.vector.length, b.vector.length) / FULL_TERMS);
  return 1 + boost * (1 - length);
}

const dayOf = (iso: string | null): number | null => (iso ? Math.floor(Date.parse(iso) / DAY) : null);

/** Entity keys weighted by how rare their words are (a person's surname outweighs a country). */
export function entityVector(article: Pick<Article, 'analysis'>): TermWeight[] {
  const counts = new Map<string, number>();
  for (const e of article.analysis?.entities ?? []) counts.set(e.canonical, (counts.get(e.canonical) ?? 0) + 1);
  const weighted: TermWeight[] = [];
  for (const [key, n] of counts) {
    const words = key.split(/\s+/).filter(Boolean);
    const rare = words.length ? Math.max(...words.map((w) => rarity(stem(w)))) : 0;
    weighted.push({ term: key, weight: (1 + Math.log(n)) * rare });
  }
  return normalise(weighted.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1)).slice(0, 30));
}

function normalise(v: TermWeight[]): TermWeight[] {
  const top = v.filter((t) => t.weight > 0);
  const norm = Math.sqrt(top.reduce((s, t) => s + t.weight * t.weight, 0)) || 1;
  return top.map((t) => ({ term: t.term, weight: t.weight / norm }));
}

export function groupFeatures(article: Pick<Article, 'title' | 'titleDerived' | 'text' | 'published' | 'analysis'>): GroupFeatures {
  const days: number[] = [];
  for (const t of article.analysis?.times ?? []) {
    if (days.length >= MAX_DAYS) break;
    if (t.type !== 'DATE' || !t.resolved || t.precision !== 'day' || !t.earliest) continue;
    const d = dayOf(t.earliest)!;
    if (!days.includes(d)) days.push(d);
  }
  return {
    vector: vectorize(termCounts(article)),
    title: article.title && !article.titleDerived ? vectorize(termCounts({ title: article.title, text: '' })) : [],
    entities: entityVector(article),
    from: dayOf(article.published.earliest),
    to: dayOf(article.published.latest),
    days: days.sort((a, b) => a - b),
    minhash: minhash(article.text),
  };
}

/** Days between two publication intervals, or null when either is unknown. */
export function gapDays(a: Pick<GroupFeatures, 'from' | 'to'>, b: Pick<GroupFeatures, 'from' | 'to'>): number | null {
  if (a.from === null || a.to === null || b.from === null || b.to === null) return null;
  return Math.max(0, a.from - b.to, b.from - a.to);
}

/** Days between publication intervals given as ISO bounds (`daysApart` of the previous grouping, kept for callers). */
export function daysApart(a: Pick<PublishedDate, 'earliest' | 'latest'>, b: Pick<PublishedDate, 'earliest' | 'latest'>): number | null {
  return gapDays({ from: dayOf(a.earliest), to: dayOf(a.latest) }, { from: dayOf(b.earliest), to: dayOf(b.latest) });
}

/** Publication gap beyond which two articles need more in common (basil-dev: same people, different happenings). */
export const WINDOW_DAYS = 3;
/**
 * A publication gap beyond the window scales the similarity by FAR_PENALTY^(log2(1 + gap/window))²:
 * ×0.5 at two windows, ×0.1 at a month, ×0.003 at a year (tuned on basil-dev, where it is worth
 * 0.21 BCubed F1: docs/benchmarks.md).
 */
const FAR_PENALTY = 0.5;

/** True when the two texts date the same day (a shared, specific anchor for what happened). */
export function shareDay(a: GroupFeatures, b: GroupFeatures): boolean {
  let i = 0;
  let j = 0;
  while (i < a.days.length && j < b.days.length) {
    if (a.days[i] === b.days[j]) return true;
    if (a.days[i]! < b.days[j]!) i++;
    else j++;
  }
  return false;
}

/**
 * Similarity of two articles, about 0..1. The weighted mean of the cosines, then scaled down when
 * the articles were published far apart (unless their texts date the same day).
 */
export function similarity(a: GroupFeatures, b: GroupFeatures, w: SignalWeights = DEFAULT_SIGNALS): number {
  let num = w.text * cosine(a.vector, b.vector);
  let den = w.text;
  if (w.entities && a.entities.length && b.entities.length) {
    num += w.entities * cosine(a.entities, b.entities);
    den += w.entities;
  }
  if (w.title && a.title.length && b.title.length) {
    num += w.title * cosine(a.title, b.title);
    den += w.title;
  }
  let s = den ? num / den : 0;
  s *= shortTextBoost(a, b, w.shortText);
  if (w.time) {
    const gap = gapDays(a, b);
    if (gap !== null && gap > WINDOW_DAYS && !shareDay(a, b)) s *= FAR_PENALTY ** Math.log2(1 + gap / WINDOW_DAYS) ** 2;
  }
  return s;
}
