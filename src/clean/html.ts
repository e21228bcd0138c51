/**
 * The HTML path of the clean stage: @mozilla/readability on linkedom finds the main content, then its
 * blocks go through the same text cleaner as text dumps (captions, widgets, bylines the library
 * keeps). Every text block of the page that is not in the result is listed as removed.
 *
 * Also reads the metadata a page states in markup (title, site name, language, canonical URL,
 * published date); later work adds the fuller date search.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { REASONS, classify, wordCount } from './rules.ts';

/** Readability's own default is 500 characters; news pages with short bodies still have an article. */
export const DEFAULT_CHAR_THRESHOLD = 250;
/** At most this many removed blocks are kept per page (a page can have thousands of menu items). */
export const MAX_REMOVED_BLOCKS = 300;
/** Readability's element limit: beyond it, it gives up rather than hang (bounds time on hostile pages). */
export const MAX_ELEMS_TO_PARSE = 200_000;

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TD', 'TH', 'DT', 'DD', 'FIGCAPTION', 'ARTICLE', 'SECTION', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'TR', 'TABLE', 'UL', 'OL', 'FIGURE', 'MAIN', 'FORM', 'ADDRESS', 'DETAILS', 'SUMMARY']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA']);

export interface HtmlExtract {
  /** Blocks of the main content, in order, as plain text. */
  blocks: string[];
  /** Captions inside the main content (figcaption): removed, with their reason. */
  captions: string[];
  /** Page text blocks outside the main content. */
  outside: Array<{ text: string; reason: string }>;
  title: string | null;
  siteName: string | null;
  byline: string | null;
  language: string | null;
  canonicalUrl: string | null;
  /** Dates the markup states, most trusted first, with where each was found. */
  dates: Array<{ text: string; evidence: string }>;
}

type Node_ = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<Node_> };

export function extractHtml(html: string): HtmlExtract {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const meta = readMeta(doc);
  const pageBlocks = textBlocks(doc.body as unknown as Node_ | null);

  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(doc, { charThreshold: DEFAULT_CHAR_THRESHOLD, maxElemsToParse: MAX_ELEMS_TO_PARSE }).parse();
  } catch {
    article = null; // too many elements, or a page the library cannot read: fall back to all blocks below
  }

  let blocks: string[];
  const captions: string[] = [];
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    for (const cap of Array.from((content as unknown as Document).querySelectorAll('figcaption'))) {
      const t = squash(cap.textContent ?? '');
      if (t) captions.push(t);
      cap.remove();
    }
    blocks = textBlocks((content as unknown as Document).body as unknown as Node_);
  } else {
    // No article found: keep the blocks that read as prose; the text cleaner sorts out the rest.
    blocks = pageBlocks.filter((b) => wordCount(b) >= 8);
  }

  const kept = new Set(blocks.map(key));
  const outside: HtmlExtract['outside'] = [];
  for (const b of pageBlocks) {
    if (outside.length >= MAX_REMOVED_BLOCKS) break;
    if (kept.has(key(b)) || captions.some((c) => key(c) === key(b))) continue;
    outside.push({ text: b, reason: classify(b) ?? REASONS.boilerplate });
  }

  return {
    blocks,
    captions,
    outside,
    title: meta.title ?? (article?.title ? squash(article.title) : null),
    siteName: meta.siteName ?? article?.siteName ?? null,
    byline: article?.byline ? squash(article.byline) : null,
    language: meta.language ?? article?.lang ?? null,
    canonicalUrl: meta.canonical,
    dates: meta.dates,
  };
}

function key(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The text of each innermost block element, in document order, with inline text joined. */
function textBlocks(root: Node_ | null): string[] {
  const out: string[] = [];
  if (!root) return out;
  let buf = '';
  const flush = () => {
    const t = squash(buf);
    if (t) out.push(t);
    buf = '';
  };
  // Iterative walk: deep nesting (100,000 levels) must not overflow the stack.
  const stack: Array<{ node: Node_; exit: boolean }> = [{ node: root, exit: false }];
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      buf += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1 || SKIP_TAGS.has(node.nodeName.toUpperCase())) continue;
    const tag = node.nodeName.toUpperCase();
    if (tag === 'BR') {
      buf += '\n';
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      stack.push({ node, exit: true });
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, exit: false });
  }
  flush();
  return out;
}

function readMeta(doc: Document) {
  const metaContent = (sel: string) => squash(doc.querySelector(sel)?.getAttribute('content') ?? '') || null;
  const dates: HtmlExtract['dates'] = [];
  // JSON-LD first: the most deliberate statement of the date (issue 3 orders the full search).
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const found = findKey(JSON.parse(script.textContent ?? ''), 'datePublished');
      if (typeof found === 'string') dates.push({ text: found, evidence: `JSON-LD datePublished: ${found}` });
    } catch {
      // malformed JSON-LD is common; other sources follow
    }
  }
  for (const sel of ['meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="pubdate"]', 'meta[name="publish-date"]', 'meta[name="date"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]']) {
    const v = metaContent(sel);
    if (v) dates.push({ text: v, evidence: `<${sel.replace(/^meta/, 'meta ')}> ${v}` });
  }
  const time = doc.querySelector('time[datetime]');
  const dt = time?.getAttribute('datetime');
  if (dt) dates.push({ text: dt, evidence: `<time datetime="${dt}">` });

  return {
    title: metaContent('meta[property="og:title"]') ?? (squash(doc.querySelector('title')?.textContent ?? '') || null),
    siteName: metaContent('meta[property="og:site_name"]'),
    language: (doc.documentElement?.getAttribute('lang') ?? '').slice(0, 2).toLowerCase() || null,
    canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent('meta[property="og:url"]'),
    dates,
  };
}

function findKey(value: unknown, wanted: string, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const f = findKey(v, wanted, depth + 1);
      if (f !== undefined) return f;
    }
    return undefined;
  }
  const rec = value as Record<string, unknown>;
  if (wanted in rec) return rec[wanted];
  for (const v of Object.values(rec)) {
    const f = findKey(v, wanted, depth + 1);
    if (f !== undefined) return f;
  }
  return undefined;
}
