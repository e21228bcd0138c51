/**
 * Two checks of the extracted article against what the page states about it:
 * - JSON-LD `articleBody`: when the page carries the full text and it agrees with the DOM, DOM
 *   blocks it does not hold (captions, ads, teasers, a standfirst) are chrome;
 * - paywall or teaser cut-off: the page marks the article as not free, or shows a paywall notice,
 *   so later stages can trust the text less.
 */
import type { El, PageIndex } from './dom.ts';
import type { Block, Dropped } from './extract.ts';
import { chromeReason } from './dom-rules.ts';
import { PATTERNS, REASONS, wordCount } from './rules.ts';
import type { JsonObject } from '../metadata/html-meta.ts';

/** Word 3-grams: the unit texts are compared in (short enough for captions, long enough to be specific). */
const N = 3;
/** The body agrees when at least this share of its 3-grams is found in the DOM blocks. */
const MIN_BODY_FOUND = 0.85;
/** A block is the body's when at least this share of its 3-grams is in the body. */
const MIN_BLOCK_IN_BODY = 0.5;
/** The body is complete (not a 500-character summary) when it is at least this share of the DOM's prose. */
const MIN_BODY_SHARE = 0.6;

function grams(text: string): string[] {
  const t = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i + N <= t.length; i++) out.push(`${t[i]} ${t[i + 1]} ${t[i + 2]}`);
  if (out.length === 0 && t.length) out.push(t.join(' '));
  return out;
}

/**
 * When the JSON-LD body agrees with the DOM (nearly all of it is found in the blocks, and it is not
 * a summary), the blocks it does not hold are dropped; otherwise null (the DOM stands).
 */
export function agreesWithBody(blocks: Block[], body: string): { kept: Block[]; dropped: Block[] } | null {
  const bodyGrams = new Set(grams(body));
  if (bodyGrams.size < 30) return null;
  const inBody = blocks.map((b) => {
    const g = grams(b.text);
    return g.length ? g.filter((x) => bodyGrams.has(x)).length / g.length : 0;
  });
  const found = new Set<string>();
  blocks.forEach((b, i) => {
    if (inBody[i]! >= MIN_BLOCK_IN_BODY) for (const g of grams(b.text)) if (bodyGrams.has(g)) found.add(g);
  });
  if (found.size / bodyGrams.size < MIN_BODY_FOUND) return null;
  const prose = blocks.filter((b) => b.text.length >= 100 && b.linkDensity < 0.3).reduce((n, b) => n + b.text.length, 0);
  if (body.length < MIN_BODY_SHARE * prose) return null;
  const kept: Block[] = [];
  const dropped: Block[] = [];
  blocks.forEach((b, i) => (inBody[i]! >= MIN_BLOCK_IN_BODY ? kept : dropped).push(b));
  return kept.length ? { kept, dropped } : null;
}

/** Below this many words, a page that says its article is for subscribers shows only a teaser. */
const STUB_WORDS = 120;

/**
 * Why the article's text is cut off, or null. It takes two signs: the page says the article is for
 * subscribers (schema.org `isAccessibleForFree: false`, `article:content_tier` locked or metered),
 * or shows a paywall box or notice; and the text looks cut: a stub under STUB_WORDS words, or a last
 * paragraph that stops on an ellipsis. Pages that carry the full text for crawlers
 * while marked as for subscribers are not flagged.
 */
export function paywallSignal(index: PageIndex, jsonLd: JsonObject[], article: JsonObject | null, texts: string[], dropped: Dropped[]): string | null {
  const notFree = [article, ...jsonLd].some((o) => o && (o.isAccessibleForFree === false || /^false$/i.test(String(o.isAccessibleForFree ?? ''))));
  let tier: string | null = null;
  for (const el of index.byTag('meta')) {
    if (/^article:content_tier$/i.test(el.attrs.property ?? el.attrs.name ?? '')) tier = (el.attrs.content ?? '').toLowerCase();
  }
  const notice = dropped.some((d) => d.reason === REASONS.paywall) || texts.some((t) => t.length < 600 && wordCount(t) <= 80 && (PATTERNS.paywall.test(t) || PATTERNS.paywallBody.test(t)));
  const marked = notFree || tier === 'locked' || tier === 'metered';
  let paywallBox = false;
  if (!marked && !notice) {
    for (const el of index.all) {
      if (el.hint && chromeReason(el.hint) === REASONS.paywall && /\S/.test(textPrefix(el))) {
        paywallBox = true;
        break;
      }
    }
    if (!paywallBox) return null;
  }
  const words = texts.reduce((n, t) => n + wordCount(t), 0);
  const last = texts[texts.length - 1]?.trim() ?? '';
  // A teaser ends on an ellipsis ("... [\u2026]"): the text goes on behind the paywall.
  const stopsShort = wordCount(last) >= 8 && /(?:\u2026|\.\.\.)\s*\]?$/.test(last) && !/\.\.\.\.$/.test(last);
  if (words >= STUB_WORDS && !stopsShort) return null;
  const why = notFree ? 'the page marks the article as for subscribers (isAccessibleForFree: false)' : marked ? `the page marks the article as for subscribers (article:content_tier ${tier})` : 'the page shows a paywall';
  return `${why} and ${words < STUB_WORDS ? `only ${words} words of it are on the page` : 'its text stops on an ellipsis'}`;
}

/** The first 200 or so characters of an element's text: enough to tell an empty box from a full one, cheaply. */
function textPrefix(el: El): string {
  let out = '';
  const stack: Array<El | string> = [el];
  while (stack.length && out.length < 200) {
    const k = stack.pop()!;
    if (typeof k === 'string') out += k;
    else for (let i = k.kids.length - 1; i >= 0; i--) stack.push(k.kids[i]!);
  }
  return out;
}
