/**
 * The HTML path of the clean stage. The page is parsed once (linkedom) into a compact tree
 * (dom.ts); the article is found on it with mozilla/readability's method plus DOM-level chrome
 * removal (extract.ts); its blocks then go through the same text cleaner as text dumps (clean.ts).
 * Every text block of the page that is not in the result is listed as removed, with the reason the
 * DOM gave (a class, a role, a heading) or, failing that, the text rules' reason.
 *
 * Also reads what the page states in markup (metadata/html-meta.ts, metadata/html-date.ts): title,
 * byline, site name, language, canonical URL, publication and update dates, JSON-LD articleBody.
 */
import { type El, type PageIndex, MAX_PARSE_DEPTH, parsePage, prepareMarkup, textOf } from './dom.ts';
import { type Block, blocksOf, extractMain } from './extract.ts';
import { REASONS, classify } from './rules.ts';
import { type JsonObject, parseJsonLd, readMetaTags, readPageMeta } from '../metadata/html-meta.ts';
import { type DateCandidate, findDates, isDateStamp, parseDate } from '../metadata/html-date.ts';
import { agreesWithBody, paywallSignal } from './html-body.ts';

export { DEFAULT_CHAR_THRESHOLD } from './extract.ts';
export { MAX_MARKUP_CHARS, MAX_DEPTH, MAX_PARSE_DEPTH } from './dom.ts';
/** At most this many removed blocks are kept per page (a page can have thousands of menu items). */
export const MAX_REMOVED_BLOCKS = 300;
/** Article text kept at most (the longest news articles are under 100,000 characters). */
export const MAX_TEXT_CHARS = 1_000_000;
/** Longer blocks outside the article are not run through the text rules (they hold no widget label). */
const MAX_CLASSIFIED_CHARS = 600;

export interface HtmlExtract {
  /** Blocks of the main content, in order, as plain text. */
  blocks: string[];
  /** Captions inside the main content (figure captions, credits): removed, with their reason. */
  captions: string[];
  /** Page text outside the main content, and chrome cut from inside it, with reasons. */
  outside: Array<{ text: string; reason: string }>;
  title: string | null;
  siteName: string | null;
  byline: string | null;
  language: string | null;
  canonicalUrl: string | null;
  /** Publication dates the page states, most trusted first, with where each was found. */
  dates: Array<{ text: string; evidence: string }>;
  /** Date stamps cut from the article's text ("Published: ..."), in order: visible evidence for the date. */
  dateLines: Array<{ text: string; evidence: string }>;
  /** The date the page says it was last updated, when it states one apart from the publication date. */
  updated: { text: string; evidence: string } | null;
  /** Set when the text is cut off by a paywall or a teaser: the reason. */
  truncated: string | null;
  /** Problems met reading the page (markup cut to size). */
  notes: string[];
}

export interface HtmlOptions {
  /** The page's URL when the input gives one: a last resort for the date. */
  url?: string | null;
}

export function extractHtml(html: string, options: HtmlOptions = {}): HtmlExtract {
  const notes: string[] = [];
  const prepared = prepareMarkup(html);
  if (prepared.flattened) notes.push(`the page nests elements more than ${MAX_PARSE_DEPTH} deep: the deeper tags were ignored (their text is kept)`);
  if (prepared.cut) notes.push(`the page's markup is longer than ${prepared.html.length.toLocaleString('en')} characters (after scripts and styles): only that much was read`);
  const { root, index } = parsePage(prepared.html);
  const brokenJsonLd: string[] = [];
  const jsonLd: JsonObject[] = parseJsonLd(prepared.jsonLd, brokenJsonLd);
  const meta = readMetaTags(index);
  const page = readPageMeta(index, jsonLd, meta);
  const body = index.byTag('body')[0] ?? root;

  const bodyHint = articleBodyElement(index);
  const main = extractMain(body, { title: page.title, bodyHint });
  const dropped = [...main.dropped];
  // Date stamps of the article ("Published: ... | Updated: ..."): evidence for the date, not text.
  const dateLines: HtmlExtract['dateLines'] = [];
  let blocks: Block[] = main.blocks.filter((b) => {
    if (!isDateStamp(b.text)) return true;
    dropped.push({ text: b.text, reason: REASONS.dateline });
    // Read with the multilingual date patterns; chrono (the metadata stage's reader) knows English only.
    const value = parseDate(b.text, /^en-us$/i.test(page.language ?? '') ? 'mdy' : 'dmy');
    if (value) dateLines.push({ text: value, evidence: `date line: ${b.text}` });
    return false;
  });

  // JSON-LD articleBody: when it agrees with the DOM, blocks it does not hold are chrome.
  if (page.articleBody) {
    const agreed = agreesWithBody(blocks, page.articleBody);
    if (agreed) {
      for (const b of agreed.dropped) dropped.push({ text: b.text, reason: REASONS.boilerplate });
      blocks = agreed.kept;
    }
  }

  // An article longer than any real one (a generated page): cut, so later stages stay fast.
  let total = 0;
  for (let i = 0; i < blocks.length; i++) {
    total += blocks[i]!.text.length;
    if (total > MAX_TEXT_CHARS) {
      const keep = blocks[i]!.text.length - (total - MAX_TEXT_CHARS);
      blocks = [...blocks.slice(0, i), { ...blocks[i]!, text: blocks[i]!.text.slice(0, Math.max(0, keep)) }];
      notes.push(`the article's text is longer than ${MAX_TEXT_CHARS.toLocaleString('en')} characters: only that much was kept`);
      break;
    }
  }

  const captions = dropped.filter((d) => d.reason === REASONS.caption || d.reason === REASONS.credit).map((d) => d.text);
  const kept = new Set(blocks.map((b) => key(b.text)));
  const droppedKeys = new Set(dropped.map((d) => key(d.text)));
  const outside: HtmlExtract['outside'] = [];
  for (const d of dropped) {
    if (outside.length >= MAX_REMOVED_BLOCKS) break;
    if (d.reason === REASONS.caption || d.reason === REASONS.credit) continue;
    outside.push({ text: d.text, reason: d.reason });
  }
  // The rest of the page: every text block outside the article.
  if (outside.length < MAX_REMOVED_BLOCKS) {
    for (const b of blocksOf([body], () => false, new Set(), MAX_REMOVED_BLOCKS + kept.size + droppedKeys.size)) {
      if (outside.length >= MAX_REMOVED_BLOCKS) break;
      const k = key(b.text);
      if (kept.has(k) || droppedKeys.has(k)) continue;
      // The DOM's reason (a menu, a related block) when it gives one; else the text rules' for short lines.
      const reason = main.reasonOf(b.el) ?? (b.text.length <= MAX_CLASSIFIED_CHARS ? classify(b.text) : null) ?? REASONS.boilerplate;
      outside.push({ text: b.text, reason });
    }
  }

  const dates = findDates(index, {
    jsonLd,
    brokenJsonLd,
    article: page.article,
    meta,
    url: options.url ?? null,
    canonicalUrl: page.canonicalUrl,
    language: page.language,
    title: page.title,
  });
  const published = dates.filter((d) => d.kind === 'published').map(toStated);
  const updated = dates.find((d) => d.kind === 'updated');
  const truncated = paywallSignal(index, jsonLd, page.article, blocks.map((b) => b.text), dropped);

  return {
    blocks: blocks.map((b) => b.text),
    captions,
    outside,
    title: page.title,
    siteName: page.siteName,
    byline: page.byline ?? main.byline,
    language: page.language,
    canonicalUrl: page.canonicalUrl,
    dates: published,
    dateLines,
    updated: updated ? toStated(updated) : null,
    truncated,
    notes,
  };
}

function toStated(d: DateCandidate): { text: string; evidence: string } {
  return { text: d.value, evidence: d.evidence };
}

/** The element schema.org microdata marks as the article body, when there is exactly one. */
function articleBodyElement(index: PageIndex): El | null {
  const found = index.all.filter((el) => el.attrs.itemprop && /(?:^|\s)articleBody(?:\s|$)/i.test(el.attrs.itemprop));
  // One element, not nested in another: several mean a listing of teasers, each marked.
  return found.length === 1 && textOf(found[0]!).length > 0 ? found[0]! : null;
}

function key(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}
