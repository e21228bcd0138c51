/**
 * Publication dates: explicit when the input states one, inferred (as bounds, with the evidence)
 * when the text only implies one, and unknown otherwise. An exact day is never invented.
 *
 * Absolute date mentions come from chrono-node (which handles "6:56 AM EDT, July 19, 2024",
 * "April 2025", "between August 2023 and January 2024"); bare years ("In 2023") chrono does not
 * parse, so a small pattern adds them.
 */
import * as chrono from 'chrono-node';
import type { PublishedDate } from '../article/article.ts';
import { UNKNOWN_DATE } from '../article/article.ts';

export type Precision = 'year' | 'month' | 'day';

export interface DateMention {
  text: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  value: string;
  precision: Precision;
  /** The sentence the mention stands in. */
  sentence: string;
  /** Offset of the mention inside the sentence. */
  index: number;
}

/** chrono needs a reference date even for absolute dates; far in the future, so nothing relative sneaks in. */
const REFERENCE = new Date(Date.UTC(2100, 0, 1));
const BARE_YEAR = /\b(?:in|since|during|by|of|from|until|through|throughout|before|after|early|late|mid-?)\s+((?:19|20)\d{2})\b(?![-/]\d)/gi;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** "In April", "in March": a month named without a year. "May" is left out: it is far more often the verb. */
const BARE_MONTH = /\b(?:in|since|during|until|by|early|late|mid-?|last)\s+(january|february|march|april|june|july|august|september|october|november|december)\b(?!\s*,?\s*\d)(?!\s+of\s+(?:19|20)\d{2})/gi;

/** Words that put a sentence in the past: past auxiliaries and frequent irregular past forms. */
const PAST_WORDS = new Set(
  ('was were had did said told took gave sent began came went saw made met held led left kept won lost fell rose '
    + 'paid spent brought bought thought found became wrote spoke struck fought sought stood ran shot hit cut put set '
    + 'reported').split(' '),
);
/** Words that put a date in the future or make it a plan rather than a report. */
const FUTURE = /\b(?:will|would|shall|going to|plans? to|planned for|scheduled|set (?:for|to)|due (?:to|on|in)|expected|upcoming|next|until|by the end of|aims? to|intends? to)\b/i;

/** Splits text into sentences cheaply (good enough for date context; the understanding stage does it properly). */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((p) => p.split(/(?<=[.!?]["\u201d\u2019)]?)\s+(?=["\u201c\u2018(]?[\p{Lu}\p{N}])/u))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A year spelled out in digits: what makes a date absolute here. */
const YEAR = /\b(?:1[89]|20)\d{2}\b/;

/**
 * Every absolute date (one with a year) in the text, with its sentence; with `keep`, only in the
 * sentences it keeps (a caller that drops the others anyway spares chrono the work).
 */
export function absoluteDates(text: string, keep?: (sentence: string) => boolean): DateMention[] {
  const out: DateMention[] = [];
  for (const sentence of sentences(text)) {
    // Most sentences name no year, and chrono is the costliest step of reading a text's metadata:
    // it is not asked about them (what it would find there is dropped below anyway).
    if (!YEAR.test(sentence) || (keep && !keep(sentence))) continue;
    for (const r of chrono.parse(sentence, REFERENCE)) {
      // Only dates that spell out their year: chrono also marks "this year" as year-certain.
      if (!YEAR.test(r.text)) continue;
      for (const c of [r.start, r.end]) {
        if (!c || !c.isCertain('year')) continue;
        const precision: Precision = c.isCertain('day') ? 'day' : c.isCertain('month') ? 'month' : 'year';
        out.push({ text: r.text, value: format(c.get('year')!, c.get('month')!, c.get('day')!, precision), precision, sentence, index: r.index });
      }
    }
    for (const m of sentence.matchAll(BARE_YEAR)) {
      const index = m.index! + m[0].length - 4;
      if (out.some((d) => d.sentence === sentence && index >= d.index && index < d.index + d.text.length)) continue;
      out.push({ text: m[1]!, value: m[1]!, precision: 'year', sentence, index });
    }
  }
  return out;
}

/** Parses a date a source states outright ("2024-07-19T10:56:00Z", "July 19, 2024"). */
export function parseExplicit(text: string): { value: string; precision: Precision } | null {
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]|$)/.exec(text.trim());
  if (iso) {
    const precision: Precision = iso[3] ? 'day' : iso[2] ? 'month' : 'year';
    return { value: [iso[1], iso[2], iso[3]].filter(Boolean).join('-'), precision };
  }
  const r = chrono.parse(text, REFERENCE)[0];
  if (!r || !r.start.isCertain('year') || !YEAR.test(r.text)) return null;
  const c = r.start;
  const precision: Precision = c.isCertain('day') ? 'day' : c.isCertain('month') ? 'month' : 'year';
  return { value: format(c.get('year')!, c.get('month')!, c.get('day')!, precision), precision };
}

/** True when the sentence reports the date as past: a past-tense verb and no future or plan wording. */
export function reportsPast(sentence: string): boolean {
  if (FUTURE.test(sentence)) return false;
  const words = sentence.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.some((w) => PAST_WORDS.has(w) || (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')));
}

/** The publication date a page states outright: its date line, or a date its metadata gives. */
export function explicitPublished(candidates: Array<{ text: string; evidence: string }>): PublishedDate | null {
  for (const c of candidates) {
    const parsed = parseExplicit(c.text);
    if (parsed) {
      return { value: parsed.value, earliest: start(parsed.value), latest: end(parsed.value), basis: 'explicit', evidence: c.evidence };
    }
  }
  return null;
}

/**
 * Bounds from the text: the article was written after the latest absolute date it reports in the
 * past tense. When it also names that month without a year ("In April", AP style for the current
 * year) in the past tense, the publication year is that date's year.
 */
export function inferPublished(text: string): PublishedDate {
  // Only sentences in the past tense can date the article: chrono reads no other.
  const past = absoluteDates(text, reportsPast).filter((d) => !FUTURE.test(d.sentence.slice(Math.max(0, d.index - 30), d.index)));
  if (past.length === 0) return UNKNOWN_DATE;
  const latest = past.reduce((a, b) => (start(b.value) > start(a.value) ? b : a));
  const earliest = start(latest.value);
  const evidence = [`reports ${latest.text} in the past tense: "${clip(latest.sentence)}"`];

  let year: string | null = null;
  if (latest.precision !== 'year') {
    const monthName = MONTHS[Number(latest.value.slice(5, 7)) - 1]!;
    for (const s of sentences(text)) {
      for (const m of s.matchAll(BARE_MONTH)) {
        if (m[1]!.toLowerCase() === monthName && reportsPast(s)) {
          year = latest.value.slice(0, 4);
          evidence.push(`names "${m[0].trim()}" without a year, which news style uses for the current year: "${clip(s)}"`);
          break;
        }
      }
      if (year) break;
    }
  }
  return {
    value: year,
    earliest,
    latest: year ? `${year}-12-31` : null,
    basis: 'inferred',
    evidence: evidence.join('; '),
  };
}

function clip(s: string, max = 160): string {
  return s.length > max ? `${s.slice(0, max - 1)}\u2026` : s;
}

function format(y: number, m: number, d: number, precision: Precision): string {
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  return precision === 'year' ? `${y}` : precision === 'month' ? `${y}-${mm}` : `${y}-${mm}-${dd}`;
}

/** First day of a `YYYY[-MM[-DD]]` value. */
export function start(value: string): string {
  const [y, m = '01', d = '01'] = value.split('-');
  return `${y}-${m}-${d}`;
}

/** Last day of a `YYYY[-MM[-DD]]` value. */
export function end(value: string): string {
  const [y, m, d] = value.split('-');
  if (d) return value;
  if (!m) return `${y}-12-31`;
  const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  return `${y}-${m}-${String(last).padStart(2, '0')}`;
}
