/**
 * The briefing: at most `words` words (DEFAULT_BRIEFING_WORDS), every sentence citing the articles
 * it rests on. Extractive: sentences are the articles' own (the lead, dated events of the timeline,
 * a direct quotation) or are assembled only from the articles' own wording of figures and dates
 * (a disputed figure is stated as disputed, each value with its words, attribution and articles).
 * Never a number no article states: a converted relative figure is given as its words ("three
 * times higher than approximately 1.6 million artillery shells"), not as the computed product.
 *
 * Priority when the budget is short: the lead, disputes (figures, then dates), figures that
 * changed, corroborated figures, a statement of the most quoted speaker, then dated events — most
 * widely reported first; the chosen sentences are then put in reading order.
 */
import type { BriefingSentence } from '../report/schema.ts';
import type { ClaimOut, ClaimValueOut } from './claims.ts';
import { type TimelineEvent, describeDate } from './timeline.ts';
import type { StoryArticle } from './types.ts';
import { sentenceSpans } from '../nlp/index.ts';
import { bagOf, idf, similarity } from './words.ts';

export const DEFAULT_BRIEFING_WORDS = 250;
/** Quotations longer than this are not used whole in a briefing. */
const MAX_QUOTE_WORDS = 35;
/** Disputed figures named in the briefing at most (the claims table has all). */
const MAX_DISPUTES = 3;
/** A sentence this similar to one already chosen says the same thing. */
const REDUNDANT = 0.6;

export type { BriefingSentence };

export interface BriefingQuote {
  speaker: string | null;
  text: string;
  via: string | null;
  direct: boolean;
  articleId: string;
}

type Section = 'lead' | 'quote' | 'event' | 'dispute' | 'changed' | 'agreed';
const READING_ORDER: Section[] = ['lead', 'quote', 'event', 'dispute', 'changed', 'agreed'];

interface Pick extends BriefingSentence {
  section: Section;
  order: number;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Each figure as worded once, with every source and period that gives it: "89 freshmen (according to Boehner)". */
function valueWords(values: ClaimValueOut[]): string[] {
  const bySaid = new Map<string, string[]>();
  for (const v of values) {
    const said = v.derived ?? v.text;
    const parts = bySaid.get(said) ?? [];
    for (const p of [v.attribution && !/^(?:reportedly|reports?)$/i.test(v.attribution) ? `according to ${v.attribution}` : null, v.period]) if (p && !parts.includes(p)) parts.push(p);
    bySaid.set(said, parts);
  }
  return [...bySaid].map(([said, parts]) => (parts.length ? `${said} (${parts.join(', ')})` : said));
}

function articlesOf(values: ClaimValueOut[]): string[] {
  return [...new Set(values.flatMap((v) => v.articleIds))];
}

function claimSentence(c: ClaimOut): { text: string; section: Section } | null {
  const values = c.values.filter((v) => !v.increment);
  if (values.length === 0) return null;
  const measure = c.measure.replace(/^date: /, '');
  if (c.kind === 'date') {
    if (c.status !== 'conflicting') return null;
    // Each date as the article words it, with the timeline's reading in parentheses: "“In 2023” (2023) against “In June” (2024-06)".
    const dated = values.map((v) => (v.period && v.period !== v.text ? `\u201c${v.text}\u201d (${v.period})` : `\u201c${v.text}\u201d`));
    return { section: 'dispute', text: `Articles disagree on when this happened \u2014 \u201c${measure.replace(/\u2026$/, '')}\u201d: ${dated.join(' against ')}.` };
  }
  const listed = valueWords(values);
  const joined = listed.length > 2 ? `${listed.slice(0, -1).join('; ')}; and ${listed.at(-1)}` : listed.join(' and ');
  switch (c.status) {
    case 'conflicting':
      return { section: 'dispute', text: `Sources disagree on ${/^\p{L}.*s\b/u.test(measure) ? 'the number of' : 'the figure for'} ${measure}: ${listed.join(' against ')}.` };
    case 'changed':
      return { section: 'changed', text: `Figures for ${measure} changed over time rather than conflict: ${joined}.` };
    case 'corroborated':
      return { section: 'agreed', text: `Independent sources agree on ${measure}: ${joined}.` };
    default:
      return null;
  }
}

export function buildBriefing(
  articles: StoryArticle[],
  events: TimelineEvent[],
  claims: ClaimOut[],
  quotes: BriefingQuote[],
  words = DEFAULT_BRIEFING_WORDS,
): BriefingSentence[] {
  const candidates: Pick[] = [];
  let order = 0;
  const add = (section: Section, text: string, articleIds: string[]) => {
    if (text && articleIds.length) candidates.push({ section, text: text.replace(/\s+/g, ' ').trim(), articleIds, order: order++ });
  };

  // The lead: the first sentence of the article whose opening is most like the others' (the story's centre).
  const leads = articles.map((a) => ({ a, s: firstSentence(a.text) })).filter((x) => x.s);
  if (leads.length) {
    const bags = leads.map((x) => bagOf(x.s));
    const w = idf(bags);
    const score = (i: number) => bags.reduce((sum, b, j) => (j === i ? sum : sum + similarity(bags[i]!, b, w)), 0);
    const best = leads.map((x, i) => ({ x, score: score(i) })).sort((p, q) => q.score - p.score)[0]!;
    add('lead', best.x.s, [best.x.a.id]);
  }
  const disputes = claims.filter((c) => c.status === 'conflicting').slice(0, MAX_DISPUTES);
  for (const c of [...disputes, ...claims.filter((c) => c.status === 'changed'), ...claims.filter((c) => c.status === 'corroborated')]) {
    const s = claimSentence(c);
    if (s) add(s.section, s.text, articlesOf(c.values));
  }
  // A statement of the most quoted speaker, whole and short enough to read.
  const counts = new Map<string, number>();
  for (const q of quotes) if (q.direct && q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
  const speaker = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const quote = quotes
    .filter((q) => q.direct && q.speaker === speaker && wordCount(q.text) >= 6 && wordCount(q.text) <= MAX_QUOTE_WORDS)
    .sort((a, b) => wordCount(b.text) - wordCount(a.text))[0];
  if (quote) add('quote', `${quote.speaker} said${quote.via ? ` (via ${quote.via})` : ''}: \u201c${quote.text.replace(/[\s,]+$/, '')}\u201d`, [quote.articleId]);
  // Dated events, the most widely reported first; only whole sentences the text dates itself.
  const dated = events.filter((e) => e.basis === 'text' && !e.summary.endsWith('\u2026'));
  for (const e of [...dated].sort((a, b) => b.articleIds.length - a.articleIds.length)) {
    add('event', !e.date || e.summary.includes(e.date.slice(0, 4)) ? e.summary : `${e.summary.replace(/[.]$/, '')} (${describeDate(e)}).`, e.articleIds);
  }

  const chosen: Pick[] = [];
  let used = 0;
  const chosenBags: Array<Set<string>> = [];
  const w = idf(candidates.map((c) => bagOf(c.text)));
  for (const c of candidates) {
    const n = wordCount(c.text);
    if (used + n > words) continue;
    const bag = bagOf(c.text);
    // A dispute is never dropped as saying what another sentence says: it is why the reader came.
    if (c.section !== 'dispute' && chosenBags.some((b) => similarity(b, bag, w) >= REDUNDANT)) continue;
    chosen.push(c);
    chosenBags.push(bag);
    used += n;
  }
  return chosen
    .sort((a, b) => READING_ORDER.indexOf(a.section) - READING_ORDER.indexOf(b.section) || (a.section === 'event' ? eventRank(events, a) - eventRank(events, b) : a.order - b.order))
    .map(({ text, articleIds }) => ({ text, articleIds }));
}

function eventRank(events: TimelineEvent[], p: Pick): number {
  return events.findIndex((e) => p.text.startsWith(e.summary.replace(/[.]$/, '')));
}

function firstSentence(text: string): string {
  const para = text.split(/\n{2,}/).find((p) => wordCount(p) >= 12) ?? '';
  // Sentence boundaries from nlp/: "Speaker John A. Boehner said ..." is one sentence, not "Speaker John A."
  const s = sentenceSpans(para)[0]?.text.trim() ?? '';
  return wordCount(s) >= 6 && wordCount(s) <= 60 ? s : '';
}
