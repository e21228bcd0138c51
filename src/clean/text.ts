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
  AD_UNIT_ENDS,
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
  /**
   * Whether a paragraph the text repeats is dropped as a duplicate (a repeated subtitle in a dump).
   * Off for HTML, whose blocks come from distinct elements: table headers and list items repeat.
   */
  dropDuplicates?: boolean;
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
/** A dump is hard-wrapped at a fixed width only if no line is longer than this (one-paragraph-per-line dumps have long lines). */
const MAX_WRAP_WIDTH = 100;
/** ... and at least this many lines run to (near) that width and continue on the next line. */
const MIN_WRAPPED_LINES = 2;
/** Short label lines (a section name, the site's name) above the headline: at most this many are navigation. */
const MAX_LEADING_NAV_LINES = 3;
/** A paragraph repeated on the page is chrome (a repeated subtitle) unless it is a short sentence: "“No.”" may be said twice. */
const MIN_DUPLICATE_WORDS = 4;
/** A caption's text above its credit line has at most this many words. */
const MAX_CAPTION_WORDS = 25;
/** A paragraph after which no dateline is looked for: the first paragraph of the article proper. */
const MAX_STANDFIRST_WORDS = 40;

export function cleanText(input: string, options: TextCleanOptions = {}): TextCleanResult {
  const { detectHeadline = true, splitTail = true, dropDuplicates = true } = options;
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
    if (!reason && inAdBlock && endsAdBlock(lines, i)) inAdBlock = false;
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
  // Each line's key is needed twice (as the next line's, then as its own): kept while its text is unchanged.
  let carried: { text: string; key: string } | null = null;
  for (let n = 0; n < k.length; n++) {
    const { l, i } = k[n]!;
    const next = k[n + 1];
    const key = carried && carried.text === l.text ? carried.key : norm(l.text);
    carried = null;
    if (next) {
      const nextKey = norm(next.l.text);
      carried = { text: next.l.text, key: nextKey };
      // "NewsNorth Korea pledges ..." above "North Korea pledges ...": a nav label glued to a repeated headline.
      const prefix = key.length > nextKey.length && key.endsWith(nextKey) ? l.text.slice(0, l.text.length - next.l.text.trim().length).trim() : null;
      if (prefix !== null && prefix.length <= MAX_GLUED_NAV_CHARS && isHeadingLike(next.l.text)) {
        drop(i, prefix, REASONS.navigation);
        drop(i, l.text.slice(prefix.length), REASONS.repeatedHeadline);
        l.removed = REASONS.repeatedHeadline;
        continue;
      }
      // "Headline" then "Headline Archive photo: ...": the repeat is glued to a caption; cut the repeat, re-read the rest.
      // Only chrome after the repeat, or a new segment right under the headline, shows a glued repeat: a
      // subheading "The council vote" above "The council vote was delayed ..." is the paragraph's own start.
      if (isHeadingLike(l.text) && wordCount(l.text) >= MIN_HEADLINE_WORDS && nextKey.startsWith(key) && nextKey.length > key.length) {
        const rest = next.l.text.trim().slice(l.text.trim().length).trim();
        const restReason = classify(rest) ?? (PATTERNS.caption.test(rest) ? REASONS.caption : PATTERNS.duration.test(rest) ? REASONS.widget : null);
        if (restReason) {
          drop(next.i, l.text, REASONS.repeatedHeadline);
          drop(next.i, rest, restReason);
          next.l.removed = restReason;
        } else if (n === 0 && /^[\p{Lu}\p{N}"\u201c]/u.test(rest)) {
          drop(next.i, l.text, REASONS.repeatedHeadline);
          next.l.text = rest;
        }
      }
    }
    const shortSentence = looksLikeSentence(l.text) && wordCount(l.text) < MIN_DUPLICATE_WORDS;
    if ((dropDuplicates && seen.has(key) && !shortSentence) || (title !== null && key === title && n > 0)) {
      l.removed = isHeadingLike(l.text) ? REASONS.repeatedHeadline : REASONS.duplicate;
      drop(i, l.text, l.removed);
      continue;
    }
    seen.add(key);
  }

  // Pass 4: the headline is the first line when it reads as one; with a known title, the line equal to it.
  k = kept();
  let headline: string | null = null;
  // Short labels above the headline ("Markets", the site's name) are navigation.
  let nav = 0;
  if (detectHeadline && title === null) {
    while (nav < MAX_LEADING_NAV_LINES && nav < k.length && isNavLabel(k[nav]!.l.text)) nav++;
    const next = k[nav]?.l.text;
    if (nav > 0 && !(next && isHeadlineCandidate(next, k[nav + 1]?.l.text) && !k.slice(0, nav).some(({ l }) => isShortTitleOf(l.text, next)))) nav = 0;
    for (const { l, i } of k.slice(0, nav)) {
      l.removed = REASONS.navigation;
      drop(i, l.text, REASONS.navigation);
    }
    k = k.slice(nav);
  }
  const first = k[0];
  if (first && detectHeadline) {
    const isTitle = title !== null && norm(first.l.text) === title;
    if (isTitle || (title === null && isHeadlineCandidate(first.l.text, k[1]?.l.text))) {
      headline = first.l.text.trim();
      first.l.removed = REASONS.repeatedHeadline; // not listed as removed: it moves to the title
    }
  }

  // Pass 4b: a caption's text sits right above its credit ("Volunteers fill sandbags" over "Photo by Jane Roe"):
  // a short non-sentence (not the headline) directly above a credit-only line is that caption.
  lines.forEach((l, i) => {
    const credit = lines[i + 1];
    if (l.removed || !credit || credit.blankBefore || !isCreditOnly(credit)) return;
    if (wordCount(l.text) > MAX_CAPTION_WORDS || looksLikeSentence(l.text)) return;
    l.removed = REASONS.caption;
    drop(i, l.text, REASONS.caption);
  });

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

  // Pass 6: a dateline opening the first paragraph ("SEOUL: ...") is not part of the sentence. When the
  // first paragraph is a standfirst (no sentence, short), the lead below it may carry the dateline, if
  // it is unmistakable: a place in capitals or an agency ("PARIS — ", "Rome (AP) —").
  const body = lines.filter((l) => !l.removed);
  for (let n = 0; n < Math.min(body.length, 2); n++) {
    const lead = body[n]!;
    const m = PATTERNS.datelinePrefix.exec(lead.text);
    const place = m?.groups?.place ?? '';
    const unmistakable = n === 0 || Boolean(m?.groups?.agency) || /^\p{Lu}{2,}\b/u.test(place);
    if (m && unmistakable && wordCount(place) <= 4 && lead.text.length > m[0].length + 20) {
      drop(lines.indexOf(lead), m[1]!, REASONS.dateline);
      lead.text = lead.text.slice(m[0].length);
      break;
    }
    if (looksLikeSentence(lead.text) || wordCount(lead.text) > MAX_STANDFIRST_WORDS) break;
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
  for (const { pattern, reason, needs } of INLINE) {
    if (!needs.some((n) => out.includes(n))) continue;
    out = out.replace(pattern, (m) => {
      onRemove(m, reason);
      return m.startsWith(' ') || m.endsWith(' ') ? ' ' : '';
    });
  }
  return out.replace(/\s{2,}/g, ' ').trim();
}

function toLines(input: string): Line[] {
  const raw = input.split('\n').map((l) => l.replace(/[\t\u00a0\u200b]+/g, ' ').replace(/ {2,}/g, ' ').trim());
  const width = wrapWidth(raw);
  const out: Line[] = [];
  let blank = false;
  let prevRaw = '';
  for (const text of raw) {
    if (!text) {
      blank = true;
      continue;
    }
    const prev = out[out.length - 1];
    // Hard-wrapped text: a line that stops mid-sentence and a next line that starts in lower case are one
    // paragraph; in a dump wrapped at a fixed width, so is a line whose next word would not have fitted on it.
    const midSentence = prevRaw.length >= MIN_WRAPPED_LINE_CHARS && !/[.!?:\u2026"\u201d]$/.test(prevRaw) && /^[\p{Ll}]/u.test(text);
    const wrapped = width > 0 && prevRaw.length + 1 + text.split(' ')[0]!.length > width;
    if (prev && !blank && (midSentence || wrapped)) {
      // A wrap after a hyphen ("well-" / "known") keeps the hyphen and adds no space.
      prev.text = /\p{L}-$/u.test(prev.text) && /^\p{Ll}/u.test(text) ? `${prev.text}${text}` : `${prev.text} ${text}`;
      prevRaw = text;
      continue;
    }
    out.push({ text, blankBefore: blank || out.length === 0, removed: null });
    blank = false;
    prevRaw = text;
  }
  return out;
}

/**
 * The column a hard-wrapped dump is wrapped at (its longest line), or 0 when it is not one: it is
 * wrapped when no line exceeds MAX_WRAP_WIDTH and several lines run to within a few characters of the
 * longest, stop mid-sentence and continue on the next line.
 */
function wrapWidth(lines: string[]): number {
  // A loop, not Math.max(...lines): a spread of a million lines overflows the call stack.
  let width = 0;
  for (const l of lines) if (l.length > width) width = l.length;
  if (width < MIN_WRAPPED_LINE_CHARS || width > MAX_WRAP_WIDTH) return 0;
  let full = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i]!;
    if (l.length >= width - 15 && lines[i + 1] && !/[.!?\u2026"\u201d]$/.test(l)) full++;
  }
  return full >= MIN_WRAPPED_LINES ? width : 0;
}

function norm(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * In an ad block, a short line right after a label that closes an ad unit ("Undo") and right above a
 * prose paragraph is the article's subheading: ads are a headline above their advertiser's name.
 */
function endsAdBlock(lines: Line[], i: number): boolean {
  const prev = lines[i - 1];
  const next = lines[i + 1];
  if (!prev || !next || !AD_UNIT_ENDS.has(labelKey(prev.text))) return false;
  return isShortNonSentence(lines[i]!.text) && classify(next.text) === null && looksLikeSentence(next.text) && wordCount(next.text) > DEFAULT_SHORT_LINE_WORDS;
}

/** "Flood inquiry" above "Flood inquiry hears pumps were never tested": a short form of the title, not a section label. */
function isShortTitleOf(label: string, headline: string): boolean {
  const words = new Set(norm(headline).split(/[^\p{L}\p{N}]+/u));
  return norm(label).split(/[^\p{L}\p{N}]+/u).filter(Boolean).every((w) => words.has(w));
}

/** A line that only credits a photo: "(AP Photo/Jane Roe)", "© Courier", "Photo by Jane Roe", "Credit: Jane Roe". */
function isCreditOnly(line: Line): boolean {
  return line.removed === REASONS.credit || (line.removed === REASONS.caption && PATTERNS.photoBy.test(line.text));
}

/** A section label or site name above the headline: one or two words, no sentence. */
function isNavLabel(text: string): boolean {
  return wordCount(text) < MIN_HEADLINE_WORDS && !looksLikeSentence(text);
}

function isShortNonSentence(text: string): boolean {
  return wordCount(text) <= DEFAULT_SHORT_LINE_WORDS && !looksLikeSentence(text);
}

/** Reads as a heading: not a sentence, not too long. */
function isHeadingLike(text: string): boolean {
  const t = text.trim();
  return !/[.:;,]["'\u201d\u2019)]*$/.test(t) && wordCount(t) <= MAX_HEADLINE_WORDS;
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
