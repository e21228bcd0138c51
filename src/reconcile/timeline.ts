/**
 * The timeline of a story: dated events read from its articles' sentences, merged across articles,
 * in date order, each citing its articles — and the dates the articles disagree about.
 *
 * Why by hand: event extraction models need weights this machine cannot download; the time tagger
 * (src/time) already resolves every date against the article's publication date, so an event here
 * is a sentence with its date:
 *  - a sentence with an absolute or resolved date ("In April", "between August 2023 and January
 *    2024" as one range) is an event on that date; dates used as modifiers ("the 2001 treaty",
 *    "since 2000", "the 1950-53 Korean War") do not date the sentence;
 *  - a sentence dated only by a weekday or "yesterday", and the article's lead, happened in the
 *    days before publication: their range is the publication date or bounds, LEAD_DAYS earlier at
 *    the start; with no publication date they are undated — never a guessed day;
 *  - a month without a year ("in June" in an undated article) joins a dated event of that month
 *    when the wording agrees, and is undated otherwise.
 * Candidates from different articles merge when their dates are compatible and their words agree
 * (rarity-weighted overlap ≥ MERGE_SIMILARITY); when the words agree strongly
 * (≥ DISPUTE_SIMILARITY) but the dates cannot both hold, the dates are a disagreement.
 */
import { paragraphs } from '../article/article.ts';
import type { StoryEvent } from '../report/schema.ts';
import { sentenceSpans } from '../nlp/index.ts';
import type { TimeMention } from '../time/index.ts';
import { type ClaimOut, claimable } from './claims.ts';
import { type Bag, bagOf, idf, similarity } from './words.ts';
import type { StoryArticle } from './types.ts';

/** Days before publication a lead or a weekday event can lie. */
export const LEAD_DAYS = 7;
export const MERGE_SIMILARITY = 0.3;
export const DISPUTE_SIMILARITY = 0.3;
/** Words of an event summary before it is cut. */
const SUMMARY_WORDS = 45;
/** The lead is the first paragraph of at least this many words (a one-line subtitle is not). */
const LEAD_MIN_WORDS = 20;
/** A lead event's summary is its paragraph, up to this many words. */
const LEAD_WORDS = 60;
/**
 * News reports its happening first: an undated sentence in the first paragraphs that tells of a
 * meeting or visit with a named person is the news of the day (dated by publication, like the lead).
 */
const NEWS_PARAGRAPHS = 4;
const MEETING = /\b(?:met|meet|meets|meeting|talks|visit|visited|visiting|summit|delegation|received|hosted)\b/i;
const DAY = 86_400_000;

/** A timeline event: the report's shape, with `precision`, `basis` and `dateText` always set. */
export type TimelineEvent = StoryEvent & Required<Pick<StoryEvent, 'precision' | 'basis' | 'dateText'>>;

interface Candidate extends TimelineEvent {
  articleId: string;
  /** The TimeML value of the dating mention, resolved or not (`XXXX-07-06`). */
  value: string | null;
  bag: Bag;
  /** A month the text names without a year (`XXXX-06`): "06". */
  month: string | null;
  people: Set<string>;
  /** The sentence states a figure. */
  figures: boolean;
  order: number;
}

const ATTRIBUTIVE_BEFORE = /(?:\bsince|\buntil|\btill|\bthe|\bits|\bthis|-)\s*$/i;
const RANGE = /\b(?:between|from)\s*$/i;
const VAGUE = /REF$/;
const CALENDAR_DAY = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d{4}-\d{2}-\d{2}/i;
const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function fmt(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** The widest common prefix of two ISO days as a partial date: 2025-03-25..2025-12-31 → "2025". */
function commonDate(a: string, b: string): { date: string; precision: string } | null {
  if (a === b) return { date: a, precision: 'day' };
  if (a.slice(0, 7) === b.slice(0, 7)) return { date: a.slice(0, 7), precision: 'month' };
  if (a.slice(0, 4) === b.slice(0, 4)) return { date: a.slice(0, 4), precision: 'year' };
  return null;
}

function summarise(s: string, max = SUMMARY_WORDS): string {
  const words = s.replace(/\s+/g, ' ').trim().split(' ');
  return words.length <= max ? words.join(' ') : `${words.slice(0, max).join(' ')}\u2026`;
}

/** A bare year modifying the noun after it ("his 2008 campaign", "potential 2012 Republican candidates"), unless a preposition introduces it ("in 2009 the company"). */
function attributiveYear(text: string, t: TimeMention): boolean {
  if (!/^\d{4}$/.test(t.text)) return false;
  if (/\b(?:in|by|during|from|of|to|through|between|and|or|early|late|mid)\s*$/i.test(text.slice(Math.max(0, t.start - 10), t.start))) return false;
  return /^[\s-]+\p{L}/u.test(text.slice(t.end, t.end + 3));
}

/** Dates that date their sentence (not modifiers of a noun, not "since ..."). */
function datingMentions(text: string, times: TimeMention[], start: number, end: number): TimeMention[] {
  return times.filter(
    (t) => t.type === 'DATE' && t.start >= start && t.end <= end && t.value && !VAGUE.test(t.value) && !ATTRIBUTIVE_BEFORE.test(text.slice(Math.max(start, t.start - 8), t.start)) && !attributiveYear(text, t),
  );
}

function fromPublished(a: StoryArticle): Pick<TimelineEvent, 'date' | 'earliest' | 'latest' | 'precision' | 'basis'> {
  const { earliest, latest } = a.published;
  if (!earliest && !latest) return { date: null, earliest: null, latest: null, precision: null, basis: 'none' };
  const from = earliest ? fmt(Date.parse(earliest) - LEAD_DAYS * DAY) : null;
  const common = from && latest ? commonDate(from, latest) : null;
  return { date: common?.date ?? null, earliest: from, latest: latest ?? null, precision: common ? common.precision : 'range', basis: 'published' };
}

function candidatesOf(a: StoryArticle, order: { n: number }): Candidate[] {
  const times = a.analysis?.times ?? [];
  const people = (s: number, e: number) => new Set((a.analysis?.entities ?? []).filter((m) => m.type === 'person' && m.start >= s && m.end <= e).map((m) => m.canonical));
  const out: Candidate[] = [];
  const lead = paragraphs(a.text).find((p) => p.split(/\s+/).length >= LEAD_MIN_WORDS) ?? '';
  const leadAt = lead ? a.text.indexOf(lead) : -1;
  let leadTaken = false;
  const paras = paragraphs(a.text);
  const lastNews = paras[Math.min(paras.length, NEWS_PARAGRAPHS) - 1];
  const newsEnd = lastNews ? a.text.indexOf(lastNews) + lastNews.length : 0;
  for (const s of sentenceSpans(a.text)) {
    const mentions = datingMentions(a.text, times, s.start, s.end);
    const figures = (a.analysis?.figures ?? []).some((f) => f.start >= s.start && f.end <= s.end && claimable(f));
    const base = { articleId: a.id, articleIds: [a.id], summary: summarise(s.text), bag: bagOf(s.text, a.analysis?.entities ?? [], s.start, s.end), people: people(s.start, s.end), figures, order: order.n++ };
    const resolved = mentions.filter((m) => m.resolved && m.earliest && m.latest);
    if (resolved.length) {
      const first = resolved[0]!;
      // "between August 2023 and January 2024" / "from August last year to January 2024": one range.
      const second = resolved[1];
      const opener = a.text.slice(Math.max(s.start, first.start - 10), first.start).match(RANGE);
      if (second && opener) {
        out.push({ ...base, date: null, earliest: first.earliest, latest: second.latest, precision: 'range', basis: 'text', dateText: a.text.slice(first.start - opener[0].length, second.end).trim(), value: null, month: null });
      } else {
        // The report's dates are calendar dates (YYYY, YYYY-MM, YYYY-MM-DD): a season or week ("2024-FA")
        // keeps its precision and its bounds, and its date is what the bounds share ("2024").
        const date = PARTIAL_DATE.test(first.value ?? '') ? first.value : (commonDate(first.earliest!, first.latest!)?.date ?? null);
        out.push({ ...base, date, earliest: first.earliest, latest: first.latest, precision: first.precision, basis: 'text', dateText: first.text, value: first.value, month: null });
      }
      continue;
    }
    const unresolved = mentions.find((m) => !m.resolved);
    const month = unresolved?.value?.match(/^XXXX-(\d\d)(?:-\d\d)?$/)?.[1] ?? null;
    const isLead = !leadTaken && leadAt >= 0 && s.start >= leadAt && s.end <= leadAt + lead.length;
    const isNews = s.start < newsEnd && MEETING.test(s.text) && people(s.start, s.end).size > 0;
    if (unresolved && month) {
      // A month (and day) without a year: joins a dated event of that month, else stays undated.
      out.push({ ...base, date: null, earliest: null, latest: null, precision: null, basis: 'none', dateText: unresolved.text, value: unresolved.value, month });
    } else if (unresolved || isLead || isNews) {
      // A weekday, "yesterday", or the lead: the days before publication.
      if (isLead && !isNews) {
        leadTaken = true;
        base.summary = summarise(lead, LEAD_WORDS);
        base.bag = bagOf(lead, a.analysis?.entities ?? [], leadAt, leadAt + lead.length);
        base.people = people(leadAt, leadAt + lead.length);
      }
      out.push({ ...base, ...fromPublished(a), dateText: unresolved?.text ?? null, value: unresolved?.value ?? null, month: null });
    }
  }
  return out;
}

function overlapping(a: Candidate, b: Candidate): boolean {
  if (a.month || b.month) {
    const m = a.month ?? b.month!;
    const other = a.month ? b : a;
    if (a.month && b.month) return a.month === b.month;
    return other.basis === 'text' && other.precision === 'month' && other.date!.slice(5, 7) === m;
  }
  if (!a.earliest || !a.latest || !b.earliest || !b.latest) return false;
  return a.earliest <= b.latest && b.earliest <= a.latest;
}

/**
 * A date the text writes on the calendar ("in 2023", "In June", "Feb. 5"): only such dates are
 * compared for disputes. Weekdays and relative spans ("on Monday", "last week", "three weeks
 * ago") are read against the date line, and two articles using them are usually telling of
 * different days of one story (tried on basil-dev: 46 false disputes in 50 stories with them, 1 without).
 */
const CALENDAR = /\b(?:1[89]|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?/;

function disagree(a: Candidate, b: Candidate): boolean {
  return a.basis === 'text' && b.basis === 'text' && !a.month && !b.month && Boolean(a.earliest && b.earliest) && CALENDAR.test(a.dateText ?? '') && CALENDAR.test(b.dateText ?? '') && !overlapping(a, b);
}

/** Two sentences that name different people are about different happenings. */
function samePeople(a: Candidate, b: Candidate): boolean {
  if (a.people.size === 0 || b.people.size === 0) return true;
  for (const p of a.people) if (b.people.has(p)) return true;
  return false;
}

export interface Timeline {
  events: TimelineEvent[];
  /** Dates the articles disagree about, as date claims. */
  dateClaims: ClaimOut[];
}

export function buildTimeline(articles: StoryArticle[]): Timeline {
  const order = { n: 0 };
  const originals = articles.filter((a) => !a.duplicateOf || !articles.some((b) => b.id === a.duplicateOf));
  const all = originals.flatMap((a) => candidatesOf(a, order));
  const weights = idf(all.map((c) => c.bag));
  // Merge: each candidate joins the first earlier group of another article it agrees with.
  const groups: Candidate[][] = [];
  const disputes: Array<[Candidate[], Candidate[]]> = [];
  for (const c of all) {
    let joined = false;
    for (const g of groups) {
      const head = g[0]!;
      if (g.some((x) => x.articleId === c.articleId)) continue;
      const sim = similarity(head.bag, c.bag, weights);
      if (!samePeople(head, c)) continue;
      if (overlapping(head, c) && sim >= MERGE_SIMILARITY && (head.basis !== 'published' || c.basis !== 'published' || sim >= DISPUTE_SIMILARITY)) {
        g.push(c);
        joined = true;
        break;
      }
    }
    if (!joined) groups.push([c]);
  }
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i]!;
      const b = groups[j]!;
      if (a.some((x) => b.some((y) => y.articleId === x.articleId))) continue; // one article dating both: two happenings
      const [ha, hb] = [best(a), best(b)];
      if (!disagree(ha, hb)) continue;
      // Any member of one wording the happening like any member of the other — unless both give a
      // figure: "In 2023 the port handled 1.2 million containers" / "In 2024 ... 1.5 million" is a
      // measurement repeated each period, not one happening dated twice.
      const alike = a.some((x) => b.some((y) => samePeople(x, y) && !(x.figures && y.figures) && similarity(x.bag, y.bag, weights) >= DISPUTE_SIMILARITY));
      if (alike) disputes.push([a, b]);
    }
  }
  const events = groups.map(toEvent).sort(byDate);
  const dateClaims: ClaimOut[] = disputes.map(([a, b]) => {
    const [ea, eb] = [toEvent(a), toEvent(b)];
    return {
      measure: `date: ${ea.summary}`,
      kind: 'date',
      status: 'conflicting',
      reason: `articles date the same happening differently: ${describeDate(ea)} against ${describeDate(eb)}`,
      values: [ea, eb].map((e) => ({ text: e.dateText ?? describeDate(e), low: null, high: null, unit: null, approx: e.precision !== 'day', attribution: null, period: describeDate(e), articleIds: e.articleIds })),
    };
  });
  // An exact day that one source alone states is worth checking too.
  for (const g of groups) {
    const e = toEvent(g);
    // A calendar day the text writes out ("July 6", "6 August 2024"), not a weekday resolved against the date line.
    const day = g.some((c) => (c.precision === 'day' || /^XXXX-\d\d-\d\d$/.test(c.value ?? '')) && CALENDAR_DAY.test(c.dateText ?? ''));
    if (e.articleIds.length === 1 && (e.basis === 'text' || e.basis === 'none') && day) {
      if (dateClaims.some((c) => c.values.some((v) => v.articleIds.includes(e.articleIds[0]!) && v.text === e.dateText))) continue;
      dateClaims.push({ measure: `date: ${e.summary}`, kind: 'date', status: 'single-source', reason: 'one article gives this date', values: [{ text: e.dateText ?? describeDate(e), low: null, high: null, unit: null, approx: false, attribution: null, period: describeDate(e), articleIds: e.articleIds }] });
    }
  }
  return { events, dateClaims };
}

/** The most precisely dated member of a group (its date is the event's). */
function best(g: Candidate[]): Candidate {
  const rank = (c: Candidate) => (c.basis === 'text' ? 0 : c.basis === 'published' ? 1 : 2) * 10 + (c.precision === 'day' ? 0 : c.precision === 'month' ? 1 : 2);
  return [...g].sort((a, b) => rank(a) - rank(b) || a.order - b.order)[0]!;
}

function toEvent(g: Candidate[]): TimelineEvent {
  const b = best(g);
  return { date: b.date, earliest: b.earliest, latest: b.latest, precision: b.precision, summary: b.summary, articleIds: [...new Set(g.map((c) => c.articleId))], basis: b.basis, dateText: b.dateText };
}

function byDate(a: TimelineEvent, b: TimelineEvent): number {
  const ka = a.earliest ?? a.latest;
  const kb = b.earliest ?? b.latest;
  if (ka && kb) return ka.localeCompare(kb) || (a.latest ?? '').localeCompare(b.latest ?? '');
  if (ka) return -1;
  if (kb) return 1;
  return 0;
}

export function describeDate(e: Pick<TimelineEvent, 'date' | 'earliest' | 'latest' | 'precision' | 'dateText'>): string {
  if (e.date && e.precision !== 'range') return e.date;
  if (e.earliest && e.latest) return `${e.earliest} to ${e.latest}`;
  if (e.earliest) return `not before ${e.earliest}`;
  if (e.latest) return `not after ${e.latest}`;
  if (e.dateText && /\d|January|February|March|April|May|June|July|August|September|October|November|December/i.test(e.dateText)) return `${e.dateText} (year unknown)`;
  return e.dateText ? `undated (\u201c${e.dateText}\u201d)` : 'undated';
}
