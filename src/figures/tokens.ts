/**
 * A cheap tokenizer for one sentence: numbers ("1,150", "1.6", ".001"), letter runs (hyphens and
 * punctuation are tokens of their own, so "first-team" is first / - / team) and single symbols. Each
 * token knows whether whitespace precedes it (`glued` = no), which is what tells "37m" from "37 m",
 * "US$" from "US $" and "10,000-12,000" from "10,000 - 12,000".
 */

export type TokenType = 'num' | 'word' | 'sym';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  type: TokenType;
  /** No whitespace between this token and the previous one. */
  glued: boolean;
  /** Numeric value of a `num` token (commas removed). */
  value: number;
}

// Thousands groups must be exactly three digits ("1,150" but not "2,3"); ".5" is a number only when
// no digit precedes it (the alternation order takes "3.5" whole first).
const TOKEN_RE = /(\d+(?:,\d{3}(?!\d))*(?:\.\d+)?|\.\d+)|([\p{L}\p{M}]+(?:['’][\p{L}]+)?)|(\S)/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0];
    const start = m.index;
    const type: TokenType = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'sym';
    out.push({
      text: t,
      lower: t.toLowerCase(),
      start,
      end: start + t.length,
      type,
      glued: start === prevEnd,
      value: type === 'num' ? Number(t.replace(/,/g, '')) : NaN,
    });
    prevEnd = start + t.length;
  }
  return out;
}

export function isCapitalized(t: Token | undefined): boolean {
  return !!t && t.type === 'word' && /^\p{Lu}/u.test(t.text);
}
