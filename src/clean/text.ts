/**
 * The text cleaner: turns a scraped text dump (one paragraph per line, chrome and all) into the
 * article's paragraphs, listing every piece it removes with a reason.
 *
 * Written by hand because no library does this for plain text: boilerplate removers (justext,
 * readability, trafilatura) all work on the DOM, and a text dump has lost its markup. It works in
 * passes over lines, like readability's passes over nodes: classify each line by the rule table,
 * extend ad blocks, drop repeated headlines, find the headline, trim trailing chrome.
 */
import type { Removed } from '../article/article.ts';
import {
  AD_BLOCK_OPENERS,
  classify,
  DEFAULT_SHORT_LINE_WORDS,
  END_OF_ARTICLE_MARKERS,
  INLINE,
  PATTERNS,
  REASONS,
  type Reason,
  labelKey,
  looksLikeSentence,
  wordCount,
} from './rules.ts';

export interface TextCleanOptions {
  /** A title the input supplied (JSON record, HTML metadata): copies of it are repeated headlines. */
  title?: string | null;
  /** Whether the first heading-like line is taken as the headline (off for text that has no headline slot). */
  detectHeadline?: boolean;
  /** Whether content below an end-of-article marker ("Related Articles") is cut off as the tail. */
  splitTail?: boolean;
}

export interface TextCleanResult {
  paragraphs: string[];
  removed: Removed[];
  /** The page's headline, when its first line is one (moved out of the text, not "removed"). */
  headline: string | null;
  /** What follows an end-of-article marker: other stories or links, for the segment stage. */
  tail: string | null;
  /** Date lines cut from the text, in order: evidence for the metadata stage. */
  dateLines: string[];
}

interface Line {
  text: string;
  /** A blank line came before it (a block boundary in the dump). */
  blankBefore: boolean;
  removed: Reason | null;
}

/** A headline has at least this many words (shorter first lines are section labels like "News"). */
const MIN_HEADLINE_WORDS = 3;
const MAX_HEADLINE_WORDS = 30;
/** A nav word glued to a headline ("NewsNorth Korea ...") has at most this many characters. */
const MAX_GLUED_NAV_CHARS = 24;
/** Hard-wrapped dumps wrap at 60-80 columns; shorter lines ending without punctuation are labels, not wraps. */
const MIN_WRAPPED_LINE_CHARS = 50;

export function cleanText(input: string, options: TextCleanOptions = {}): TextCleanResult {
  const { detectHeadline = true, splitTail = true } = options;
  const removed: Array<Removed & { at: number }> = [];
  const drop = (at: number, text: string, reason: Reason) => {
    if (text.trim()) removed.push({ at, text: text.trim(), reason });
  };

  let lines = toLines(input);

  // Pass 1: the end of the article. Below a "Related Articles" marker the page holds other content.
  let tail: string | null = null;
  if (splitTail) {
    const end = lines.findIndex((l, i) => i > 0 && END_OF_ARTICLE_MARKERS.has(labelKey(l.text)));
    if (end > 0) {
      const rest = lines.slice(end + 1).map((l) => (l.blankBefore ? `\n${l.text}` : l.text));
      tail = rest.join('\n').trim() || null;
      drop(end, lines[end]!.text, REASONS.related);
      lines = lines.slice(0, end);
    }
  }

  // Pass 2: inline widget runs, then classify whole lines by the rule table.
  const dateLines: string[] = [];
  let inAdBlock = false;
  lines.forEach((line, i) => {
    line.text = stripInline(line.text, (text, reason) => drop(i, text, reason));
    if (line.blankBefore) inAdBlock = false;
    if (!line.text) {
      // The whole line was a widget run: whatever short lines follow belong to the same block.
      line.removed = REASONS.advertisement;
      inAdBlock = true;
      return;
    }
    const reason = classify(line.text);
    if (reason) {
      line.removed = reason;
      if (reason === REASONS.dateline) dateLines.push(line.text);
      if (AD_BLOCK_OPENERS.has(labelKey(line.text))) inAdBlock = true;
    } else if (inAdBlock && isShortNonSentence(line.text)) {
      // An ad's headline and advertiser name sit between the ad block's labels.
      line.removed = REASONS.advertisement;
    } else {
      inAdBlock = false;
    }
    if (line.removed) drop(i, line.text, line.removed);
  });

  // Pass 3: repeated headlines and duplicate paragraphs.
  const kept = () => lines.map((l, i) => ({ l, i })).filter(({ l }) => !l.removed);
  const seen = new Set<string>();
  const title = options.title ? norm(options.title) : null;
  let k = kept();
  for (let n = 0; n < k.length; n++) {
    const { l, i } = k[n]!;
    const next = k[n + 1];
    const key = norm(l.text);
    if (next) {
      const nextKey = norm(next.l.text);
      // "NewsNorth Korea pledges ..." above "North Korea pledges ...": a nav label glued to a repeated headline.
      const prefix = key.length > nextKey.length && key.endsWith(nextKey) ? l.text.slice(0, l.text.length - next.l.text.trim().length).trim() : null;
      if (prefix !== null && prefix.length <= MAX_GLUED_NAV_CHARS && isHeadingLike(next.l.text)) {
        drop(i, prefix, REASONS.navigation);
        drop(i, l.text.slice(prefix.length), REASONS.repeatedHeadline);
        l.removed = REASONS.repeatedHeadline;
        continue;
      }
      // "Headline" then "Headline Archive photo: ...": the repeat is glued to a caption; cut the repeat, re-read the rest.
      if (isHeadingLike(l.text) && wordCount(l.text) >= MIN_HEADLINE_WORDS && nextKey.startsWith(key) && nextKey.length > key.length) {
        const rest = next.l.text.trim().slice(l.text.trim().length).trim();
        drop(next.i, l.text, REASONS.repeatedHeadline);
        const restReason = classify(rest) ?? (PATTERNS.caption.test(rest) ? REASONS.caption : null);
        if (restReason) {
          drop(next.i, rest, restReason);
          next.l.removed = restReason;
        } else {
          next.l.text = rest;
        }
      }
    }
    if (seen.has(key) || (title !== null && key === title && n > 0)) {
      l.removed = isHeadingLike(l.text) ? REASONS.repeatedHeadline : REASONS.duplicate;
      drop(i, l.text, l.removed);
      continue;
    }
    seen.add(key);
  }

  // Pass 4: the headline is the first line when it reads as one; with a known title, the line equal to it.
  k = kept();
  let headline: string | null = null;
  const first = k[0];
  if (first && detectHeadline) {
    const isTitle = title !== null && norm(first.l.text) === title;
    if (isTitle || (title === null && isHeadlineCandidate(first.l.text, k[1]?.l.text))) {
      headline = first.l.text.trim();
      first.l.removed = REASONS.repeatedHeadline; // not listed as removed: it moves to the title
    }
  }

  // Pass 5: trailing chrome — short non-sentences mixed in with removed widgets after the last sentence.
  let sawChrome = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.removed) {
      if (l.removed !== REASONS.repeatedHeadline) sawChrome = true;
      continue;
    }
    if (!sawChrome || !isShortNonSentence(l.text)) break;
    l.removed = REASONS.trailingChrome;
    drop(i, l.text, REASONS.trailingChrome);
  }

  // Pass 6: a dateline opening the first paragraph ("SEOUL: ...") is not part of the sentence.
  const body = lines.filter((l) => !l.removed);
  const lead = body[0];
  if (lead) {
    const m = PATTERNS.datelinePrefix.exec(lead.text);
    if (m && wordCount(m[1]!) <= 4 && lead.text.length > m[0].length + 20) {
      drop(lines.indexOf(lead), m[1]!, REASONS.dateline);
      lead.text = lead.text.slice(m[0].length);
    }
  }

  return {
    paragraphs: body.map((l) => l.text.trim()).filter(Boolean),
    removed: removed.sort((a, b) => a.at - b.at).map(({ text, reason }) => ({ text, reason })),
    headline,
    tail,
    dateLines,
  };
}

function stripInline(text: string, onRemove: (text: string, reason: Reason) => void): string {
  let out = text;
  for (const { pattern, reason } of INLINE) {
    out = out.replace(pattern, (m) => {
      onRemove(m, reason);
      return m.startsWith(' ') || m.endsWith(' ') ? ' ' : '';
    });
  }
  return out.replace(/\s{2,}/g, ' ').trim();
}

function toLines(input: string): Line[] {
  const out: Line[] = [];
  let blank = false;
  for (const raw of input.split('\n')) {
    const text = raw.replace(/[\t\u00a0\u200b]+/g, ' ').replace(/ {2,}/g, ' ').trim();
    if (!text) {
      blank = true;
      continue;
    }
    const prev = out[out.length - 1];
    // Hard-wrapped text: a line that stops mid-sentence and a next line that starts in lower case are one paragraph.
    if (prev && !blank && prev.text.length >= MIN_WRAPPED_LINE_CHARS && !/[.!?:\u2026"\u201d]$/.test(prev.text) && /^[\p{Ll}]/u.test(text)) {
      prev.text = `${prev.text} ${text}`;
      continue;
    }
    out.push({ text, blankBefore: blank || out.length === 0, removed: null });
    blank = false;
  }
  return out;
}

function norm(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isShortNonSentence(text: string): boolean {
  return wordCount(text) <= DEFAULT_SHORT_LINE_WORDS && !looksLikeSentence(text);
}

/** Reads as a heading: not a sentence, not too long. */
function isHeadingLike(text: string): boolean {
  const t = text.trim();
  return !/[.:;,]$/.test(t) && wordCount(t) <= MAX_HEADLINE_WORDS;
}

/** The first line is the headline when it is heading-like and something follows it. */
function isHeadlineCandidate(text: string, next: string | undefined): boolean {
  const t = text.trim();
  const words = wordCount(t);
  if (words < MIN_HEADLINE_WORDS || words > MAX_HEADLINE_WORDS || next === undefined) return false;
  if (/^[\p{Ll}]/u.test(t)) return false;
  // A headline may end in a question or exclamation mark or a quote, never in a full stop or colon.
  return !/[.:;,]["'\u201d\u2019]?$/.test(t) || /[?!]["'\u201d\u2019]?$/.test(t);
}
