/**
 * A small tokenizer with character offsets, made for name detection: it keeps "U.S.", "Inc.",
 * "O'Leary", "Kim Jong-un", "AT&T" and "C4ADS" whole, splits possessives ("Russia’s" → "Russia" +
 * "’s") and hyphenated pairs of names ("DPRK-Russia"), and marks where capitalisation says
 * nothing (sentence starts, after an opening quote or a colon, headline-style and all-caps lines).
 */
import { lexTags } from './lexicon.ts';
import { ABBREVIATIONS, CAPITALS, HYPHEN_ADJ_SUFFIXES, PLACE_ALIASES } from './tables.ts';

export type Shape = 'lower' | 'cap' | 'upper' | 'camel' | 'num' | 'punct';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  shape: Shape;
  /** Capitalisation carries no information here (sentence start, after a quote or colon, headline line). */
  uninformative: boolean;
  /** A line break separates this token from the previous one. */
  newlineBefore: boolean;
  /** Whitespace separates this token from the previous one. */
  spaceBefore: boolean;
  /** The token is in an all-caps line (no acronym detection there). */
  shouting: boolean;
  /** The token is in a headline-style line, where every word may be capitalised. */
  headline: boolean;
}

const TOKEN_RE = /(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s+\p{Lu})|[\p{L}\p{M}\p{N}]+(?:[-'’.&][\p{L}\p{M}\p{N}]+)*|\S/gu;
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

export function shapeOf(text: string): Shape {
  // Fast path for plain ASCII words (most tokens).
  const c0 = text.charCodeAt(0);
  if (ASCII_WORD.test(text)) {
    if (c0 <= 57) return 'num';
    if (c0 >= 97) return /^[a-z]{1,2}[A-Z]/.test(text) ? 'camel' : 'lower';
    if (/[a-z]/.test(text)) return 'cap';
    let letters = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 65) letters++;
    return letters >= 2 ? 'upper' : 'cap';
  }
  const first = text.charAt(0);
  if (!LETTER.test(first)) return /^\p{N}/u.test(text) ? 'num' : 'punct';
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (UPPER.test(first)) return letters.length >= 2 && !LOWER.test(letters) ? 'upper' : 'cap';
  // "al-Assad", "bin-Salman": an Arabic article glued to a capitalised name is part of the name.
  if (/^(?:al|el|ad|as|ash|at|bin|ibn|abu|ben)-\p{Lu}/u.test(text)) return 'cap';
  // "iPhone", "eBay": lowercase start with a capital right after.
  if (/^\p{Ll}{1,2}\p{Lu}/u.test(text)) return 'camel';
  return 'lower';
}

function make(text: string, start: number): Token {
  return { text, lower: text.toLowerCase().replace(/’/g, "'"), start, end: start + text.length, shape: shapeOf(text), uninformative: false, newlineBefore: false, spaceBefore: false, shouting: false, headline: false };
}

/** A part of a hyphenated token that is a known name on its own ("DPRK", "Russia", "Korea"). */
function knownNamePart(part: string): boolean {
  const l = part.toLowerCase();
  if (PLACE_ALIASES[l] || CAPITALS[l]) return true;
  if (/^\p{Lu}{2,}$/u.test(part)) return true;
  return lexTags(l).some((t) => t === 'country' || t === 'city' || t === 'region' || t === 'organization');
}

function splitHyphen(tok: Token): Token[] {
  if (!tok.text.includes('-')) return [tok];
  const parts = tok.text.split('-');
  if (parts.some((p) => p === '')) return [tok];
  const out: Token[] = [];
  const emit = (pieces: string[]) => {
    let at = tok.start;
    pieces.forEach((p, i) => {
      if (i > 0) {
        out.push(make('-', at));
        at += 1;
      }
      out.push(make(p, at));
      at += p.length;
    });
  };
  // "EADS-led", "Intel-based": the name, then an adjective suffix.
  const last = parts[parts.length - 1]!;
  if (parts.length >= 2 && HYPHEN_ADJ_SUFFIXES.has(last.toLowerCase()) && UPPER.test(parts[0]!.charAt(0))) {
    emit([parts.slice(0, -1).join('-'), last]);
    return out;
  }
  // "DPRK-Russia", "Korea-Russia": two names joined.
  if (parts.every((p) => UPPER.test(p.charAt(0)) && knownNamePart(p))) {
    emit(parts);
    return out;
  }
  return [tok];
}

/** Tokens of `text` with offsets and capitalisation flags. */
export function tokenize(text: string): Token[] {
  const raw: Token[] = [];
  let consumed = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    if (m.index! < consumed) continue; // the period of an abbreviation already taken
    let tok = make(m[0], m.index!);
    // Possessive: "Russia’s" → "Russia" + "’s"; "Jong-un’s" likewise.
    const poss = /^(.+?)(['’][sS])$/u.exec(tok.text);
    if (poss && LETTER.test(poss[1]!.slice(-1))) {
      const base = make(poss[1]!, tok.start);
      raw.push(...splitHyphen(base));
      raw.push(make(poss[2]!, tok.start + poss[1]!.length));
      continue;
    }
    // "Inc." / "Mr." / "St.": the period belongs to the abbreviation.
    if (ABBREVIATIONS.has(tok.lower) && text.charAt(tok.end) === '.') {
      tok = make(text.slice(tok.start, tok.end + 1), tok.start);
      tok.lower = tok.lower.replace(/\.$/, '');
      consumed = tok.end;
    }
    raw.push(...splitHyphen(tok));
  }

  // Spacing and line flags.
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const gap = text.slice(i > 0 ? raw[i - 1]!.end : 0, t.start);
    t.spaceBefore = gap.length > 0;
    t.newlineBefore = i === 0 || gap.includes('\n');
  }

  markLines(raw);
  markSentenceStarts(raw);
  return raw;
}

/** Headline-style (most long words capitalised) and all-caps lines: capitalisation is no evidence. */
function markLines(tokens: Token[]): void {
  let from = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && !tokens[i]!.newlineBefore) continue;
    const line = tokens.slice(from, i);
    const words = line.filter((t) => t.shape !== 'punct' && t.shape !== 'num' && t.text.length >= 4);
    const caps = words.filter((t) => t.shape === 'cap' || t.shape === 'upper' || t.shape === 'camel').length;
    const upper = line.filter((t) => t.shape === 'upper' && t.text.length >= 2).length;
    const allWords = line.filter((t) => t.shape !== 'punct' && t.shape !== 'num').length;
    // Headlines are short; a long line of prose with many names is not one.
    const titleCase = words.length >= 3 && allWordsCount(line) <= 20 && caps / words.length >= 0.75;
    const shouting = allWords >= 3 && upper / allWords >= 0.7;
    if (titleCase || shouting) {
      for (const t of line) {
        t.uninformative = true;
        t.shouting = shouting;
        t.headline = true;
      }
    }
    from = i;
  }
}

function allWordsCount(line: Token[]): number {
  return line.filter((t) => t.shape !== 'punct').length;
}

const SENTENCE_END = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['”', '’', '"', "'", ')', ']', '»']);
const OPENERS = new Set(['"', '“', '‘', "'", '«', '(', '[', '|', '•', '·', '—', '–', '-', ':', ';', '*', '>', '#']);

function markSentenceStarts(tokens: Token[]): void {
  let start = true;
  let quoted = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.newlineBefore) start = true;
    if (t.shape === 'punct') {
      if (SENTENCE_END.has(t.text) || t.text === ':') start = true;
      // An opening quote: the quoted words may start with a capital whatever they are.
      else if (t.text === '“' || t.text === '‘' || t.text === '«' || ((t.text === '"' || t.text === "'") && (t.spaceBefore || t.newlineBefore || i === 0))) quoted = true;
      // Keep `start` through openers ("- Kim ...") and closers after a full stop ('weapons.” He');
      // other punctuation ends it.
      else if (!OPENERS.has(t.text) && !CLOSERS.has(t.text)) start = false;
      continue;
    }
    if (start || quoted) t.uninformative = true;
    start = false;
    quoted = false;
  }
}

/** Whether a token can be part of a name by its shape alone. */
export function nameShaped(t: Token): boolean {
  return t.shape === 'cap' || t.shape === 'upper' || t.shape === 'camel';
}
