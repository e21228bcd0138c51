/**
 * `extractFigures`: every numeric claim in a text, with its value (or range), qualifier, unit or counted
 * noun, the period it covers and its source. Linear in the text: one tokenizer pass per sentence that
 * holds a number, table lookups, and wink-nlp part-of-speech tags only on a short window after a number
 * whose next word may start a counted noun (a plural right after a number needs no tagger).
 *
 * The patterns live in `rules.ts`; this file is the parser that applies them.
 */
import { sentenceSpans, wink, type Span } from '../nlp/index.ts';
import { nearest, periodPhrases, sourcePhrases, type Phrase } from './context.ts';
import {
  ADJECTIVE_SUFFIXES, CASED_UNITS, CHANGE_DOWN, CHANGE_NOUN_DOWN, CHANGE_NOUN_UP, CHANGE_UP,
  CURRENCY_PREFIXES, CURRENCY_SUFFIXES, FRACTIONS, IRREGULAR_PLURALS, LABEL_BEFORE, MONTHS, NOT_PLURAL,
  NP_ADJECTIVES, NP_STOP, ONE_PRONOUN_AFTER, OVER_AS_PREPOSITION, PER_WORDS, ONE_PRONOUN_BEFORE, POST_QUALIFIERS, QUALIFIERS,
  RATIO_AFTER_TIMES, SCALE_ABBREVIATIONS, SCALES, SMALL_NUMBERS, TENS, UNITS, VAGUE_SCALES, WORD_RATIOS,
  YEAR_CONTEXT, PHONE, GROUP_OF, AMBIGUOUS_PREFIXES, RATE_AFTER_A, RATIO_COMPARATIVES,
} from './rules.ts';
import { isCapitalized, tokenize, type Token } from './tokens.ts';
import type { Bound, Figure, FigureKind, FigureOptions } from './types.ts';
import { singular } from './units.ts';

/** Cheap test for a sentence worth tokenizing: a digit, a number word, or a ratio word. */
const CANDIDATE = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|dozens|half|thirds?|quarters?|twice|double|doubled|tripled|triple|quadrupled|halved|tens|hundreds|thousands|millions|billions)\b/i;

/** Words that can start a figure (besides digits, and "a"/"an" before a scale or fraction word). */
const TRIGGERS = new Set<string>([...Object.keys(SMALL_NUMBERS), ...Object.keys(TENS), ...Object.keys(VAGUE_SCALES), ...Object.keys(WORD_RATIOS), 'half', 'minus']);

const QUALIFIER_LIST = [...QUALIFIERS].map(([p, b]) => [p.split(' '), b] as const).sort((a, b) => b[0].length - a[0].length);
const POST_QUALIFIER_LIST = [...POST_QUALIFIERS].sort((a, b) => b[0].length - a[0].length);
const CURRENCY_SIGNS = new Set(['$', '€', '£', '¥', '₹', '₪', '₩', '₽', '₺', '₦', '৳', '₴', '=']);
const MINUS = new Set(['-', '−', '–']);
const DASHES = new Set(['-', '–', '—', '−']);

interface Value {
  low: number;
  high: number;
  /** Token index after the value. */
  end: number;
  digits: boolean;
  /** Written out ("three", "a dozen"). */
  written: boolean;
  /** "dozens of", "millions of": the counted noun comes after "of". */
  vague: boolean;
  fraction: boolean;
  /** A scale word or abbreviation was applied ("1.6 million"). */
  scaled: boolean;
  ratio?: boolean;
}

interface UnitMatch {
  unit: string;
  end: number;
  kind: FigureKind;
}

type PosTags = Map<number, string>;

export function extractFigures(text: string, options: FigureOptions = {}): Figure[] {
  const sentences = options.sentences ?? sentenceSpans(text);
  const out: Figure[] = [];
  for (const s of sentences) {
    if (!CANDIDATE.test(s.text)) continue;
    new SentenceScanner(s, options).scan(out);
  }
  return out;
}

class SentenceScanner {
  private readonly text: string;
  private readonly base: number;
  private readonly toks: Token[];
  private readonly opts: FigureOptions;
  private pos: PosTags | null = null;
  private periods: Phrase[] | null = null;
  private sources: Phrase[] | null = null;
  /** Character ranges of the sentence that are not figures (phone numbers, "Group of 20"). */
  private readonly blocked: Array<[number, number]> = [];

  constructor(span: Span, opts: FigureOptions) {
    this.text = span.text;
    this.base = span.start;
    this.opts = opts;
    this.toks = tokenize(span.text);
    for (const re of [PHONE, GROUP_OF]) {
      re.lastIndex = 0;
      for (const m of span.text.matchAll(re)) this.blocked.push([m.index, m.index + m[0].length]);
    }
  }

  scan(out: Figure[]): void {
    const toks = this.toks;
    // List numbering at the start of a line: "1. Introduction", "2) ...".
    let i = toks[0]?.type === 'num' && (toks[1]?.text === '.' || toks[1]?.text === ')') && toks[1]!.glued && Number.isInteger(toks[0]!.value) ? 2 : 0;
    while (i < toks.length) {
      const t = toks[i]!;
      if (t.type === 'sym' && !(t.text === '.' && toks[i + 1]?.type === 'num' && toks[i + 1]!.glued)) { i++; continue; }
      // only numbers and the words that can start one are worth a look
      if (t.type === 'word' && !TRIGGERS.has(t.lower) && !((t.lower === 'a' || t.lower === 'an') && (SCALES[toks[i + 1]?.lower ?? ''] !== undefined || FRACTIONS[toks[i + 1]?.lower ?? ''] !== undefined))) { i++; continue; }
      const next = this.figureAt(i, out);
      i = Math.max(i + 1, next);
    }
  }

  // ---------------------------------------------------------------- one figure

  /** Tries a figure starting at token `i`; pushes it and returns the token index after it (or i+1). */
  private figureAt(i: number, out: Figure[]): number {
    const toks = this.toks;
    const t = toks[i]!;
    if (this.isBlocked(t.start)) return i + 1;

    // Currency before the number ("$", "US$", "USD10m", "HK $"), and a minus or plus sign.
    let start = i;
    let currency: string | null = null;
    let sign = 1;
    let plus = false;
    let bound: Bound = '=';
    if (t.type === 'num') {
      let k = i - 1;
      if (k >= 0 && MINUS.has(toks[k]!.text) && t.glued) {
        const before = toks[k - 1];
        if (before && toks[k]!.glued && before.type === 'num') return i + 1; // second half of a range we did not take ("No. 10-277")
        if (before && toks[k]!.glued && before.type === 'word') {
          if (before.lower === 'minus') { sign = -1; start = k - 1; k -= 2; }
          else if (before.lower === 'sub') { bound = '<'; start = k - 1; k = -1; }
          else return i + 1; // "COVID-19", "F-16", "mid-2020", "under-21": a name or a label
        } else if (!before || !toks[k]!.glued || before.text === '$' || CURRENCY_SIGNS.has(before.text) || before.type === 'sym') {
          sign = -1; start = k; k -= 1;
        }
      } else if (k >= 0 && toks[k]!.text === '+' && t.glued) {
        plus = true; start = k; k -= 1;
      } else if (k >= 0 && toks[k]!.lower === 'minus') {
        sign = -1; start = k; k -= 1;
      }
      const cur = this.currencyBefore(k, start);
      if (cur === 'name') return this.skipNumber(i);
      if (cur) { currency = cur.symbol; start = Math.min(start, cur.start); }
    }

    // the second half of "9/11", "24/7", "A/cm2"
    if (t.type === 'num' && t.glued && (toks[i - 1]?.text === '/' || toks[i - 1]?.text === '⁄') && toks[i - 1]!.glued) return this.skipNumber(i);
    const value = this.readValue(i, currency !== null);
    if (!value) return t.type === 'num' ? this.skipNumber(i) : i + 1;
    this.andAHalf(value);
    let { end } = value;
    let low = value.low * sign;
    let high = value.high * sign;
    const firstEnd = end;

    if (value.digits && currency === null && !value.scaled) {
      const skip = this.notAFigure(i, value, start);
      if (skip) return skip;
    }
    if (value.ratio) return this.wordRatio(i, value, out);

    // A unit right after the first value ("5% to 6%", "15 to 22 miles" has it after the second).
    let unit: UnitMatch | null = currency ? null : this.unitAt(end, value);
    if (unit) end = unit.end;

    // Ranges: "10,000-12,000", "between 3 and 5", "1 to 1.5 degrees", "$3 billion to $5 billion".
    const range = this.rangeAfter(i, start, end, value, currency, unit);
    if (range === 'score') return this.skipRange(end);
    if (range && !currency && !range.unit && value.digits && this.nameAfter(range.end, value.low)) return range.end;
    if (range) {
      // "between 3 and 5", "from 240 to 273": the preposition belongs to the range's text
      if (/^(?:between|from)$/.test(toks[start - 1]?.lower ?? '')) start--;
      low = Math.min(value.low * sign, range.low);
      high = Math.max(value.high * sign, range.high);
      if (range.lowScale) low = value.low * sign * range.lowScale;
      end = range.end;
      currency ??= range.currency;
      if (range.unit) unit = range.unit;
    }

    // Currency after the number ("10.5 million Australian dollars", "1,200€", "$76 US").
    if (!currency) {
      const suffix = this.currencyAfter(end);
      if (suffix) { currency = suffix.symbol; end = suffix.end; unit = null; }
    } else {
      const us = toks[end];
      if (us && us.text === 'US' && !isCapitalized(toks[end + 1])) end++;
    }
    if (!currency && !unit) unit = this.unitAt(end, value);
    if (unit) end = unit.end;

    // Qualifier before ("more than", "approximately", "up to") and after ("or more", "-plus", "+").
    const q = this.qualifierBefore(start);
    if (q) { if (bound === '=') bound = q.bound; start = q.start; }
    const pq = this.qualifierAfter(end);
    if (pq) { if (bound === '=') bound = pq.bound; end = pq.end; }

    // Money's rate ("$ per barrel", "$3500 a month"), measures' rate ("10.4 cents per share").
    let unitText: string | null = currency ?? unit?.unit ?? null;
    let kind: FigureKind = currency ? 'money' : unit?.kind ?? 'amount';
    if (unitText && kind !== 'count') {
      const rate = this.rateAfter(end);
      if (rate) { unitText = `${unitText} per ${rate.per}`; end = rate.end; }
    }

    // The counted noun: "82 settlements", "approximately 1.6 million artillery shells", "dozens of people".
    let factor: number | undefined;
    let rangeFromTo = false;
    // "a magnitude 7.8 earthquake": the unit before the number
    if (!unitText && toks[start - 1]?.lower === 'magnitude' && value.digits) { unitText = 'magnitude'; kind = 'measure'; start--; }
    if (!unitText) {
      const np = this.nounAfter(end, value);
      if (np) {
        unitText = np.unit; end = np.end; kind = np.kind;
        // "three thousand tests per day": a count per unit of time
        if (toks[end]?.lower === 'per') {
          const rate = this.rateAfter(end);
          if (rate) { unitText = `${unitText} per ${rate.per}`; end = rate.end; }
        }
        // "from 208 pounds to 193": a range whose unit is written once, after the first value
        if (!range && toks[start - 1]?.lower === 'from' && toks[end]?.lower === 'to' && toks[end + 1]?.type === 'num') {
          const v2 = this.readValue(end + 1, false);
          if (v2 && !v2.fraction) {
            const u2 = this.unitAt(v2.end, v2);
            if (!u2) { low = Math.min(low, v2.low); high = Math.max(high, v2.high); end = v2.end; rangeFromTo = true; start--; }
          }
        }
      }
    }
    if (value.fraction) kind = 'fraction';
    if (unitText === '%' || unitText === 'percentage points') kind = 'percent';
    if (unitText === 'times' && kind !== 'count') { kind = 'ratio'; factor = high; }

    // Written numbers need a unit to be a figure: "the bottom three", "the same one" are not claims.
    if (value.written && !value.digits && !unitText && !value.fraction && !range && !q && !value.vague && !value.scaled) return firstEnd;
    // "three times higher": the comparative belongs to the ratio
    if (kind === 'ratio' && toks[end]?.type === 'word' && RATIO_COMPARATIVES.has(toks[end]!.lower)) end++;
    // A fraction word needs "of", a unit or a qualifier ("half of the missiles", "more than half"), or
    // to end a clause ("almost half,"): "half time", "half hearted" are not figures.
    if (value.fraction && !unitText && !q && toks[firstEnd]?.lower !== 'of' && toks[firstEnd]?.type === 'word') return firstEnd;

    // Bounds make an open interval: "more than 70" is 70..∞, "up to 400" is ..400.
    let lo: number | null = low;
    let hi: number | null = high;
    if (!range && !rangeFromTo && (bound === '>' || bound === '>=')) hi = null;
    if (!range && !rangeFromTo && (bound === '<' || bound === '<=')) lo = null;

    const change = this.changeOf(start, end, plus);
    const s = toks[start]!.start;
    const e = toks[end - 1]!.end;
    out.push(this.build(s, e, lo, hi, unitText, bound, kind, factor, change));
    return end;
  }

  private build(s: number, e: number, low: number | null, high: number | null, unit: string | null, bound: Bound, kind: FigureKind, factor: number | undefined, change: 'up' | 'down' | undefined): Figure {
    this.periods ??= periodPhrases(this.text);
    this.sources ??= sourcePhrases(this.toks, this.text);
    // A figure inside a period phrase ("in the last three months") is the period, not covered by one.
    const inPeriod = this.periods.some((p) => p.start < e && p.end > s);
    const period = inPeriod ? null : nearest(this.periods, s, e);
    const source = nearest(this.sources, s, e, true);
    const fig: Figure = {
      text: this.text.slice(s, e),
      start: this.base + s,
      end: this.base + e,
      low: low === null ? null : round(low),
      high: high === null ? null : round(high),
      unit,
      approx: bound !== '=',
      bound,
      kind,
      period: period?.text ?? null,
      attribution: source?.text ?? null,
      sentence: this.text,
    };
    if (factor !== undefined) fig.factor = round(factor);
    if (change) fig.change = change;
    return fig;
  }

  private isBlocked(at: number): boolean {
    return this.blocked.some(([a, b]) => at >= a && at < b);
  }

  /** Skips a number and whatever is glued to it ("XC40", "1990s", "3.0.1"). */
  private skipNumber(i: number): number {
    let j = i + 1;
    while (j < this.toks.length && this.toks[j]!.glued && this.toks[j]!.type !== 'sym') j++;
    return j;
  }

  private skipRange(end: number): number {
    let j = end;
    while (j < this.toks.length && (this.toks[j]!.glued || DASHES.has(this.toks[j]!.text)) && this.toks[j]!.type !== 'word') j++;
    return j;
  }

  // ---------------------------------------------------------------- values

  /** A number at token `i`: digits with a scale, written words, a fraction, a vague plural or a ratio word. */
  private readValue(i: number, money: boolean): Value | null {
    const toks = this.toks;
    const t = toks[i]!;
    if (t.type === 'num') {
      if (!Number.isFinite(t.value)) return null;
      let v = t.value;
      let j = i + 1;
      let scaled = false;
      // "1.99×10−30": scientific notation
      if (toks[j]?.glued && /^[×x]$/.test(toks[j]!.text) && toks[j + 1]?.text === '10' && toks[j + 1]!.glued) {
        let k = j + 2;
        let sign = 1;
        if (toks[k] && MINUS.has(toks[k]!.text) && toks[k]!.glued) { sign = -1; k++; }
        if (toks[k]?.type === 'num' && toks[k]!.glued) {
          v = v * 10 ** (sign * toks[k]!.value);
          return val(v, k + 1, { digits: true, scaled: true });
        }
      }
      // "1/16 of a US pint", "1⁄32 of": a fraction before "of"; otherwise "9/11", "24/7" are not figures
      if (toks[j]?.glued && (toks[j]!.text === '/' || toks[j]!.text === '⁄') && toks[j + 1]?.type === 'num' && toks[j + 1]!.glued) {
        const den = toks[j + 1]!.value;
        if (toks[j + 2]?.lower === 'of' && den > 0 && Number.isInteger(t.value) && t.value < den) {
          const f = t.value / den;
          return val(f, j + 2, { digits: true, fraction: true });
        }
        return null;
      }
      // "1.6 million", "4 hundred million", "two dozen": scale words, largest last.
      while (toks[j]?.type === 'word' && SCALES[toks[j]!.lower] !== undefined && !(toks[j]!.lower === 'dozen' && scaled)) {
        v *= SCALES[toks[j]!.lower]!; j++; scaled = true;
      }
      if (!scaled && toks[j]?.type === 'word') {
        const abbr = SCALE_ABBREVIATIONS[toks[j]!.text] ?? SCALE_ABBREVIATIONS[toks[j]!.lower];
        const gl = toks[j]!.glued;
        const spacedOk = /^(?:bn|mn|mln|bln|tn|trn)$/i.test(toks[j]!.text);
        const nextWord = toks[j + 1];
        // "37m" is metres, but "2.5m people" is millions: a glued "m" without a currency scales only
        // before a plural noun.
        const mMillions = toks[j]!.text === 'm' && !money && gl && nextWord?.type === 'word' && !nextWord.glued && isPluralWord(nextWord.lower) && !UNITS[nextWord.lower];
        if (abbr && (gl || spacedOk) && (!abbr.money || money || mMillions) && !(toks[j + 1]?.glued && toks[j + 1]!.type === 'word')) {
          v *= abbr.value; j++; scaled = true;
        }
      }
      // "1 in 3 chance", "3 in 10 voters": a share
      if (!scaled && Number.isInteger(v) && toks[j]?.lower === 'in' && toks[j + 1]?.type === 'num' && /^\d+$/.test(toks[j + 1]!.text)) {
        const den = toks[j + 1]!.value;
        if (den > v && den <= 1000 && !(toks[j + 2]?.glued && toks[j + 2]!.type === 'word')) {
          return val(v / den, j + 2, { digits: true, fraction: true });
        }
      }
      return val(v, j, { digits: true, scaled });
    }
    if (t.type !== 'word') return null;
    const w = t.lower;

    // "a million", "a dozen", "a hundred", "a third of", "a half", "a quarter of".
    if ((w === 'a' || w === 'an') && toks[i + 1]?.type === 'word') {
      const n = toks[i + 1]!.lower;
      if (SCALES[n] !== undefined) {
        let v = SCALES[n]!;
        let j = i + 2;
        while (toks[j]?.type === 'word' && SCALES[toks[j]!.lower] !== undefined && SCALES[toks[j]!.lower]! > v) { v *= SCALES[toks[j]!.lower]!; j++; }
        return val(v, j, { written: true, scaled: true });
      }
      if (FRACTIONS[n] !== undefined && !n.endsWith('s') && toks[i + 2]?.lower === 'of') {
        return val(FRACTIONS[n]!, i + 2, { written: true, fraction: true });
      }
      return null;
    }

    // "dozens of", "hundreds of", "tens of thousands of", "tens of millions of dollars".
    if (VAGUE_SCALES[w] !== undefined && toks[i + 1]?.lower === 'of') {
      let v = VAGUE_SCALES[w]!;
      let j = i + 2;
      if (VAGUE_SCALES[toks[j]?.lower ?? ''] !== undefined && VAGUE_SCALES[toks[j]!.lower]! > v) {
        v *= VAGUE_SCALES[toks[j]!.lower]!; j++;
        if (toks[j]?.lower !== 'of' && toks[j]?.type === 'word') return null;
      } else j = i + 1;
      return val(v, j, { written: true, vague: true, scaled: true }, v * 10);
    }

    // "half": a figure before "of"/"a"/"an" ("half of the missiles", "half a million") or after a qualifier.
    if (w === 'half') {
      const prev = toks[i - 1]?.lower ?? '';
      if (['first', 'second', 'the', 'this', 'last', 'next', 'other', 'in', 'a'].includes(prev) || toks[i + 1]?.glued && toks[i + 1]!.text === '-') return null;
      const next = toks[i + 1]?.lower;
      if ((next === 'a' || next === 'an') && toks[i + 2] && SCALES[toks[i + 2]!.lower]) {
        const v = 0.5 * SCALES[toks[i + 2]!.lower]!;
        return val(v, i + 3, { written: true, scaled: true });
      }
      return val(0.5, i + 1, { written: true, fraction: true });
    }

    // Word ratios: "doubled", "twice as", "double the", "tripled".
    if (WORD_RATIOS[w] !== undefined && this.opts.wordRatios !== false) {
      const next = toks[i + 1];
      if (next?.glued && next.text === '-') return null; // "double-digit"
      const verb = /(?:ed|ing|es)$/.test(w);
      const before = toks[i - 1]?.lower ?? '';
      const ok = verb
        ? !(next?.type === 'word' && /^(?:down|up|over|back|as)$/.test(next.lower))
        : /^(?:as|the|that|its|their|his|her|what|this|from|in|to|a)$/.test(next?.lower ?? '') || /^(?:than|over|nearly|almost|about|roughly|around|more|up|by|to|at|least|only|just)$/.test(before);
      if (!ok) return null;
      const f = WORD_RATIOS[w]!;
      return val(f, i + 1, { written: true, ratio: true });
    }

    // Written numbers: "three", "twenty-five", "three hundred and twenty", "three thousand", "two-thirds".
    if (SMALL_NUMBERS[w] === undefined && TENS[w] === undefined) return null;
    // "one in three", "one-in-three chance", "one out of three Germans"
    const hy = toks[i + 1]?.text === '-' && toks[i + 1]!.glued ? 1 : 0;
    if (w === 'one' && (toks[i + 1 + hy]?.lower === 'in' || toks[i + 1 + hy]?.lower === 'out' && toks[i + 2 + hy]?.lower === 'of')) {
      const k0 = toks[i + 1 + hy]!.lower === 'in' ? i + 2 + hy : i + 3 + hy;
      const k = toks[k0]?.text === '-' && toks[k0]!.glued ? k0 + 1 : k0;
      const d = toks[k];
      const den = d ? (d.type === 'num' ? d.value : SMALL_NUMBERS[d.lower] ?? TENS[d.lower]) : undefined;
      if (den && den > 1) return val(1 / den, k + 1, { written: true, fraction: true });
    }
    if (w === 'one' && !this.oneIsCount(i)) return null;
    // "one-on-one", "one-off", "one-time", "face-to-one": idioms glued by hyphens
    if (toks[i - 1]?.text === '-' && t.glued || toks[i + 1]?.text === '-' && toks[i + 1]!.glued && /^(?:on|off|time|sided|way|stop|size|liner|shot|track|man|upmanship|of)$/.test(toks[i + 2]?.lower ?? '')) return null;
    let total = 0;
    let current = 0;
    let j = i;
    let any = false;
    while (j < toks.length) {
      const x = toks[j]!;
      if (x.type !== 'word') break;
      const lw = x.lower;
      if (SMALL_NUMBERS[lw] !== undefined && (!any || current % 10 === 0 && current % 100 !== 0 && toks[j - 1]?.text === '-' || current >= 100 && current % 100 === 0 && toks[j - 1]?.lower === 'and')) {
        current += SMALL_NUMBERS[lw]!; any = true; j++;
      } else if (TENS[lw] !== undefined && (!any || current >= 100 && current % 100 === 0)) {
        current += TENS[lw]!; any = true; j++;
      } else if (lw === 'hundred' && any && current > 0 && current < 100) {
        current *= 100; j++;
      } else if (SCALES[lw] !== undefined && lw !== 'hundred' && any) {
        total += (current || 1) * SCALES[lw]!; current = 0; j++;
      } else if (lw === 'and' && current >= 100 && (SMALL_NUMBERS[toks[j + 1]?.lower ?? ''] !== undefined || TENS[toks[j + 1]?.lower ?? ''] !== undefined)) {
        j++;
      } else break;
      // a hyphen joins "twenty-five" and "two-thirds"
      if (toks[j]?.text === '-' && toks[j]!.glued && toks[j + 1]?.glued && toks[j + 1]!.type === 'word') {
        const after = toks[j + 1]!.lower;
        if (SMALL_NUMBERS[after] !== undefined && TENS[x.lower] !== undefined) { j++; continue; }
        if (FRACTIONS[after] !== undefined && current > 0 && current < 20 && total === 0) {
          const v = current * FRACTIONS[after]!;
          return val(v, j + 2, { written: true, fraction: true });
        }
        break;
      }
    }
    if (!any) return null;
    const v = total + current;
    // "two thirds of", "one in three", "one out of three"
    const nx = toks[j];
    if (nx?.type === 'word' && FRACTIONS[nx.lower] !== undefined && nx.lower !== 'half' && nx.lower !== 'halves' && v > 0 && v < 20 && (v > 1 ? nx.lower.endsWith('s') : !nx.lower.endsWith('s')) && (toks[j + 1]?.lower === 'of' || v > 1)) {
      const f = v * FRACTIONS[nx.lower]!;
      return val(f, j + 1, { written: true, fraction: true });
    }
    return val(v, j, { written: true, scaled: total > 0 });
  }

  /** "two and a half", "two-and-a-half months", "3 and a half million": adds the half in place. */
  private andAHalf(value: Value): void {
    const toks = this.toks;
    let j = value.end;
    const words: string[] = [];
    while (words.length < 3 && toks[j] && (toks[j]!.type === 'word' || toks[j]!.text === '-' && toks[j]!.glued)) {
      if (toks[j]!.type === 'word') words.push(toks[j]!.lower);
      j++;
    }
    if (words.join(' ') !== 'and a half' || value.fraction || value.vague || value.ratio || value.low !== value.high) return;
    let scale = 1;
    if (toks[j]?.type === 'word' && SCALES[toks[j]!.lower] !== undefined && !value.scaled) { scale = SCALES[toks[j]!.lower]!; j++; }
    value.low = value.high = (value.low + 0.5) * scale;
    value.end = j;
  }

  /** "one" counts only before a noun or "of the": not "the same one", "one another", "no one". */
  private oneIsCount(i: number): boolean {
    const prev = this.toks[i - 1];
    const next = this.toks[i + 1];
    if (prev && prev.type === 'word' && ONE_PRONOUN_BEFORE.has(prev.lower)) return false;
    if (!next || next.type !== 'word') return false;
    // "on one hand", "at one point", "one day": idioms, not counts ("she put one hand behind her head" is one)
    const idiom = ONE_PRONOUN_AFTER.has(next.lower) && (prev?.lower === 'on' || prev?.lower === 'at' || !/^(?:hand|side|point)$/.test(next.lower));
    if (idiom || next.lower === 'of' && !/^(?:the|its|their|his|her|our|my|your|these|those)$/.test(this.toks[i + 2]?.lower ?? '')) return false;
    if (NP_STOP.has(next.lower) && next.lower !== 'of') return false;
    return true;
  }

  // ---------------------------------------------------------------- things that are not figures

  /** Years, dates, times, ordinals, names and labels: returns the index to continue from, or 0 to go on. */
  private notAFigure(i: number, value: Value, start: number): number {
    const toks = this.toks;
    const t = toks[i]!;
    const next = toks[i + 1];
    const prev = toks[start - 1];
    const intLike = /^\d+$/.test(t.text);
    // Glued after the number: time "10:27", ordinal "96th", decade "1990s", version "3.0.1", date "9/11".
    if (next && next.glued) {
      if (next.text === ':' && toks[i + 2]?.type === 'num' && toks[i + 2]!.glued) return this.skipNumber(i + 2);
      if (next.type === 'word' && /^(?:st|nd|rd|th|s|am|pm)$/i.test(next.text)) return this.skipNumber(i);
      if (next.text === '.' && toks[i + 2]?.type === 'num' && toks[i + 2]!.glued) return this.skipNumber(i + 2);
      if (next.type === 'num' && next.text.startsWith('.')) return this.skipNumber(i + 1); // version "3.0.1"
      if ((next.text === '/' || next.text === '⁄') && toks[i + 2]?.type === 'num' && toks[i + 2]!.glued) return 0; // handled as a fraction or a date by rangeAfter
      if ((next.text === "'" || next.text === '’') && toks[i + 2]?.lower === 's') return this.skipNumber(i);
      if (next.type === 'word' && !UNITS[next.lower] && !CASED_UNITS[next.text] && !SCALE_ABBREVIATIONS[next.text] && !CURRENCY_SUFFIXES[next.lower] && next.lower !== 'pc' && !/^(?:mpg|mph|bhp|hp)$/i.test(next.text)) return this.skipNumber(i);
    }
    // "a.m." / "p.m." / "am" after a spaced time: "5 am", "2:55 p.m."
    if (next && next.type === 'word' && /^(?:am|pm)$/i.test(next.text) && t.value <= 12) return i + 2;
    // "11 a.m.", "9 p.m."
    if (next && /^[ap]$/i.test(next.text) && toks[i + 2]?.text === '.' && toks[i + 2]!.glued && toks[i + 3]?.lower === 'm' && toks[i + 3]!.glued && t.value <= 12) return i + 4;
    // Dates: a month name before ("July 6", "Oct. 31") or after ("29 October").
    let pk = start - 1;
    if (toks[pk]?.text === '.' && toks[pk]!.glued) pk--;
    if (intLike && t.value <= 31 && toks[pk]?.type === 'word' && MONTHS.has(toks[pk]!.lower) && (isCapitalized(toks[pk]) )) return i + 1;
    if (intLike && t.value <= 31 && next?.type === 'word' && MONTHS.has(next.lower) && isCapitalized(next)) return i + 1;
    if (intLike && t.value <= 31 && (toks[i + 1]?.lower === 'of' && MONTHS.has(toks[i + 2]?.lower ?? '') )) return i + 1;
    // Years: 1800-2100 with no comma, no unit after; 1000-1799 and 2-digit "'90s" only in year context.
    if (intLike && t.text.length === 4) {
      const v = t.value;
      const unitNext = this.unitAt(value.end, value);
      const yearCtx = prev?.type === 'word' && YEAR_CONTEXT.has(prev.lower) || prev?.type === 'word' && MONTHS.has(prev.lower) || prev?.text === ',' && MONTHS.has(toks[start - 3]?.lower ?? '') || next?.type === 'word' && /^(?:AD|BC|BCE|CE)$/.test(next.text);
      if (v >= 1800 && v <= 2100 && (!unitNext || unitNext.kind === 'count' && !(unitNext.unit === 'people'))) {
        // "1950-53", "2019-20", "2014-2017": a span of years
        if (next && DASHES.has(next.text) && next.glued && toks[i + 2]?.type === 'num') return this.skipNumber(i + 2);
        return i + 1;
      }
      if (v >= 1000 && v < 2200 && yearCtx && !unitNext) return i + 1;
    }
    if (intLike && prev && (prev.text === '’' || prev.text === "'") && prev.glued === false && t.text.length === 2) return i + 1;
    // Labels and names: "No. 1", "Game 7", "FTSE 100", "iPhone 11", "Boeing 737", "Lang 20 on loan".
    if (intLike && prev && !value.scaled) {
      const lp = prev.lower;
      const unitNext = this.unitAt(value.end, value);
      const measured = unitNext && unitNext.kind !== 'count';
      if (!measured && (LABEL_BEFORE.has(lp) || prev.text === '#' || prev.text === '.' && prev.glued && /^(?:no|nos|vol|art|fig|p|pp|ch|sec)$/i.test(toks[start - 2]?.text ?? ''))) return i + 1;
      // "911" is the emergency number or 9/11, never a count
      if (t.text === '911' && !measured) return i + 1;
      // (but "the Senate 68 to 32", "Obama 52-48": a tally after a name)
      const tally = (toks[i + 1]?.lower === 'to' || toks[i + 1]?.text === '-') && toks[i + 2]?.type === 'num';
      if (!measured && !tally && prev.type === 'word' && !t.text.includes(',') && isNameWord(prev, start - 1 === 0) && !(toks[i + 1]?.text === '%')) return i + 1;
      // "Senard, 65, now faces": an age in apposition to a name.
      if (prev.text === ',' && isCapitalized(toks[start - 2]) && next?.text === ',' && t.value < 120 && !toks[start - 2]!.lower.match(/^(?:in|on|by|of)$/)) return i + 1;
    }
    // A number followed by a capitalised singular name: "787 Dreamliner", "the 90049 ZIP Code", "575 Wilbraham Road".
    if (intLike && !value.scaled && this.nameAfter(i + 1, t.value)) return i + 1;
    return 0;
  }

  /**
   * A capitalised singular word after a number names something ("787 Dreamliner", "the 90049 ZIP Code",
   * "575 Wilbraham Road", "9 E 71st St", "16-18 Industrial Avenue"): the number is part of a name when
   * it is large (a model or street number) or the name goes on ("575 Wilbraham Road").
   */
  private nameAfter(j: number, value: number): boolean {
    const next = this.toks[j];
    if (!next || next.type !== 'word' || !isCapitalized(next) || next.glued) return false;
    if (isPluralWord(next.lower) || UNITS[next.lower] || CASED_UNITS[next.text] || CURRENCY_SUFFIXES[next.lower] || MONTHS.has(next.lower)) return false;
    const after = this.toks[j + 1];
    if (after && (isCapitalized(after) || after.type === 'num')) return true;
    return value >= 100 && !(after?.type === 'word' && isPluralWord(after.lower));
  }

  // ---------------------------------------------------------------- currency

  private currencyBefore(k: number, numberStart: number): { symbol: string; start: number } | 'name' | null {
    const toks = this.toks;
    const first = toks[numberStart]!;
    if (k < 0 || k !== numberStart - 1) return null;
    if (!first.glued) {
      // spaced: "USD 10m", "EUR 5", "Rs 500"
      const w = toks[k];
      if (!w) return null;
      if (w.type === 'word' && CURRENCY_PREFIXES[w.text] && w.text.length >= 2 && /^[A-Z]/.test(w.text) && !AMBIGUOUS_PREFIXES.has(w.text)) return { symbol: CURRENCY_PREFIXES[w.text]!, start: k };
      // "Rs. 2.5 lakh"
      const abbr = toks[k - 1];
      if (w.text === '.' && w.glued && abbr?.type === 'word' && CURRENCY_PREFIXES[`${abbr.text}.`]) return { symbol: CURRENCY_PREFIXES[`${abbr.text}.`]!, start: k - 1 };
      return null;
    }
    // Glued tokens before the number: "US$", "$US", "HK", "PS", "Y=", "RM", "USD", "XC" (a name).
    let j = k;
    let s = '';
    while (j >= 0 && j > k - 3) {
      const x = toks[j]!;
      if (!(x.type === 'word' || CURRENCY_SIGNS.has(x.text))) break;
      s = x.text + s;
      if (!x.glued) break;
      j--;
    }
    const from = Math.max(j, k - 2);
    const glued = toks.slice(from, k + 1);
    let text = glued.map((x) => x.text).join('');
    let startIdx = from;
    // Longest currency suffix of the glued text: "(PS21,700" → "PS".
    for (let a = 0; a < glued.length; a++) {
      const cand = glued.slice(a).map((x) => x.text).join('');
      if (CURRENCY_PREFIXES[cand]) { text = cand; startIdx = from + a; break; }
      if (a === glued.length - 1) text = '';
    }
    if (!text) {
      if (glued.some((x) => x.type === 'word')) return 'name';
      return null;
    }
    // "US $58.24", "HK $216,925": a country code before a spaced "$"
    const before = toks[startIdx - 1];
    if (text === '$' && before && before.type === 'word' && !toks[startIdx]!.glued && CURRENCY_PREFIXES[`${before.text} $`]) {
      return { symbol: CURRENCY_PREFIXES[`${before.text} $`]!, start: startIdx - 1 };
    }
    if (AMBIGUOUS_PREFIXES.has(text)) {
      const num = toks[numberStart]!.type === 'num' ? toks[numberStart]! : toks[numberStart + 1];
      const nxt = num ? toks[toks.indexOf(num) + 1] : undefined;
      const scaled = nxt?.glued && nxt.type === 'word' && SCALE_ABBREVIATIONS[nxt.text] !== undefined;
      if (!num || !(num.text.includes(',') || num.text.includes('.') || scaled)) return 'name';
    }
    // Letters glued before the currency code are a name ("XUSD5"): rare, but keep the rule strict.
    if (startIdx > from && glued.slice(0, startIdx - from).some((x) => x.type === 'word')) return 'name';
    return { symbol: CURRENCY_PREFIXES[text]!, start: startIdx };
  }

  private currencyAfter(j: number): { symbol: string; end: number } | null {
    const toks = this.toks;
    const t = toks[j];
    if (!t) return null;
    if (t.text === '€' || t.text === '£' || t.text === '¥') return { symbol: t.text, end: j + 1 };
    if (t.type !== 'word') return null;
    for (let k = Math.min(j + 2, toks.length - 1); k >= j; k--) {
      if (toks.slice(j, k + 1).some((x) => x.type !== 'word' && x.text !== '.')) continue;
      const phrase = this.text.slice(t.start, toks[k]!.end).toLowerCase().replace(/\s+/g, ' ');
      const sym = CURRENCY_SUFFIXES[phrase];
      if (sym) {
        // "won" and "rand" right after digits are usually the verb / a name ("the 3-1 won"): money only
        // after a scale word ("5 billion won")
        if ((phrase === 'won' || phrase === 'rand') && toks[j - 1]?.type === 'num') return null;
        return { symbol: sym, end: k + 1 };
      }
    }
    if (t.text === 'USD' || t.text === 'EUR' || t.text === 'JPY' || t.text === 'GBP') return { symbol: CURRENCY_PREFIXES[t.text]!, end: j + 1 };
    return null;
  }

  // ---------------------------------------------------------------- units

  /** A unit of measurement or percent at token `j` ("%", "per cent", "square kilometers", "-inch", "km/h"). */
  private unitAt(j: number, value: Value): UnitMatch | null {
    const toks = this.toks;
    let k0 = j;
    // "6.1-inch", "a five-year", "121ft-long": a hyphen may glue the unit to the number.
    if (toks[k0]?.text === '-' && toks[k0]!.glued && toks[k0 + 1]?.glued && toks[k0 + 1]!.type === 'word') k0++;
    const t = toks[k0];
    if (!t) return null;
    if (t.text === '%' || t.text === '٪') return { unit: '%', end: k0 + 1, kind: 'percent' };
    if (t.text === '″' || t.text === '°') {
      if (t.text === '°' && toks[k0 + 1]?.glued && /^[CF]$/.test(toks[k0 + 1]!.text)) return { unit: `°${toks[k0 + 1]!.text}`, end: k0 + 2, kind: 'measure' };
      return { unit: UNITS[t.text]!, end: k0 + 1, kind: 'measure' };
    }
    if (t.type !== 'word') return null;
    // Longest phrase first, up to four tokens ("degrees celsius", "square kilometers", "km/h", "miles per hour").
    const cased = CASED_UNITS[t.text];
    const casedOk = cased && (!cased.glued || t.glued) && !(toks[k0 + 1]?.glued && toks[k0 + 1]!.type === 'word');
    for (let k = Math.min(k0 + 4, toks.length - 1); k >= k0; k--) {
      // a cased symbol wins over the same letters in lower case ("450 Nm" is torque, not nanometres)
      if (k === k0 && casedOk) break;
      const last = toks[k]!;
      if (last.type === 'sym' && last.text !== '%' && last.text !== '²') continue;
      const after = toks[k + 1];
      if (after && after.glued && after.type === 'word') continue;
      const phrase = this.text.slice(t.start, last.end).toLowerCase().replace(/\s+/g, ' ');
      const u = UNITS[phrase];
      if (u && !(k === k0 && t.text.length <= 2 && t.text !== t.lower && !CASED_UNITS[t.text] && !/^(?:km|kg|mm|cm|mg|ml|hp|mb|gb|tb|kb|nm|ms|ft|oz|lb|mi|ha|mw|gw|kw|db|hz|kv|bp)$/i.test(t.text))) {
        if (k === k0 && !t.glued && /^(?:times|fold|point|points|second|seconds|season|seasons)$/.test(phrase) && !value.digits && !value.written) return null;
        if (u === 'times' && !this.isRatioTimes(k + 1)) return { unit: 'times', end: k + 1, kind: 'count' };
        const kind: FigureKind = u === '%' || u === 'percentage points' ? 'percent' : u === 'times' ? 'ratio' : 'measure';
        return { unit: u, end: k + 1, kind };
      }
    }
    if (cased && casedOk) {
      // "12 C melting point" yes, "Group C" no (needs a number before, which it has here)
      return { unit: cased.unit, end: k0 + 1, kind: cased.unit === '%' ? 'percent' : 'measure' };
    }
    if (t.lower === 'pc' && t.glued) return { unit: '%', end: k0 + 1, kind: 'percent' };
    return null;
  }

  /** "N times" is a ratio before "higher", "as", "the", "earnings" ...; otherwise a count of occasions. */
  private isRatioTimes(j: number): boolean {
    const n = this.toks[j];
    return !!n && RATIO_AFTER_TIMES.has(n.lower);
  }

  /** "per barrel", "a month", "an ounce", "/kg": the second part of a rate. */
  private rateAfter(j: number): { per: string; end: number } | null {
    const toks = this.toks;
    const t = toks[j];
    if (!t) return null;
    const w = t.lower;
    if (!PER_WORDS.has(w) || t.text === '/' && !t.glued) return null;
    let k = j + 1;
    // "$6.78 billion a year earlier", "a year ago": a time, not a rate
    if (w !== 'per' && /^(?:earlier|ago|before|later|after|prior|since|on|from|in|into)$/.test(toks[k + 1]?.lower ?? '')) return null;
    // "per square foot", "per sq m": a unit phrase
    const probe: Value = val(1, k, { written: true });
    const u = this.unitAt(k, probe);
    if (u && u.unit !== '%' && u.unit !== 'times') return { per: singular(u.unit), end: u.end };
    const n = toks[k];
    if (!n || n.type !== 'word') return null;
    if ((w === 'a' || w === 'an' || w === 'each') && !RATE_AFTER_A.has(singular(n.lower))) return null;
    if (NP_STOP.has(n.lower) && n.lower !== 'share') return null;
    k++;
    return { per: singular(n.lower), end: k };
  }

  // ---------------------------------------------------------------- ranges

  private rangeAfter(i: number, start: number, end: number, value: Value, currency: string | null, unit: UnitMatch | null):
    { low: number; high: number; lowScale: number; end: number; currency: string | null; unit: UnitMatch | null } | 'score' | null {
    const toks = this.toks;
    let c = toks[end];
    if (!c) return null;
    if (value.fraction || value.vague || value.ratio) return null;
    // "a 40- to 60-hour course": a suspended hyphen before the connector
    if (c.text === '-' && c.glued && /^(?:to|or|and)$/.test(toks[end + 1]?.lower ?? '') && !unit) { end++; c = toks[end]!; }
    const before = toks[start - 1]?.lower ?? '';
    // the word before a qualifier too: "between about 3 and 5"
    const q = this.qualifierBefore(start);
    const prevWord = q ? toks[q.start - 1]?.lower ?? '' : before;
    const isDash = DASHES.has(c.text);
    const isTo = c.lower === 'to' || c.lower === 'through' || c.lower === 'thru';
    const isAnd = c.lower === 'and' && (before === 'between' || prevWord === 'between');
    const isOr = c.lower === 'or' && !unit;
    if (!isDash && !isTo && !isAnd && !isOr) return null;
    // "increased by $43.6 billion to $419.2 billion", "rose 9.4 per cent to $84": a change, then a level
    // (only when the first value is complete: "dropped by 1 to 1.5 degrees" is a range)
    if (isTo && (currency || unit) && (before === 'by' || CHANGE_UP.has(before) || CHANGE_DOWN.has(before))) return null;
    let j = end + 1;
    let cur2: string | null = null;
    // second currency: "$3 billion to $5 billion", "US $89 to $93 billion"
    const sign = toks[j];
    if (sign && (CURRENCY_SIGNS.has(sign.text) || sign.type === 'word' && CURRENCY_PREFIXES[sign.text] && toks[j + 1]?.type === 'num' && toks[j + 1]!.glued)) {
      let k = j;
      while (toks[k + 1] && toks[k + 1]!.type !== 'num' && toks[k + 1]!.glued && k < j + 2) k++;
      const txt = toks.slice(j, k + 1).map((x) => x.text).join('');
      if (CURRENCY_PREFIXES[txt]) { cur2 = CURRENCY_PREFIXES[txt]!; j = k + 1; }
    }
    const n = toks[j];
    if (!n) return null;
    if (n.type !== 'num' && !(n.type === 'word' && (SMALL_NUMBERS[n.lower] !== undefined || TENS[n.lower] !== undefined))) return null;
    if (isDash && n.type === 'num' && !(c.glued && n.glued) && !(toks[end - 1]!.type === 'num' || unit)) {
      // spaced dash "25 – 40min" is still a range; a spaced hyphen between clauses is not
      if (c.text === '-') return null;
    }
    if (cur2 && currency && cur2 !== currency && !(currency === '$' || cur2 === '$')) return null;
    if (cur2 && !currency) return null;
    const v2 = this.readValue(j, currency !== null || cur2 !== null);
    if (!v2 || v2.fraction || v2.vague || v2.ratio) return null;
    let endR = v2.end;
    let unit2 = currency ? null : this.unitAt(endR, v2);
    if (unit && unit2 && unit.unit !== unit2.unit) return null;
    // "from 24.2 to 33-35 billion": give up on nested ranges
    if (toks[endR] && DASHES.has(toks[endR]!.text) && toks[endR + 1]?.type === 'num') return null;
    if (isOr && !(unit2 || v2.written) ) return null;
    if (unit2) endR = unit2.end;
    if (isDash && value.digits && v2.digits && !value.scaled && !v2.scaled && !unit && !unit2 && !currency) {
      const a = value.low;
      const b = v2.low;
      // "2-0", "89-89", "4-3": scores. "1950-53", "2019-20": years.
      if (Number.isInteger(a) && Number.isInteger(b) && a >= b && a <= 200 && !/,/.test(toks[i]!.text)) return 'score';
      if (a >= 1000 && a <= 2100 && !/,/.test(toks[i]!.text) && (b < 100 || b >= 1000 && b <= 2100)) return 'score';
    }
    if (isTo && value.digits && !v2.digits && v2.written && !v2.scaled) return null; // "7 to one": odds
    // "voted 228 to 191", "396-9": a tally; ranges run upwards unless "from" says otherwise ("from 4.8 to 4.7")
    if ((isTo || isDash) && value.low > v2.low && before !== 'from' && prevWord !== 'from' && !v2.scaled) {
      return isDash && !unit && !unit2 && !currency ? 'score' : null;
    }
    // A scale on the second value applies to the first when the first has none and is smaller
    // ("1 to 2 thousand", "US $89 to $93 billion"), not when it is larger ("$370,000 to $5.5 million").
    const scale2 = v2.scaled ? scaleOf(toks, j, v2.end) : 1;
    const lowScale = v2.scaled && !value.scaled && value.low <= v2.low / scale2 ? scale2 : 0;
    return { low: v2.low, high: v2.high, lowScale, end: endR, currency: cur2, unit: unit2 ?? unit };
  }

  // ---------------------------------------------------------------- qualifiers and change

  private qualifierBefore(start: number): { bound: Bound; start: number } | null {
    const toks = this.toks;
    for (const [words, bound] of QUALIFIER_LIST) {
      const s = start - words.length;
      if (s < 0) continue;
      let ok = true;
      for (let k = 0; k < words.length; k++) {
        const t = toks[s + k]!;
        const w = words[k]!;
        if (t.lower !== w && !(w.endsWith('.') && t.lower === w.slice(0, -1) && toks[s + k + 1]?.text === '.')) { ok = false; break; }
      }
      if (!ok) continue;
      // "sub" is only a qualifier glued with a hyphen (handled by the sign logic); "some" only before digits or words.
      if (words[0] === 'sub') continue;
      if (words.length === 1 && (words[0] === 'over' || words[0] === 'under' || words[0] === 'above' || words[0] === 'below') && toks[s - 1]?.lower === 'from') continue;
      if (words[0] === 'over' && OVER_AS_PREPOSITION.has(toks[s - 1]?.lower ?? '')) continue;
      // "$1.2 trillion over 10 years": "over" before a duration is "during", unless "for over 10 years"
      if (words[0] === 'over' && toks[s - 1]?.lower !== 'for' && this.durationAt(start)) continue;
      return { bound, start: s };
    }
    return null;
  }

  /** A duration starts at `i` ("10 years", "three months"). */
  private durationAt(i: number): boolean {
    const v = this.readValue(i, false);
    const u = v && this.unitAt(v.end, v);
    return !!u && /^(?:seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries|quarters|seasons)$/.test(u.unit);
  }

  private qualifierAfter(end: number): { bound: Bound; end: number } | null {
    const toks = this.toks;
    const t = toks[end];
    if (!t) return null;
    if (t.text === '+' && t.glued) return { bound: '>=', end: end + 1 };
    if (t.text === '-' && t.glued && toks[end + 1]?.lower === 'plus') return { bound: '>=', end: end + 2 };
    for (const [phrase, bound] of POST_QUALIFIER_LIST) {
      const words = phrase.replace(/^-/, '').split(' ');
      if (words.every((w, k) => toks[end + k]?.lower === w) && !phrase.startsWith('-') && phrase !== '+') {
        if (phrase === 'plus' && toks[end + 1]?.type !== 'sym' && toks[end + 1] !== undefined) continue;
        return { bound, end: end + words.length };
      }
    }
    return null;
  }

  private changeOf(start: number, end: number, plus: boolean): 'up' | 'down' | undefined {
    if (plus) return 'up';
    const toks = this.toks;
    let k = start - 1;
    if (toks[k]?.lower === 'by') k--;
    const w = toks[k]?.lower ?? '';
    if (CHANGE_UP.has(w)) return 'up';
    if (CHANGE_DOWN.has(w)) return 'down';
    const after = toks[end]?.lower ?? '';
    if (CHANGE_NOUN_UP.has(after)) return 'up';
    if (CHANGE_NOUN_DOWN.has(after)) return 'down';
    return undefined;
  }

  // ---------------------------------------------------------------- counted nouns

  /**
   * The counted noun after a number: words up to the first plural noun, stopping at function words and
   * verbs; leading adjectives dropped ("3,000 additional troops" → troops, "1.6 million artillery shells"
   * → artillery shells). After "dozens of", "half of", "one of the": the noun phrase after "of".
   */
  private nounAfter(j: number, value: Value): { unit: string; end: number; kind: FigureKind } | null {
    const toks = this.toks;
    let k = j;
    const ofPhrase = toks[k]?.lower === 'of' && (value.vague || value.fraction || value.low === 1 && value.written);
    if (ofPhrase) {
      k++;
      while (toks[k]?.type === 'word' && /^(?:the|a|an|its|their|his|her|our|my|your|these|those|all|this|that|most|more|least|very)$/.test(toks[k]!.lower)) k++;
      // "tens of millions of dollars"
      const cur = this.currencyAfter(k);
      if (cur) return { unit: cur.symbol, end: cur.end, kind: 'money' };
      const u = this.unitAt(k, value);
      if (u) return { unit: u.unit, end: u.end, kind: u.kind === 'percent' ? 'percent' : 'measure' };
    } else if (toks[k]?.lower === 'of') return null;
    // "a 500-seat auditorium", "a six-cylinder engine": the noun glued by a hyphen is the unit
    if (toks[k]?.text === '-' && toks[k]!.glued && toks[k + 1]?.type === 'word' && toks[k + 1]!.glued && !NP_STOP.has(toks[k + 1]!.lower)) {
      return { unit: toks[k + 1]!.text, end: k + 2, kind: value.fraction ? 'fraction' : 'count' };
    }
    const words: Array<{ tok: Token; text: string; end: number; pos: string | null }> = [];
    const usePos = this.opts.pos !== false;
    while (k < toks.length && words.length < 5) {
      const t = toks[k]!;
      if (t.type !== 'word') break;
      if (words.length === 0 && t.glued && !ofPhrase) break;
      // function words end the phrase, except an acronym that spells one ("US pint") and "and" between
      // names ("Kia and Hyundai vehicles")
      if (NP_STOP.has(t.lower) && !(t.text.length > 1 && t.text === t.text.toUpperCase())) {
        const joins = t.lower === 'and' && words.length > 0 && isCapitalized(words.at(-1)!.tok) && isCapitalized(toks[k + 1]);
        if (!joins) break;
        k++;
        continue;
      }
      if (MONTHS.has(t.lower) && isCapitalized(t) && t.lower !== 'may') break;
      // hyphenated compounds: "first-team players", "anti-tank mines"
      let e = k;
      while (toks[e + 1]?.text === '-' && toks[e + 1]!.glued && toks[e + 2]?.glued && toks[e + 2]!.type === 'word') e += 2;
      const text = this.text.slice(t.start, toks[e]!.end);
      const lower = text.toLowerCase();
      // "one of the nation's largest banks": a possessor is not the counted noun; the phrase restarts
      if ((toks[e + 1]?.text === "'" || toks[e + 1]?.text === '’') && toks[e + 1]!.glued && toks[e + 2]?.lower === 's' && toks[e + 2]!.glued || /['’]s$/.test(lower)) {
        words.length = 0;
        k = e + 1;
        while (k < toks.length && toks[k]!.glued && toks[k]!.type !== 'word' || toks[k]?.lower === 's' && toks[k]!.glued) k++;
        continue;
      }
      // "a three term Texas governor": a name after a lowercase word starts another phrase
      if (words.length > 0 && isCapitalized(t) && !isCapitalized(words.at(-1)!.tok) && !isAdjective(words.at(-1)!)) break;
      const plural = isPluralWord(toks[e]!.lower) && !(isCapitalized(t) && /as$/.test(lower));
      // A plural right after a number is its noun whatever a tagger says ("82 settlements", "65 snaps"):
      // no need to tag it.
      const fast = words.length === 0 && !ofPhrase && plural && value.low !== 1;
      const tag = usePos && !fast ? this.posOf(toks[e]!) : fast ? 'NOUN' : null;
      const nextTok = toks[e + 1];
      // "raising the prospect": a verb before a determiner, whatever the tagger says
      if (/ing$/.test(lower) && nextTok?.type === 'word' && /^(?:the|a|an|its|their|his|her|our|this|that|these|those|them|it|him|us)$/.test(nextTok.lower)) break;
      let effective = tag;
      if (tag && /^(?:VERB|AUX|ADV|ADP|CCONJ|SCONJ|PRON|DET|PART|NUM|SYM|PUNCT|INTJ)$/.test(tag)) {
        const prevAdj = words.length > 0 && (words.at(-1)!.pos === 'ADJ');
        if (tag === 'VERB' && plural && !/ed$/.test(lower) && (prevAdj || words.length === 0 && !ofPhrase || value.low > 1 && !value.fraction)) {
          // "65 snaps of", "the most spectacular catches", "four terror suspects": after a number, an
          // adjective, or in a phrase counting more than one (a verb in -s could not agree with it), an
          // -s word is a plural noun
          effective = 'NOUN';
        } else if (tag === 'VERB' && /ed$/.test(lower) && nextTok?.type === 'word' && isPluralWord(nextTok.lower) && !NP_STOP.has(nextTok.lower)) {
          // "300 recorded songs": a participle used as an adjective
          effective = 'ADJ';
        } else break;
      }
      if (!tag && words.length > 0 && /(?:ed|ing)$/.test(lower) && !IRREGULAR_PLURALS.has(lower)) break;
      words.push({ tok: t, text, end: e + 1, pos: effective });
      k = e + 1;
      // the first plural ends the phrase, except a name before a noun ("31 Abrams tanks")
      if (value.low !== 1 && plural && !(isCapitalized(t) && toks[k]?.type === 'word' && !toks[k]!.glued && isPluralWord(toks[k]!.lower) && !isCapitalized(toks[k]) && !NP_STOP.has(toks[k]!.lower))) break;
      if (value.low === 1 && !value.fraction && !value.vague && tag === 'NOUN' && !(toks[k] && toks[k]!.type === 'word' && this.posOf(toks[k]!) === 'NOUN' && usePos)) break;
    }
    // The head must be a noun: drop trailing adjectives, then leading ones ("additional troops" → troops).
    while (words.length && isAdjective(words.at(-1)!)) words.pop();
    if (!words.length) return null;
    const head = words.at(-1)!;
    // A capitalised singular head after a plural count is a name ("two new 737 Max jets" stops at 737).
    if (value.low > 1 && !value.fraction && isCapitalized(head.tok) && !isPluralWord(head.tok.lower) && head.pos !== 'NOUN') return null;
    let first = 0;
    while (first < words.length - 1 && isAdjective(words[first]!)) first++;
    const unitWords = words.slice(first);
    const unit = this.text.slice(unitWords[0]!.tok.start, this.toks[head.end - 1]!.end);
    const headLower = head.text.toLowerCase();
    const asUnit = UNITS[headLower];
    if (asUnit && unitWords.length === 1) return { unit: asUnit, end: head.end, kind: asUnit === '%' ? 'percent' : 'measure' };
    return { unit, end: head.end, kind: value.fraction ? 'fraction' : 'count' };
  }

  /** Part of speech of a word token, from wink-nlp (computed once per sentence, on demand). */
  /**
   * Part of speech of a word token, from wink-nlp. Tagged on demand over a window of the sentence
   * (two tokens before to eight after): tagging the window costs about a sixth of the whole sentence,
   * and the counted noun never reaches further.
   */
  private posOf(t: Token): string | null {
    this.pos ??= new Map();
    const known = this.pos.get(t.start);
    if (known !== undefined) return known;
    const idx = this.toks.indexOf(t);
    const from = this.toks[Math.max(0, idx - 2)]!.start;
    const to = this.toks[Math.min(this.toks.length - 1, idx + 8)]!.end;
    const window = this.text.slice(from, to);
    const nlp = wink();
    const doc = nlp.readDoc(window);
    const words = doc.tokens().out() as string[];
    const tags = doc.tokens().out(nlp.its.pos) as string[];
    let at = 0;
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      const s = window.indexOf(w, at);
      if (s < 0) continue;
      // a tag from an earlier window (with more left context) is kept
      if (!this.pos.has(from + s)) this.pos.set(from + s, tags[k]!);
      at = s + w.length;
    }
    if (!this.pos.has(t.start)) this.pos.set(t.start, '');
    return this.pos.get(t.start) || null;
  }

  // ---------------------------------------------------------------- word ratios

  private wordRatio(i: number, value: Value, out: Figure[]): number {
    let start = i;
    let bound: Bound = '=';
    const q = this.qualifierBefore(i);
    if (q) { bound = q.bound; start = q.start; }
    const s = this.toks[start]!.start;
    const e = this.toks[value.end - 1]!.end;
    out.push(this.build(s, e, value.low, value.high, 'times', bound, 'ratio', value.low, value.low >= 1 ? 'up' : 'down'));
    return value.end;
  }
}

// ---------------------------------------------------------------- helpers

function val(low: number, end: number, flags: Partial<Value> = {}, high = low): Value {
  return { low, high, end, digits: false, written: false, vague: false, fraction: false, scaled: false, ...flags };
}

function round(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(12));
}

function isPluralWord(w: string): boolean {
  if (IRREGULAR_PLURALS.has(w)) return true;
  return w.length > 2 && w.endsWith('s') && !NOT_PLURAL.test(w);
}

function isAdjective(w: { text: string; pos: string | null; tok: Token }): boolean {
  const lower = w.text.toLowerCase();
  if (w.pos === 'ADJ') return !isPluralWord(lower) || lower.endsWith('ss');
  if (w.pos === 'NOUN' || w.pos === 'PROPN') return NP_ADJECTIVES.has(lower) && w.pos !== 'PROPN';
  if (NP_ADJECTIVES.has(lower)) return true;
  if (isPluralWord(lower) || isCapitalized(w.tok)) return false;
  return ADJECTIVE_SUFFIXES.test(lower) || /(?:ed)$/.test(lower);
}

/** The scale applied to the value between tokens `from` and `to` (1 when none). */
function scaleOf(toks: Token[], from: number, to: number): number {
  let s = 1;
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if (t.type !== 'word') continue;
    const v = SCALES[t.lower] ?? (SCALE_ABBREVIATIONS[t.text] ?? SCALE_ABBREVIATIONS[t.lower])?.value;
    if (v) s *= v;
  }
  return s;
}

/** A capitalised word that names a thing numbered after it ("FTSE 100", "iPhone 11"), not a sentence's first word. */
function isNameWord(t: Token, sentenceStart: boolean): boolean {
  if (!/\p{Lu}/u.test(t.text)) return false;
  if (sentenceStart && /^\p{Lu}\p{Ll}+$/u.test(t.text)) {
    // "Seven", "About", "Over": sentence-initial ordinary words are not names
    return false;
  }
  const l = t.lower;
  if (MONTHS.has(l) || YEAR_CONTEXT.has(l) || NP_STOP.has(l) || CHANGE_UP.has(l) || CHANGE_DOWN.has(l)) return false;
  if (QUALIFIERS.some(([p]) => p === l)) return false;
  if (CURRENCY_PREFIXES[t.text] || CURRENCY_SUFFIXES[l]) return false;
  return true;
}
