/**
 * The page as a compact tree, built once from htmlparser2's parse events (the parser linkedom uses,
 * with linkedom's tree-building steps, so it is the tree linkedom's DOM would give) and read by
 * every later step of the HTML path (main text, metadata, dates): no DOM is built at all, and
 * scoring on plain objects is many times faster than Readability.js scoring on linkedom's DOM,
 * whose getters build arrays and walk subtrees on every call (it also never mutates the page).
 *
 * Bounds, so that hostile pages finish: the markup is cut to MAX_MARKUP_CHARS after scripts,
 * styles, comments and SVG are dropped; elements nested deeper than MAX_DEPTH are flattened into
 * their ancestor at that depth (their text stays, in order); every walk is iterative.
 */
import { Parser } from 'htmlparser2';

/** Markup kept for parsing after scripts, styles, comments and SVG are dropped (news pages are far below). */
export const MAX_MARKUP_CHARS = 6_000_000;
/** Elements deeper than this are flattened into their ancestor at this depth (real pages nest < 60 deep). */
export const MAX_DEPTH = 400;
/** Tags nested deeper than this in the markup are dropped before parsing (their text stays). */
export const MAX_PARSE_DEPTH = 1000;
/** JSON-LD blocks read per page, and characters per block. */
const MAX_JSON_LD = 20;
const MAX_JSON_LD_CHARS = 2_000_000;

export interface El {
  /** Lower-case tag name. */
  tag: string;
  parent: El | null;
  kids: Kid[];
  /** Attributes, names lower-case. */
  attrs: Record<string, string>;
  /** `class` and `id` joined: what boilerplate hints are matched against. */
  hint: string;
}
export type Kid = El | string;

export interface PreparedMarkup {
  html: string;
  /** Raw text of each `<script type="application/ld+json">`, in order. */
  jsonLd: string[];
  /** The markup was longer than MAX_MARKUP_CHARS and was cut. */
  cut: boolean;
  /** Elements nested deeper than MAX_PARSE_DEPTH were flattened. */
  flattened: boolean;
}

/**
 * Drops what never holds article text or metadata (scripts, styles, comments, SVG), keeping the
 * JSON-LD scripts' text aside. A linear scan with indexOf: no backtracking on a 10 MB line or an
 * unclosed tag (an unclosed script or comment runs to the end, as in a browser).
 */
export function prepareMarkup(html: string): PreparedMarkup {
  const jsonLd: string[] = [];
  const parts: string[] = [];
  let pos = 0;
  let kept = 0;
  let cut = false;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) break;
    let end = -1;
    const c1 = html.charCodeAt(lt + 1) | 0x20;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      end = close < 0 ? html.length : close + 3;
    } else if (c1 === 0x73 /* s */) {
      const m = RAW_OPEN.exec(html.slice(lt, lt + 8));
      if (m) {
        const name = m[1]!.toLowerCase();
        const closeRe = RAW_CLOSE[name]!;
        closeRe.lastIndex = lt + 1;
        const close = closeRe.exec(html)?.index ?? -1;
        const gt = close < 0 ? -1 : html.indexOf('>', close);
        end = gt < 0 ? html.length : gt + 1;
        if (name === 'script' && jsonLd.length < MAX_JSON_LD) {
          const openEnd = html.indexOf('>', lt);
          if (openEnd > 0 && openEnd < end && /ld\+json/i.test(html.slice(lt, openEnd))) {
            const body = html.slice(openEnd + 1, close < 0 ? html.length : close);
            if (body.length <= MAX_JSON_LD_CHARS) jsonLd.push(body);
          }
        }
      }
    }
    if (end < 0) {
      // A "<" that cannot open a tag is text (as in a browser); escaped, so the parser reads the
      // text around it as one run instead of one text node per "<" (10 MB of them: millions of nodes).
      const next = html.charCodeAt(lt + 1);
      const tagStart = (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 47 || next === 33 || next === 63;
      if (!tagStart) {
        parts.push(html.slice(kept, lt), '&lt;');
        kept = lt + 1;
      }
      pos = lt + 1;
      continue;
    }
    parts.push(html.slice(kept, lt));
    kept = pos = end;
  }
  parts.push(html.slice(kept));
  let out = parts.join('');
  if (out.length > MAX_MARKUP_CHARS) {
    out = out.slice(0, MAX_MARKUP_CHARS);
    cut = true;
  }
  const flat = flattenDeepNesting(out);
  return { html: flat ?? out, jsonLd, cut, flattened: flat !== null };
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command', 'basefont', 'frame', 'isindex']);
/** Tags as written, in order: [start, end, closing?, name, self-closing?]. Linear: each tag is read up to its ">". */
function* tags(html: string): Generator<[number, number, boolean, string, boolean]> {
  let pos = 0;
  const n = html.length;
  while (pos < n) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) return;
    let i = lt + 1;
    const closing = html.charCodeAt(i) === 47;
    if (closing) i++;
    const start = i;
    for (let c = html.charCodeAt(i); i - start < 31 && (isLetter(c) || (i > start && (isDigit(c) || c === 45 || c === 58 || c === 95))); c = html.charCodeAt(++i));
    if (i === start) {
      pos = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', i);
    if (gt < 0) return; // no tag can end after this point
    yield [lt, gt + 1, closing, html.slice(start, i).toLowerCase(), html.charCodeAt(gt - 1) === 47];
    pos = gt + 1;
  }
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The HTML parser's work per tag grows with the depth of open elements (it searches its stack on
 * every end tag), so 100,000 nested elements take it minutes. Tags opened deeper than
 * MAX_PARSE_DEPTH (and their end tags) are dropped from the markup, their text kept. The depth is
 * counted as written (end tags close the innermost element): an estimate, used only to catch
 * pathological nesting. Null when the markup is shallower.
 */
export function flattenDeepNesting(html: string): string | null {
  let depth = 0;
  let max = 0;
  for (const [, , closing, name, selfClosing] of tags(html)) {
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing && !VOID.has(name)) {
      depth++;
      if (depth > max) max = depth;
    }
  }
  if (max <= MAX_PARSE_DEPTH) return null;
  const parts: string[] = [];
  let last = 0;
  depth = 0;
  for (const [start, end, closing, name, selfClosing] of tags(html)) {
    let drop = false;
    if (closing) {
      drop = depth > MAX_PARSE_DEPTH;
      depth = Math.max(0, depth - 1);
    } else if (!selfClosing && !VOID.has(name)) {
      depth++;
      drop = depth > MAX_PARSE_DEPTH;
    }
    if (drop) {
      parts.push(html.slice(last, start), ' ');
      last = end;
    }
  }
  parts.push(html.slice(last));
  return parts.join('');
}

const RAW_OPEN = /^<(script|style|svg)(?:[\s>/]|$)/i;
const RAW_CLOSE: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi, svg: /<\/svg/gi };

/** Subtrees never read: no article text, no metadata. */
export const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'select', 'option', 'textarea', 'button', 'map', 'dialog',
]);

/**
 * Parses markup into the compact tree. Pages without `<html>` or `<body>` (fragments, as in
 * CleanEval) keep all their top-level nodes under the root.
 */
export function parseTree(html: string): El {
  return parsePage(html).root;
}

/** Every element of the page in document order, and by tag: read by the metadata and date searches instead of walking the tree again. */
export interface PageIndex {
  all: El[];
  byTag(tag: string): El[];
}

export function parsePage(html: string): { root: El; index: PageIndex } {
  const all: El[] = [];
  const root = parseToTree(html, all);
  const tags = new Map<string, El[]>();
  for (const el of all) {
    const list = tags.get(el.tag);
    if (list) list.push(el);
    else tags.set(el.tag, [el]);
  }
  return { root, index: { all, byTag: (tag) => tags.get(tag) ?? [] } };
}

/**
 * The compact tree straight from htmlparser2's events, with the options and tree-building steps
 * linkedom's parser uses (an element per open tag under the current one, up one per close tag,
 * which htmlparser2 also emits for void and implicitly closed elements): the same tree as copying
 * linkedom's DOM (checked in dom.test.ts), without building that DOM first — linkedom's
 * node objects, attribute nodes and event targets were half the parsing time, and Readability.js
 * pays it too.
 */
function parseToTree(html: string, all: El[]): El {
  const root: El = { tag: '#root', parent: null, kids: [], attrs: {}, hint: '' };
  // Open elements: an El, or null for one too deep to keep (its children go to the nearest El).
  const open: Array<El | null> = [];
  let parent = root;
  let skipping = 0; // depth inside a SKIP subtree
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (skipping > 0 || SKIP.has(name.toLowerCase())) {
          skipping++;
          return;
        }
        if (open.length >= MAX_DEPTH) {
          open.push(null);
          return;
        }
        const attrs: Record<string, string> = {};
        for (const k in attributes) attrs[k.toLowerCase()] = k === 'class' ? classTokens(attributes[k]!) : attributes[k]!;
        const el: El = { tag: name.toLowerCase(), parent, kids: [], attrs, hint: `${attrs.class ?? ''} ${attrs.id ?? ''}`.trim() };
        parent.kids.push(el);
        all.push(el);
        open.push(el);
        parent = el;
      },
      ontext(text) {
        if (skipping > 0 || !text) return;
        const prev = parent.kids[parent.kids.length - 1];
        if (typeof prev === 'string') parent.kids[parent.kids.length - 1] = prev + text;
        else parent.kids.push(text);
      },
      onclosetag() {
        if (skipping > 0) {
          skipping--;
          return;
        }
        open.pop();
        let p: El | null = null;
        for (let i = open.length - 1; i >= 0 && !p; i--) p = open[i]!;
        parent = p ?? root;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false },
  );
  parser.write(html);
  parser.end();
  return root;
}

/** A class attribute as linkedom's DOMTokenList keeps it: tokens split on whitespace, each once. */
function classTokens(value: string): string {
  return /\s/.test(value) ? [...new Set(value.split(/\s+/).filter(Boolean))].join(' ') : value;
}

/** Every element under `root` (itself included), in document order; iterative. */
export function* elements(root: El): Generator<El> {
  const stack: El[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    yield el;
    for (let i = el.kids.length - 1; i >= 0; i--) {
      const k = el.kids[i]!;
      if (typeof k !== 'string') stack.push(k);
    }
  }
}

/** The first element with this tag, in document order. */
export function find(root: El, tag: string): El | null {
  for (const el of elements(root)) if (el.tag === tag) return el;
  return null;
}

/** Elements that start a new line of text. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'td', 'th', 'dt', 'dd', 'dl', 'figcaption',
  'article', 'section', 'header', 'footer', 'aside', 'nav', 'tr', 'table', 'tbody', 'thead', 'tfoot', 'ul', 'ol', 'figure', 'main',
  'form', 'address', 'details', 'summary', 'center', 'hr', 'caption', 'fieldset', 'menu', 'body', 'html', '#root', 'hgroup',
]);

/** All text under an element, white space folded, block boundaries kept as spaces, skipping `dead` elements. */
export function textOf(el: El, dead?: ReadonlySet<El> | ReadonlyMap<El, unknown>): string {
  const out: string[] = [];
  const stack: Kid[] = [el];
  while (stack.length) {
    const k = stack.pop()!;
    if (typeof k === 'string') {
      out.push(k);
      continue;
    }
    if (dead && k !== el && dead.has(k)) continue;
    if (k.tag === 'br' || (k !== el && BLOCK_TAGS.has(k.tag))) out.push(' ');
    for (let i = k.kids.length - 1; i >= 0; i--) stack.push(k.kids[i]!);
  }
  return squash(out.join(''));
}

export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
