/**
 * Sentence boundaries, by rule: one splitter for every stage that reads sentences (figures,
 * quotations, the time expressions' tense context, the timeline, the briefing).
 *
 * A full stop, question or exclamation mark or ellipsis ends a sentence when whitespace and then
 * an upper-case letter, a digit, an opening quotation mark or bracket follow — unless it ends an
 * abbreviation or an initial, or sits inside a quotation that goes on after it. A line break always
 * ends one. Written here rather than taken from wink-nlp's sentence pipe, which this replaced:
 * wink cut news sentences at tickers ("Chevron Corp (CVX." | "N), down"), state abbreviations in
 * brackets ("Harry Reid (D-Nev.)" | "received a letter"), times ("9.20pm"), ".45-caliber" and
 * "post-Sept. 11", and its tokenizer cost about 0.7 ms an article, where this costs 0.04 ms
 * (docs/benchmarks.md, 2026-12-07: 2,382 sentences with a number compared).
 */

/** Abbreviations whose period does not end a sentence (lower case, without their final period). */
export const ABBREVIATIONS = new Set(
  ('mr mrs ms messrs dr prof sen sens rep reps gov gen lt col capt sgt adm maj cmdr rev fr st mt ft hon pres jr sr ' +
    'inc co corp ltd llc univ no nos vs etc jan feb mar apr jun jul aug sep sept oct nov dec ariz calif colo conn fla ' +
    'ga ill ind kan ky la mass md mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo dept est approx ' +
    'fig al e.g i.e a.m p.m u.s u.k u.n e.u d.c').split(' '),
);

/** What the splitter needs to know of a quotation (quotes/marks.ts finds them). */
export interface QuoteBounds {
  /** Offset of the opening mark. */
  open: number;
  /** End of the quoted words. */
  end: number;
  /** Offset just after the closing mark (= `end` when unclosed). */
  close: number;
  closed: boolean;
}

export interface Span {
  text: string;
  start: number;
  end: number;
}

const CLOSERS = new Set(['”', '"', '’', "'", ')', ']', '»']);
const STARTERS = /[\p{Lu}\p{N}“"‘'(\[«]/u;
const SPACE = /\s/;

/**
 * The sentences of one paragraph, `text[start, end)`, as `[start, end)` pairs handed to `emit` in
 * order: a sentence runs from its first character through its closing marks; the whitespace between
 * sentences belongs to neither. `quotes` (in text order, from `firstQuote` on) keeps a quotation of
 * several sentences whole: only a mark at its very end can end the sentence around it.
 */
export function paragraphSentences(
  text: string,
  start: number,
  end: number,
  emit: (start: number, end: number) => void,
  quotes: readonly QuoteBounds[] = [],
  firstQuote = 0,
): void {
  let from = start;
  let qi = firstQuote;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    while (qi < quotes.length && quotes[qi]!.close <= i) qi++;
    let j = i + 1;
    while (j < end && CLOSERS.has(text[j]!)) j++;
    const q = quotes[qi];
    if (q && q.open < i && i < q.end && (q.end > j || !q.closed || j < q.close)) continue;
    if (j >= end || !SPACE.test(text[j]!)) continue;
    let k = j;
    while (k < end && SPACE.test(text[k]!)) k++;
    if (k >= end || !STARTERS.test(text[k]!)) continue;
    if (c === '.') {
      // The whole word before the stop, digits and apostrophes included: "1990s." and "Ryan’s."
      // end sentences; read as the letters alone, they were taken for an initial ("s.").
      let w = i;
      while (w > start && /[\p{L}\p{N}.'’]/u.test(text[w - 1]!)) w--;
      const word = text.slice(w, i).toLowerCase();
      // An initial ("J. Smith") only when a capitalised word follows, not a quotation mark.
      if (ABBREVIATIONS.has(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
      if (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(text[k]!)) continue;
    }
    emit(from, j);
    from = k;
  }
  if (from < end) emit(from, end);
}

/** The non-blank lines of a text, trimmed of surrounding whitespace: news puts one paragraph on a line. */
export function lineBounds(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    let s = from;
    let e = nl < 0 ? text.length : nl;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    if (nl < 0) return out;
    from = nl + 1;
  }
}

/** Sentences with their character offsets in `text`, paragraph by paragraph (a line break always ends a sentence). */
export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const { start, end } of lineBounds(text)) {
    paragraphSentences(text, start, end, (a, b) => {
      while (b > a && SPACE.test(text[b - 1]!)) b--;
      if (b > a) out.push({ text: text.slice(a, b), start: a, end: b });
    });
  }
  return out;
}
