/**
 * The segment stage: a page that carries other stories below its article (a "Related Articles"
 * block of teasers with their bodies, as aggregators and some CMSs print them) is split into the
 * page's own article plus one child article per story below it. Items too short to be an article
 * (a bare link or teaser line) stay on the page as removed `related` text.
 *
 * Item boundaries are the small header each item carries: an outlet name and a relative time
 * ("22 minutes ago"), or failing that, blank-line blocks that open with a headline.
 */
import { createHash } from 'node:crypto';
import type { Article, Removed } from '../article/article.ts';
import { cleanText } from '../clean/text.ts';
import { PATTERNS, REASONS, classify, looksLikeSentence, wordCount } from '../clean/rules.ts';

/** A story below the article needs at least this many words of body to be an article of its own. */
export const DEFAULT_MIN_SEGMENT_WORDS = 40;
/** Header lines (outlet, time) of an item have at most this many words. */
const MAX_HEADER_WORDS = 6;

export interface SegmentOptions {
  minSegmentWords?: number;
}

interface Item {
  header: string[];
  lines: string[];
}

/**
 * Splits the page's tail (set by the clean stage) into child articles. Returns the page first, then
 * its children; a page with no tail is returned alone, unchanged.
 */
export function segment(page: Article, tail: string | null, options: SegmentOptions = {}): Article[] {
  if (!tail) return [page];
  const minWords = options.minSegmentWords ?? DEFAULT_MIN_SEGMENT_WORDS;
  const pageRemoved: Removed[] = [];
  const children: Article[] = [];

  for (const item of splitItems(tail)) {
    const bodyWords = item.lines.reduce((n, l) => n + wordCount(l), 0);
    if (item.lines.length < 2 || bodyWords < minWords) {
      for (const l of [...item.header, ...item.lines]) pageRemoved.push({ text: l, reason: classify(l) ?? REASONS.related });
      continue;
    }
    const cleaned = cleanText(item.lines.join('\n'), { splitTail: false });
    const id = childId(page.id, children.length + 1);
    children.push({
      ...page,
      id,
      parentId: page.id,
      source: `${page.source}#story-${children.length + 1}`,
      title: cleaned.headline,
      titleDerived: false,
      text: cleaned.paragraphs.join('\n\n'),
      removed: [...item.header.map((text) => ({ text, reason: headerReason(text) })), ...cleaned.removed],
      diagnostics: [{ origin: 'segment:related', level: 'info', message: `split from ${page.id}: a story printed below the page's article` }],
      stated: { title: cleaned.headline, dates: cleaned.dateLines.map((text) => ({ text, evidence: `date line: ${text}` })), language: null },
    });
  }

  const parent: Article = {
    ...page,
    removed: [...page.removed, ...pageRemoved],
    diagnostics: children.length
      ? [...page.diagnostics, { origin: 'segment:related', level: 'info', message: `${children.length} other stor${children.length === 1 ? 'y' : 'ies'} below the article split off` }]
      : page.diagnostics,
  };
  return [parent, ...children];
}

export function childId(parentId: string, n: number): string {
  return `a${createHash('sha256').update(`${parentId}#${n}`).digest('hex').slice(0, 16)}`;
}

function headerReason(line: string): string {
  return classify(line) ?? REASONS.byline;
}

/** A header line: a relative time, or a short non-sentence (an outlet name, "- Outlet"). */
function isTimestamp(line: string): boolean {
  return PATTERNS.timestamp.test(line) || PATTERNS.dateline.test(line);
}

function isShortLabel(line: string): boolean {
  return wordCount(line) <= MAX_HEADER_WORDS && !looksLikeSentence(line);
}

/**
 * Items start at a header run: short label lines around a timestamp line. Without timestamps,
 * blank-line blocks are the items.
 */
function splitItems(tail: string): Item[] {
  const lines = tail.split('\n').map((l) => l.trim());
  const nonEmpty = lines.filter(Boolean);
  const hasTimestamps = nonEmpty.some(isTimestamp);
  if (!hasTimestamps) {
    return tail
      .split(/\n\s*\n/)
      .map((block) => block.split('\n').map((l) => l.trim()).filter(Boolean))
      .filter((b) => b.length > 0)
      .map((b) => ({ header: [], lines: b }));
  }

  const items: Item[] = [];
  let current: Item = { header: [], lines: [] };
  for (let i = 0; i < nonEmpty.length; i++) {
    const line = nonEmpty[i]!;
    const startsHeader = isShortLabel(line) && (isTimestamp(line) || (nonEmpty[i + 1] !== undefined && isTimestamp(nonEmpty[i + 1]!)));
    if (startsHeader) {
      if (current.lines.length || current.header.length) items.push(current);
      current = { header: [line], lines: [] };
      // The rest of the header: the timestamp and echoes of the outlet ("- First Post").
      while (i + 1 < nonEmpty.length && isShortLabel(nonEmpty[i + 1]!) && (isTimestamp(nonEmpty[i + 1]!) || /^[-\u2013\u2014\u2022]\s/.test(nonEmpty[i + 1]!))) {
        current.header.push(nonEmpty[++i]!);
      }
      continue;
    }
    current.lines.push(line);
  }
  if (current.lines.length || current.header.length) items.push(current);
  return items;
}
