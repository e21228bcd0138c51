/**
 * Paragraphs, quote-aware sentences and tokens for the quotation extractor.
 *
 * The extractor does its own light sentence splitting rather than calling wink's `sentenceSpans`:
 * it must never split inside a quotation (a three-sentence quote and its "he said" are one
 * attribution frame), and a regex pass costs a fraction of a model pass (wink's full tokenisation
 * would be most of the per-article budget on its own).
 */
import { ABBREVIATIONS } from './lexicon.ts';
import type { QuoteSpan } from './marks.ts';

export interface Para {
  start: number;
  end: number;
  index: number;
}

export interface Sentence {
  start: number;
  end: number;
  para: number;
  index: number;
}

export type TokKind = 'w' | 'p' | 'q';

export interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: TokKind;
  /** Capitalised word. */
  cap: boolean;
  /** Index into the quote list for `q` tokens (a whole quotation is one token). */
  q: number;
}

/** Non-empty lines: news text uses a line break (single or double) between paragraphs. */
export function paragraphsOf(text: string): Para[] {
  const out: Para[] = [];
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    let s = from;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, index: out.length });
    if (nl < 0) break;
    from = nl + 1;
  }
  return out;
}

const CLOSERS = new Set(['”', '"', '’', "'", ')', ']', '»']);
const STARTERS = /[\p{Lu}\p{N}“"‘'(\[«]/u;

/**
 * Sentences of one paragraph. A full stop, question or exclamation mark ends a sentence when an
 * upper-case letter, a digit or a quotation mark follows, unless it ends an abbreviation or an
 * initial, or sits inside a quotation that goes on after it.
 */
export function sentencesOf(text: string, para: Para, quotes: QuoteSpan[], firstQuote: number, out: Sentence[]): void {
  let from = para.start;
  let qi = firstQuote;
  for (let i = para.start; i < para.end; i++) {
    const c = text[i]!;
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    while (qi < quotes.length && quotes[qi]!.close <= i) qi++;
    let j = i + 1;
    while (j < para.end && CLOSERS.has(text[j]!)) j++;
    const q = quotes[qi];
    // Inside a quotation: only a mark at its very end can end the sentence.
    if (q && q.open < i && i < q.end && (q.end > j || !q.closed || j < q.close)) continue;
    if (j >= para.end || !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < para.end && /\s/.test(text[k]!)) k++;
    if (k >= para.end || !STARTERS.test(text[k]!)) continue;
    if (c === '.') {
      let w = i;
      while (w > para.start && /[\p{L}.]/u.test(text[w - 1]!)) w--;
      const word = text.slice(w, i).toLowerCase();
      // An initial ("J. Smith") only when a capitalised word follows, not a quotation mark.
      if (ABBREVIATIONS.has(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
      if (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(text[k]!)) continue;
    }
    out.push({ start: from, end: j, para: para.index, index: out.length });
    from = k;
  }
  if (from < para.end) out.push({ start: from, end: para.end, para: para.index, index: out.length });
}

const WORD = /[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*\.?|\S/gu;
const UPPER = /\p{Lu}/u;

/**
 * Tokens of `text[start, end)`, with every quotation that starts inside the range folded into one
 * `q` token (so a reporting frame reads `Q , he said`).
 */
export function tokensOf(text: string, start: number, end: number, quotes: QuoteSpan[], firstQuote: number): Tok[] {
  const out: Tok[] = [];
  let qi = firstQuote;
  while (qi < quotes.length && quotes[qi]!.close <= start) qi++;
  let pos = start;
  while (pos < end) {
    const q = quotes[qi];
    const stop = q && q.open < end ? Math.max(q.open, pos) : end;
    if (stop > pos) wordTokens(text, pos, stop, out);
    if (!q || q.open >= end) break;
    out.push({ text: text.slice(q.open, q.close), lower: '', start: q.open, end: q.close, kind: 'q', cap: false, q: qi });
    pos = q.close;
    qi++;
  }
  return out;
}

function wordTokens(text: string, start: number, end: number, out: Tok[]): void {
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    let t = m[0];
    const s = start + m.index;
    if (t.length > 1 && t.endsWith('.')) {
      const bare = t.slice(0, -1).toLowerCase();
      // Keep the period of abbreviations and initials (Mr., U.S., J.); split it off otherwise.
      if (!(ABBREVIATIONS.has(bare) || /^\p{L}$/u.test(bare) || bare.includes('.'))) {
        t = t.slice(0, -1);
        WORD.lastIndex = m.index + t.length;
      }
    }
    const word = /[\p{L}\p{N}]/u.test(t[0]!);
    out.push({ text: t, lower: t.toLowerCase(), start: s, end: s + t.length, kind: word ? 'w' : 'p', cap: word && UPPER.test(t[0]!), q: -1 });
  }
}
