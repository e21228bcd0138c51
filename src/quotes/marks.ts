/**
 * Quotation spans: where the text puts words between quotation marks.
 *
 * Handles curly (“ ” ‘ ’) and straight (" ') marks, quotes inside quotes (only the outermost span is
 * returned: the inner one is the speaker quoting someone else), single-quote quotations as used in
 * headlines and British copy ('big mistake'), apostrophes that look like closing marks (Korea’s,
 * don't, players’ union), and the English convention for a quotation running over paragraphs: the
 * paragraph ends without a closing mark and the next one opens with a quotation mark. A quotation
 * left open at a paragraph end with no such continuation ends at the paragraph end.
 *
 * Linear in the text length: one pass for double marks, one for single marks.
 */

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** The quoted words: after the opening mark, up to the closing mark (or the paragraph end). */
  start: number;
  end: number;
  /** Offset just after the closing mark (= `end` when unclosed). */
  close: number;
  single: boolean;
  /** Runs over more than one paragraph. */
  multi: boolean;
  closed: boolean;
}

const OPEN_DOUBLE = new Set(['“', '„', '‟', '«']);
const CLOSE_DOUBLE = new Set(['”', '»']);
const STRAIGHT_DOUBLE = new Set(['"', '″']);
const LETTER = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
/** Characters after which a mark opens a quotation. */
const OPENER_BEFORE = /[\s([{\u2014\u2013\-/:;,“"‘'«]/;

function isLetter(c: string | undefined): boolean {
  return c !== undefined && LETTER.test(c);
}

function opensAt(text: string, i: number, lineStart: number, width = 1): boolean {
  const prev = i > lineStart ? text[i - 1]! : ' ';
  const next = text[i + width];
  return OPENER_BEFORE.test(prev) && next !== undefined && !SPACE.test(next);
}

function closesAt(text: string, i: number, lineStart: number, width = 1): boolean {
  const prev = i > lineStart ? text[i - 1]! : ' ';
  const next = text[i + width];
  return !SPACE.test(prev) && (next === undefined || !isLetter(next));
}

/** Two apostrophes stand for a straight double mark in some wire copy (''Like this,'' he said). */
function isDoubleApostrophe(text: string, i: number): boolean {
  return text[i] === "'" && text[i + 1] === "'";
}

interface Line {
  start: number;
  end: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    if (text.slice(from, end).trim()) out.push({ start: from, end });
    if (nl < 0) break;
    from = nl + 1;
  }
  return out;
}

function trimEnd(text: string, end: number, min: number): number {
  while (end > min && SPACE.test(text[end - 1]!)) end--;
  return end;
}

/** Double-mark quotations (“...” and "..."), outermost only. */
function doubleSpans(text: string, paras: Line[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let cur: { open: number; straight: boolean; multi: boolean; width: number } | null = null;
  let depth = 0;
  let innerStraight = false;
  const finish = (end: number, close: number, closed: boolean) => {
    if (!cur) return;
    const span: QuoteSpan = { open: cur.open, start: cur.open + cur.width, end, close, single: false, multi: cur.multi, closed };
    if (LETTER.test(text.slice(span.start, span.end))) out.push(span);
    cur = null;
    depth = 0;
    innerStraight = false;
  };
  for (let p = 0; p < paras.length; p++) {
    const { start: ps, end: pe } = paras[p]!;
    let i = ps;
    while (i < pe && SPACE.test(text[i]!)) i++;
    if (cur) {
      // A quotation left open at the end of the previous paragraph continues only when this one
      // opens with a quotation mark; otherwise it ended with the previous paragraph.
      const c = text[i]!;
      if (OPEN_DOUBLE.has(c) || STRAIGHT_DOUBLE.has(c) || isDoubleApostrophe(text, i)) {
        (cur as { multi: boolean }).multi = true;
        i += isDoubleApostrophe(text, i) ? 2 : 1;
      } else {
        const prevEnd = trimEnd(text, paras[p - 1]!.end, paras[p - 1]!.start);
        finish(prevEnd, prevEnd, false);
      }
    }
    for (; i < pe; i++) {
      const c = text[i]!;
      if (isDoubleApostrophe(text, i)) {
        // ",'''": a single mark closing an inner quotation, then the double one (''... 'We won,''').
        if (cur && (cur as { straight: boolean }).straight && text[i + 2] === "'") continue;
        if (!cur) {
          if (opensAt(text, i, ps, 2)) cur = { open: i, straight: true, multi: false, width: 2 };
        } else if ((cur as { straight: boolean }).straight && (closesAt(text, i, ps, 2) || text[i - 1] === ' ' && text[i - 2] === "'" && closesAt(text, i - 1, ps, 1))) {
          // ",' ''": some wire copy spaces the inner closing single mark from the outer double one.
          finish(i, i + 2, true);
        }
        i++;
      } else if (OPEN_DOUBLE.has(c)) {
        if (!cur) cur = { open: i, straight: false, multi: false, width: 1 };
        else if (depth === 0 && closesAt(text, i, ps) && !opensAt(text, i, ps)) finish(i, i + 1, true); // “...,“ typo for ”
        else if (!(cur as { straight: boolean }).straight || opensAt(text, i, ps)) depth++;
      } else if (CLOSE_DOUBLE.has(c)) {
        if (cur && depth > 0) depth--;
        else if (cur) finish(i, i + 1, true);
        else if (opensAt(text, i, ps) && !closesAt(text, i, ps)) cur = { open: i, straight: false, multi: false, width: 1 };
      } else if (STRAIGHT_DOUBLE.has(c)) {
        if (!cur) {
          // Inches (5'10") and stray marks glued to a word: no opening.
          if (opensAt(text, i, ps)) cur = { open: i, straight: true, multi: false, width: 1 };
        } else if ((cur as { straight: boolean }).straight) {
          if (depth > 0 && closesAt(text, i, ps)) depth--;
          else finish(i, i + 1, true);
        } else if (!innerStraight && closesAt(text, i, ps) && !opensAt(text, i, ps)) {
          // “...," — a curly opening closed by a straight mark (mixed styles in one quote).
          finish(i, i + 1, true);
        } else {
          // A straight pair inside a curly quotation: an inner quotation.
          innerStraight = !innerStraight;
        }
      }
    }
    if (cur && p === paras.length - 1) {
      const end = trimEnd(text, pe, ps);
      finish(end, end, false);
    }
  }
  return out;
}

const OPEN_SINGLE = new Set(['‘', "'", '‹', '‚']);
const CLOSE_SINGLE = new Set(['’', "'", '›']);
/** Elisions written with a leading apostrophe ('em, '90s, 'til), never a quotation. */
const ELISION = /^['‘](?:em|til|till|cause|n|tis|twas|bout|round|kay|\d\ds?)\b/i;

/** Single-mark quotations ('...' and ‘...’) within one paragraph. */
function singleSpans(text: string, paras: Line[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const { start: ps, end: pe } of paras) {
    const closers: number[] = [];
    const pair = (i: number) => isDoubleApostrophe(text, i) || isDoubleApostrophe(text, i - 1);
    for (let i = ps; i < pe; i++) if (CLOSE_SINGLE.has(text[i]!) && !pair(i) && closesAt(text, i, ps)) closers.push(i);
    if (closers.length === 0) continue;
    let k = 0;
    for (let i = ps; i < pe; i++) {
      const c = text[i]!;
      if (!OPEN_SINGLE.has(c) || pair(i) || !opensAt(text, i, ps) || !isLetter(text[i + 1]) && text[i + 1] !== '…') continue;
      if (ELISION.test(text.slice(i, i + 6))) continue;
      while (k < closers.length && closers[k]! <= i + 1) k++;
      // The first closing mark after the opening one, skipping plural possessives (voters’ anger)
      // when a later candidate exists.
      let pick = -1;
      for (let j = k; j < closers.length; j++) {
        const at = closers[j]!;
        const possessive = /s/i.test(text[at - 1]!) && text[at + 1] === ' ' && /[a-z]/.test(text[at + 2] ?? '');
        if (!possessive || j === closers.length - 1) {
          pick = at;
          k = j + 1;
          break;
        }
      }
      if (pick < 0) break;
      if (LETTER.test(text.slice(i + 1, pick))) out.push({ open: i, start: i + 1, end: pick, close: pick + 1, single: true, multi: false, closed: true });
      i = pick;
    }
  }
  return out;
}

/** Outermost quotations in `text`, in order. */
export function findQuotes(text: string): QuoteSpan[] {
  const paras = lines(text);
  const doubles = doubleSpans(text, paras);
  const singles = singleSpans(text, paras);
  if (singles.length === 0) return doubles;
  // Keep the outer one of two nested spans: single marks inside double ones are quotes within a
  // quote; double marks inside single ones are the same in British style.
  const all = [...doubles, ...singles].sort((a, b) => a.open - b.open || b.close - a.close);
  const out: QuoteSpan[] = [];
  for (const q of all) {
    const last = out[out.length - 1];
    if (last && q.open < last.close) {
      if (q.close <= last.close) continue; // nested
      if (!last.single && q.single) continue; // crossing: trust double marks
      out.pop();
    }
    out.push(q);
  }
  return out;
}
