/**
 * Paragraphs, quote-aware sentences and tokens for the quotation extractor.
 *
 * Sentences come from the shared splitter (nlp/sentences.ts), told where the quotations are: it must
 * never split inside one (a three-sentence quote and its "he said" are one attribution frame).
 */
import { ABBREVIATIONS, lineBounds, paragraphSentences } from '../nlp/index.ts';
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
  return lineBounds(text).map((line, index) => ({ ...line, index }));
}

/**
 * Sentences of one paragraph (nlp/sentences.ts has the rules), never split inside a quotation that
 * goes on after the mark.
 */
export function sentencesOf(text: string, para: Para, quotes: QuoteSpan[], firstQuote: number, out: Sentence[]): void {
  paragraphSentences(text, para.start, para.end, (start, end) => out.push({ start, end, para: para.index, index: out.length }), quotes, firstQuote);
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
