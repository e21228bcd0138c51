/**
 * Claim groups: a story's figures grouped by what they measure, each group with a status.
 *
 * Why by hand: no library reconciles numeric claims across news sources; the rules below follow
 * the issue's definitions. A figure is an interval (low/high, open on the side a qualifier leaves
 * open), widened by APPROX_TOLERANCE when hedged ("about", "nearly").
 *  - corroborated: every value agrees (intervals overlap, none is only a bound) and at least two
 *    independent sources give one (copies and two outlets citing the same upstream source count once);
 *  - single-source: the values agree but come from one source;
 *  - changed: the values agree only through a bound ("more than 70" vs "82"), or disagree, while
 *    the figures cover different periods (both stated and different, or one stated and the other
 *    not while the values agree): a count that moved, not a contradiction;
 *  - conflicting: values that cannot both hold for the same thing over the same (or unstated) period.
 * A relative figure ("three times higher") is converted against the figure it refers to (the
 * nearest earlier figure with a unit in the same article, within RATIO_REACH characters) and kept
 * with `derived` saying how; with nothing to refer to it is left out ("cannot tell").
 * An increment ("3,000 additional troops") is a later, separate figure: listed, never compared.
 */
import type { Figure } from '../figures/index.ts';
import { singular, unitKey } from '../figures/index.ts';
import type { Claim, ClaimStatus, ClaimValue } from '../report/schema.ts';
import { rarity } from '../group/features.ts';
import type { StoryArticle } from './types.ts';
import { bagOf, similarity } from './words.ts';

/** Two figures of one unit measure the same thing when their sentences agree this much (see splitMeasures). */
export const MEASURE_SIMILARITY = 0.35;
/** Hedged values ("about 12,000") are read as ±10%. */
export const APPROX_TOLERANCE = 0.1;
/** A ratio refers to a figure at most this many characters before it. */
export const RATIO_REACH = 400;
/** Characters before a figure's sentence looked at for the place it is about (about one sentence). */
const CONTEXT_BEFORE = 200;
/** Exact counts this small of anything ("two countries") are wording, not claims. */
const MIN_EXACT_COUNT = 3;
/** Units that measure a span of time: "one week" is a period, not a claim. */
const DURATION_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century', 's', 'min', 'h']);
/** A word between the number and the counted noun that makes the figure an increment on an earlier one ("3,000 additional troops"). */
const INCREMENT = /\d(?:[\d,.]*)(?:\s+(?:hundred|thousand|million|billion))?\s+(?:additional|more|extra|further|new)$/i;

/** A value of a claim group: the report's shape (`derived` and `increment` are set here). */
export type ClaimValueOut = ClaimValue;

/** A claim group: the report's shape, with `kind` and `reason` always set. */
export type ClaimOut = Claim & Required<Pick<Claim, 'kind' | 'reason'>>;

interface Candidate {
  figure: Figure;
  /** For a converted ratio: the figure it multiplies (always the same measure). */
  base?: Figure;
  articleId: string;
  key: string;
  low: number | null;
  high: number | null;
  unit: string | null;
  derived?: string;
  increment: boolean;
}

/** The unit's head noun, singular: what the figure counts ("artillery shells" → "shell"; "km²"). */
function measureKey(unit: string | null): string {
  const key = unitKey(unit);
  if (!key) return '';
  const words = key.split(' per ')[0]!.split(' ');
  return words.length > 1 ? singular(words.at(-1)!) : key;
}

/** A figure worth comparing across sources: not a bare number, a duration or a small exact count of wording ("two countries"). */
export function claimable(f: Figure): boolean {
  if (f.kind === 'amount') return false;
  if (/^one of\b/i.test(f.text)) return false;
  if (f.kind === 'measure' && DURATION_UNITS.has(singular(measureKey(f.unit)))) return false;
  if (f.kind === 'count' && f.bound === '=' && f.low !== null && f.low === f.high && f.low < MIN_EXACT_COUNT) return false;
  return true;
}

function candidates(article: StoryArticle): Candidate[] {
  const figures = article.analysis?.figures ?? [];
  const out: Candidate[] = [];
  for (const f of figures) {
    if (f.kind === 'ratio') {
      if (f.factor === undefined) continue;
      // "could be three times higher": the nearest earlier figure with a unit is what it multiplies.
      const base = [...figures].reverse().find((b) => b.end <= f.start && f.start - b.end <= RATIO_REACH && b.unit && b.kind !== 'ratio' && claimable(b));
      if (!base || base.low === null) continue;
      const low = base.low * f.factor;
      const high = base.high === null ? null : base.high * f.factor;
      out.push({ figure: f, base, articleId: article.id, key: measureKey(base.unit), low, high, unit: base.unit, increment: false, derived: `${f.text} than ${base.text}` });
      continue;
    }
    if (!claimable(f) || !f.unit) continue;
    const before = f.text.slice(0, Math.max(0, f.text.length - f.unit.length)).trim();
    out.push({ figure: f, articleId: article.id, key: measureKey(f.unit), low: f.low, high: f.high, unit: f.unit, increment: INCREMENT.test(before) });
  }
  return out;
}

/** The interval a value allows, hedges widened. */
function interval(c: Pick<Candidate, 'low' | 'high'> & { approx: boolean }): [number, number] {
  const t = c.approx ? APPROX_TOLERANCE : 0;
  const lo = c.low === null ? -Infinity : c.low * (1 - t);
  const hi = c.high === null ? Infinity : c.high * (1 + t);
  return [lo, hi];
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** Only a bound: "more than 70", "up to 400". */
function openEnded(v: ClaimValueOut): boolean {
  return v.low === null || v.high === null;
}

/** An attribution as a comparable key: case, spacing, articles and parentheses ("(C4ADS)") dropped. */
function attributionKey(a: string): string {
  return a.toLowerCase().replace(/\([^)]*\)/g, ' ').replace(/^\s*(?:according to\s+)?(?:the\s+)?/, '').replace(/\s+/g, ' ').trim();
}

function sameSource(a: string | null, b: string | null): boolean {
  return (a === null && b === null) || (a !== null && b !== null && attributionKey(a) === attributionKey(b));
}

/** Who a value comes from, for independence: its attribution, else its article; a copy counts as its original, whatever it adds. */
function sourceKeys(v: ClaimValueOut, original: (id: string) => string): string[] {
  if (v.articleIds.every((id) => original(id) !== id)) return [...new Set(v.articleIds.map(original))].map((id) => `article:${id}`);
  if (v.attribution) return [attributionKey(v.attribution)];
  return [...new Set(v.articleIds.map(original))].map((id) => `article:${id}`);
}

function describe(v: ClaimValueOut): string {
  return `${v.derived ? `${v.text} (≈ ${Math.round(v.low ?? 0).toLocaleString('en-US')})` : v.text}${v.attribution ? ` (${v.attribution})` : ''}`;
}

export function statusOf(values: ClaimValueOut[], original: (id: string) => string = (id) => id): { status: ClaimStatus; reason: string } {
  const compared = values.filter((v) => !v.increment);
  const sources = new Set(compared.flatMap((v) => sourceKeys(v, original)));
  let clash: [ClaimValueOut, ClaimValueOut] | null = null;
  let boundOnly: [ClaimValueOut, ClaimValueOut] | null = null;
  for (let i = 0; i < compared.length; i++) {
    for (let j = i + 1; j < compared.length; j++) {
      const a = compared[i]!;
      const b = compared[j]!;
      if (!overlaps(interval(a), interval(b))) clash ??= [a, b];
      else if ((openEnded(a) || openEnded(b)) && !(openEnded(a) && openEnded(b))) boundOnly ??= [a, b];
    }
  }
  const periodsDiffer = (a: ClaimValueOut, b: ClaimValueOut, strict: boolean) =>
    strict ? a.period !== null && b.period !== null && a.period.toLowerCase() !== b.period.toLowerCase() : (a.period ?? '').toLowerCase() !== (b.period ?? '').toLowerCase();
  if (clash) {
    const [a, b] = clash;
    if (periodsDiffer(a, b, true)) return { status: 'changed', reason: `${describe(a)} covers ${a.period}, ${describe(b)} covers ${b.period}: the figure moved over time` };
    return { status: 'conflicting', reason: `${describe(a)} against ${describe(b)}${a.period && !b.period ? `; only the first states its period (${a.period})` : ''}` };
  }
  if (boundOnly && periodsDiffer(boundOnly[0], boundOnly[1], false)) {
    const [a, b] = boundOnly;
    return { status: 'changed', reason: `${describe(a)}${a.period ? ` (${a.period})` : ''} and ${describe(b)}${b.period ? ` (${b.period})` : ''} agree only as a bound, over different periods: a figure that moved, not a contradiction` };
  }
  if (sources.size >= 2) return { status: 'corroborated', reason: `${sources.size} independent sources agree within their qualifiers` };
  return { status: 'single-source', reason: compared.length > 1 ? 'the values agree but come from one source' : 'one source gives this figure' };
}

/**
 * A readable name for what a group measures: its most common unit as written, with the place every
 * figure's sentence (or the one before) names when there is one the whole story does not ("settlements (Kursk region)").
 */
function measureName(group: Candidate[], articles: StoryArticle[]): string {
  const counts = new Map<string, number>();
  for (const c of group) if (c.unit && !c.derived) counts.set(c.unit, (counts.get(c.unit) ?? 0) + 1);
  const unit = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? group[0]!.unit ?? group[0]!.key;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const placesIn = (c: Candidate) => {
    const a = byId.get(c.articleId);
    const at = a ? a.text.indexOf(c.figure.sentence) : -1;
    if (!a || at < 0) return new Map<string, string>();
    const end = at + c.figure.sentence.length;
    // The sentence and the one before it in its paragraph ("... fighting in the Kursk region. In one week, forces captured 70 settlements").
    const from = Math.max(a.text.lastIndexOf('\n', at) + 1, at - CONTEXT_BEFORE);
    return new Map((a.analysis?.entities ?? []).filter((m) => m.type === 'place' && m.start >= from && m.end <= end).map((m) => [m.canonical, m.text]));
  };
  const everywhere = (canonical: string) => articles.every((a) => (a.analysis?.entities ?? []).some((m) => m.canonical === canonical));
  const sets = group.map(placesIn);
  const shared = [...sets[0]!].filter(([k]) => sets.every((s) => s.has(k)) && !everywhere(k));
  return shared.length ? `${unit} (${shared[0]![1]})` : unit;
}

/**
 * Figures with one unit can still measure different things ("21 percent" of voters and "17 percent"
 * of donors): a unit group splits into measures, figures linked when
 *  - one is a ratio converted against the other (the same measure by construction);
 *  - not when one article gives both with the same attribution and different values: an article
 *    does not contradict itself, so those count different things;
 *  - otherwise when their sentences agree (rarity-weighted word overlap, the unit's own words
 *    included, ≥ MEASURE_SIMILARITY).
 * Words are weighted by rarity in general English. When it cannot tell, figures stay apart: a false "conflicting" costs a reader more than a
 * missed one (tuned on the seeds; on basil-dev it cut conflicts from 31 to the count in docs/benchmarks.md).
 */
/**
 * Word weights for comparing figures' sentences: rarity in general English (SUBTLEX, as grouping
 * uses), not in the story — a story of two articles has too few sentences to say what is rare.
 */
function rarityWeights(groups: Map<string, Candidate[]>): Map<string, number> {
  const weights = new Map<string, number>();
  for (const g of groups.values()) {
    for (const c of g) {
      for (const w of bagOf(`${c.figure.sentence} ${c.unit ?? ''}`)) if (!weights.has(w)) weights.set(w, rarity(w));
    }
  }
  return weights;
}

function splitMeasures(group: Candidate[], weights: Map<string, number>): Candidate[][] {
  const bags = group.map((c) => {
    const sentence = c.figure.sentence.replace(c.figure.text, ' ');
    const bag = bagOf(`${sentence} ${c.unit ?? ''}`);
    return bag;
  });
  const parent = group.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < group.length; i++) {
    for (let j = i + 1; j < group.length; j++) {
      const a = group[i]!;
      const b = group[j]!;
      let link: boolean;
      if (a.base === b.figure || b.base === a.figure) link = true;
      else if (a.articleId === b.articleId && sameSource(a.figure.attribution, b.figure.attribution) && (a.low !== b.low || a.high !== b.high)) link = false;
      else link = similarity(bags[i]!, bags[j]!, weights) >= MEASURE_SIMILARITY;
      if (link) parent[find(i)] = find(j);
    }
  }
  const parts = new Map<number, Candidate[]>();
  group.forEach((c, i) => parts.set(find(i), [...(parts.get(find(i)) ?? []), c]));
  return [...parts.values()];
}

export function reconcileFigures(articles: StoryArticle[]): ClaimOut[] {
  const original = new Map(articles.map((a) => [a.id, a.duplicateOf ?? a.id]));
  const groups = new Map<string, Candidate[]>();
  for (const a of articles) {
    for (const c of candidates(a)) {
      if (!c.key) continue;
      const g = groups.get(c.key) ?? [];
      g.push(c);
      groups.set(c.key, g);
    }
  }
  const weights = rarityWeights(groups);
  const claims: ClaimOut[] = [];
  for (const group of [...groups.values()].flatMap((g) => splitMeasures(g, weights))) {
    const articleCount = new Set(group.map((c) => c.articleId)).size;
    const qualified = group.some((c) => c.figure.attribution || c.figure.approx || c.derived);
    // A figure one article gives once, unqualified and unattributed, is detail, not a claim to check.
    if (articleCount < 2 && !qualified) continue;
    const values: ClaimValueOut[] = [];
    for (const c of group) {
      const same = values.find((v) => v.low === c.low && v.high === c.high && !v.derived && !c.derived && Boolean(v.increment) === c.increment && sameSource(v.attribution, c.figure.attribution));
      if (same) {
        if (!same.articleIds.includes(c.articleId)) same.articleIds.push(c.articleId);
        same.period ??= c.figure.period;
        continue;
      }
      values.push({
        text: c.figure.text,
        low: c.low,
        high: c.high,
        unit: c.unit,
        approx: c.figure.approx || Boolean(c.derived),
        attribution: c.figure.attribution,
        period: c.figure.period,
        articleIds: [c.articleId],
        ...(c.derived ? { derived: c.derived } : {}),
        ...(c.increment ? { increment: true } : {}),
      });
    }
    const { status, reason } = statusOf(values, (id) => original.get(id) ?? id);
    claims.push({ measure: measureName(group, articles), kind: 'figure', status, reason, values });
  }
  const rank: Record<ClaimStatus, number> = { conflicting: 0, changed: 1, corroborated: 2, 'single-source': 3 };
  return claims.sort((a, b) => rank[a.status] - rank[b.status] || b.values.length - a.values.length || a.measure.localeCompare(b.measure));
}
