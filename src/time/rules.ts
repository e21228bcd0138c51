/**
 * The pattern table: one precompiled regular expression per family of expressions, each with a
 * builder that turns a match into a candidate (an absolute value, a resolver for a relative one, or
 * a calendar frame that may merge with its neighbours: "10 p.m. Wednesday", "Friday, Oct. 23").
 *
 * Every regex runs once over the whole text; builders only look at the match and a few characters
 * around it, so tagging stays linear in the text length.
 */
import { addDays, daysInMonth, fmtDay, fmtMonth, fmtWeek, pad4, weekday } from './calendar.ts';
import {
  BEGIN, DAY_WORDS, DECADE_WORDS, END, MONTH, NUMBER, ORDINAL_WORDS, SEASON, UNIT, WEEKDAY, durationValue,
  isMonthToken, monthNumber, ordinalNumber, parseNumber, partOfDayCode, seasonCode, unitCode, weekdayNumber,
} from './lexicon.ts';
import type { Scope } from './resolve.ts';
import {
  dayOfValue, hasDay, hasMonth, hasYear, offsetValue, quarterOf, shiftQuarter, shiftValue, weekendValue,
  yearOfMonth, yearOfQuarter, yearOfSeason,
} from './resolve.ts';
import type { TimexType } from './types.ts';

/** A calendar point that may merge with adjacent points (date + weekday + time of day). */
export interface Frame {
  y?: number;
  m?: number;
  d?: number;
  /** ISO weekday and how it is chosen ('last'/'next' strictly before/after; 'prev-ref'/'next-ref' around the last mentioned day). */
  wd?: number;
  wdMode?: 'last' | 'next' | 'this' | 'prev-ref' | 'next-ref';
  /** Days from the anchor day (yesterday = -1). */
  offset?: number;
  /** Days from the last mentioned day ("the next day" = 1, "that day" = 0). */
  refOffset?: number;
  hh?: number;
  mi?: number;
  /** TimeML part of day: MO, AF, EV, NI, MI. */
  pod?: string;
  /** "the week of March 6": the ISO week holding the day. */
  weekOf?: boolean;
}

export interface Candidate {
  start: number;
  end: number;
  priority: number;
  rule: string;
  type: TimexType;
  /** Fixed value: absolute dates, durations, sets, PAST_REF and the like. */
  value?: string;
  /** Resolver for relative expressions. */
  resolve?: (s: Scope) => string | null;
  /** Value when the resolver cannot resolve (X placeholders for what the text leaves open). */
  placeholder?: string;
  /** Resolvable from an earlier mention alone (no anchor needed). */
  anaphoric?: boolean;
  /** Not a reference point for later anaphora (a value derived by shifting an earlier one: "a year earlier"). */
  noRef?: boolean;
  frame?: Frame;
  /** Emitted instead of this candidate (a range "1950-53" gives two mentions). */
  parts?: Candidate[];
}

type Build = (m: RegExpExecArray, text: string) => Candidate | null;

interface Rule {
  name: string;
  /** A cheap test the text must pass for the rule to run at all (skips most rules on most texts). */
  trigger?: RegExp;
  re: RegExp;
  priority: number;
  build: Build;
}

const Y4 = String.raw`(?:1\d{3}|20\d{2})`;
const YEAR = String.raw`(?:${Y4}|'\d\d)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)`;
const DAY_WORD = String.raw`(?:${Object.keys(DAY_WORDS).sort((a, b) => b.length - a.length).map((w) => w.replace(/[- ]/g, '[\\s-]')).join('|')})`;
/** Modifiers that narrow a period without changing its value: "early", "mid-", "the end of", "earlier in". */
const MOD = String.raw`(?:(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|middle)(?:\s*-\s*|\s+)(?:(?:in|on|during)\s+)?|(?:the\s+)?(?:start|beginning|end|middle|close|turn|rest|remainder|bulk|balance|latter\s+part|early\s+part|first\s+part|last\s+part|first\s+half|second\s+half|latter\s+half|last\s+half)\s+of\s+)`;
/** Approximations kept in the extent of an offset ("about two years ago"). */
const APPROX = String.raw`(?:about|around|roughly|approximately|nearly|almost|some|over|more\s+than|less\s+than|fewer\s+than|under|at\s+least|at\s+most|only|just|barely|no\s+more\s+than|no\s+less\s+than|not\s+more\s+than|well\s+over|close\s+to|upwards\s+of|up\s+to|exactly|fully|a\s+full|the\s+better\s+part\s+of|a\s+little\s+(?:over|more\s+than|less\s+than))`;
/**
 * Bounds kept in the extent of a duration ("nearly three years", "at least 30 days"); "about",
 * "only", "within" stay outside, as TimeBank marks them, and "over" only means "more than" before a count.
 */
const DURATION_APPROX = String.raw`(?:nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than|not\s+more\s+than|well\s+over|upwards\s+of|up\s+to|the\s+better\s+part\s+of|a\s+little\s+(?:over|more\s+than|less\s+than)|over(?=\s+an?\s))`;
const QORD = String.raw`(?:first|second|third|fourth|1st|2nd|3rd|4th|final)`;
const TZ = String.raw`(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|KST|JST|IST|AEST|AEDT|HKT|SGT|ET|CT|MT|PT|local\s+time|Moscow\s+time|Kyiv\s+time|Beijing\s+time)`;

const SPOKEN_TENS = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
const SPOKEN_ONES = '(?:one|two|three|four|five|six|seven|eight|nine)';
const SPOKEN_TEENS = '(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
/** A year read out: "nineteen ninety-six", "eighteen hundred and twelve", "two thousand and one". */
const SPOKEN_YEAR = String.raw`(?:(?:nineteen|eighteen)\s+(?:hundred\s+(?:and\s+)?)?(?:${SPOKEN_TENS}(?:[\s-]${SPOKEN_ONES})?|${SPOKEN_TEENS}|oh[\s-]${SPOKEN_ONES})|two\s+thousand(?:\s+(?:and\s+)?(?:${SPOKEN_TENS}(?:[\s-]${SPOKEN_ONES})?|${SPOKEN_TEENS}|${SPOKEN_ONES}))?)`;

function spokenYearValue(text: string): number | null {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  const c = /^(nineteen|eighteen) (?:hundred (?:and )?)?(.+)$/.exec(t);
  if (c) {
    const yy = parseNumber(c[2]!.replace(/^oh[\s-]/, ''));
    return yy == null || yy > 99 ? null : (c[1] === 'nineteen' ? 1900 : 1800) + yy;
  }
  const m = /^two thousand(?: (?:and )?(.+))?$/.exec(t);
  if (m) return 2000 + (m[1] ? parseNumber(m[1]) ?? 0 : 0);
  return null;
}

const rx = (src: string) => new RegExp(src, 'giu');

/** The few characters before a match, lower-cased, for context checks. */
function before(text: string, start: number, n = 24): string {
  return text.slice(Math.max(0, start - n), start).toLowerCase();
}

const PREP_BEFORE = /(?:^|[^\p{L}])(?:in|since|by|until|till|through|throughout|during|from|to|of|before|after|between|and|or|early|late|mid|last|this|next|around|for|over|on)\s+$/u;

function twoDigitYear(s: string, pivotYear = 2000): number {
  const n = Number(s);
  // '98 is 1998, '05 is 2005 (news archives rarely reach back past 1930).
  return n >= 30 ? 1900 + n : pivotYear + n;
}

function parseYear(token: string): number {
  return token.startsWith("'") ? twoDigitYear(token.slice(1)) : Number(token);
}

function parseDayToken(token: string): number {
  const digits = /^\d+/.exec(token);
  if (digits) return Number(digits[0]);
  return DAY_WORDS[token.toLowerCase().replace(/\s+/g, ' ').replace(/ /g, '-')] ?? DAY_WORDS[token.toLowerCase()] ?? 0;
}

function validDay(y: number | undefined, m: number, d: number): boolean {
  if (d < 1 || d > 31) return false;
  return d <= (y === undefined ? (m === 2 ? 29 : daysInMonth(2001, m)) : daysInMonth(y, m));
}

function cand(m: RegExpExecArray, rule: string, priority: number, type: TimexType, extra: Partial<Candidate>): Candidate {
  return { start: m.index, end: m.index + m[0].length, priority, rule, type, ...extra };
}

/** Relative word → direction: -1 last / +1 next / 0 this. */
function relDir(det: string | undefined): number | null {
  if (!det) return null;
  const t = det.toLowerCase().replace(/\s+/g, ' ');
  if (/^(?:the )?(?:last|past|previous|preceding|prior)$|^this past$/.test(t)) return -1;
  if (/^(?:the )?(?:next|coming|following)$|^this coming$/.test(t)) return 1;
  if (/^(?:this|the current|current|the present)$/.test(t)) return 0;
  return null;
}


// ---------------------------------------------------------------------------------------------
// Calendar dates
// ---------------------------------------------------------------------------------------------

const dateMonthDay: Rule = {
  trigger: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  name: 'date-month-day',
  priority: 50,
  re: rx(String.raw`${BEGIN}(?:(?<weekof>the\s+week\s+of)\s+|(?<mod>${MOD}))?(?<month>${MONTH})\s*(?<day>${DAY}|${DAY_WORD})(?:(?<sep2>\s*(?:-|–|and|or|to|through)\s*)(?<day2>${DAY}))?(?:(?:\s*,\s*|\s+)(?<year>${YEAR})(?![\p{L}\p{N}]|,\d))?${END}`),
  build(m) {
    const g = m.groups!;
    if (!isMonthToken(g.month!)) return null;
    const mo = monthNumber(g.month!);
    const d = parseDayToken(g.day!);
    const y = g.year ? parseYear(g.year) : undefined;
    if (!d || !validDay(y, mo, d)) return null;
    const frame: Frame = y ? { y, m: mo, d } : { m: mo, d };
    if (g.weekof) frame.weekOf = true;
    if (g.day2) {
      // "April 24 and 25": two days.
      const d2 = parseDayToken(g.day2);
      if (!validDay(y, mo, d2) || d2 <= d) return null;
      const firstEnd = m.index + m[0].indexOf(g.day!, (g.mod?.length ?? 0) + g.month!.length) + g.day!.length;
      const secondStart = firstEnd + g.sep2!.length;
      const yearPart = m[0].slice(secondStart - m.index + g.day2.length);
      return cand(m, 'date-month-day', this.priority, 'DATE', {
        parts: [
          { start: m.index, end: firstEnd, priority: this.priority, rule: 'date-month-day', type: 'DATE', frame },
          { start: secondStart, end: secondStart + g.day2.length + yearPart.length, priority: this.priority, rule: 'date-month-day', type: 'DATE', frame: y ? { y, m: mo, d: d2 } : { m: mo, d: d2 } },
        ],
      });
    }
    return cand(m, 'date-month-day', this.priority, 'DATE', { frame });
  },
};

const dateDayMonth: Rule = {
  trigger: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  name: 'date-day-month',
  priority: 50,
  re: rx(String.raw`${BEGIN}(?:the\s+)?(?<day>${DAY}|${DAY_WORD})(?:\s+of)?\s+(?<month>${MONTH})(?:,?\s+(?<year>${YEAR})(?![\p{L}\p{N}]|,\d))?${END}`),
  build(m) {
    const g = m.groups!;
    if (!isMonthToken(g.month!)) return null;
    if (g.month === 'May' && !g.year && !/^\d/.test(g.day!)) return null;
    const mo = monthNumber(g.month!);
    const d = parseDayToken(g.day!);
    const y = g.year ? parseYear(g.year) : undefined;
    if (!d || !validDay(y, mo, d)) return null;
    return cand(m, 'date-day-month', this.priority, 'DATE', { frame: y ? { y, m: mo, d } : { m: mo, d } });
  },
};

const dateNumeric: Rule = {
  trigger: /\d[-/]\d/,
  name: 'date-numeric',
  priority: 60,
  re: rx(String.raw`(?<![\p{L}\p{N}.\/-])(?:(?<iy>${Y4})-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\d|3[01])(?:T(?<ih>[01]\d|2[0-3]):(?<imi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?|(?<um>0?[1-9]|1[0-2])\/(?<ud>0?[1-9]|[12]\d|3[01])\/(?<uy>${Y4}|\d\d))(?![\p{L}\p{N}\/]|-\d)`),
  build(m) {
    const g = m.groups!;
    if (g.iy) {
      const y = Number(g.iy);
      const mo = Number(g.im);
      const d = Number(g.id);
      if (!validDay(y, mo, d)) return null;
      const frame: Frame = { y, m: mo, d };
      if (g.ih) {
        frame.hh = Number(g.ih);
        frame.mi = Number(g.imi);
      }
      return cand(m, 'date-numeric', this.priority, g.ih ? 'TIME' : 'DATE', { frame });
    }
    const y = g.uy!.length === 2 ? twoDigitYear(g.uy!) : Number(g.uy);
    const mo = Number(g.um);
    const d = Number(g.ud);
    if (!validDay(y, mo, d)) return null;
    return cand(m, 'date-numeric', this.priority, 'DATE', { frame: { y, m: mo, d } });
  },
};

const monthYear: Rule = {
  trigger: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  name: 'month-year',
  priority: 45,
  re: rx(String.raw`${BEGIN}(?<mod>${MOD})?(?<month>${MONTH})\s*,?\s+(?:of\s+)?(?:(?<year>${YEAR})(?![\p{L}\p{N}]|,\d)|(?<spoken>${SPOKEN_YEAR})${END})`),
  build(m) {
    const g = m.groups!;
    if (!isMonthToken(g.month!)) return null;
    const y = g.year ? parseYear(g.year) : spokenYearValue(g.spoken!);
    if (y == null) return null;
    return cand(m, 'month-year', this.priority, 'DATE', { value: fmtMonth(y, monthNumber(g.month!)) });
  },
};

const monthRelYear: Rule = {
  trigger: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  name: 'month-rel-year',
  priority: 45,
  re: rx(String.raw`${BEGIN}(?<mod>${MOD})?(?<month>${MONTH})\s+(?:of\s+)?(?<det>last|this|next|the\s+previous|the\s+following|that|the\s+same)\s+year${END}`),
  build(m) {
    const g = m.groups!;
    if (!isMonthToken(g.month!)) return null;
    const mo = monthNumber(g.month!);
    const det = g.det!.toLowerCase().replace(/\s+/g, ' ');
    if (det === 'that' || det === 'the same' || det === 'the previous' || det === 'the following') {
      const shift = det === 'the previous' ? -1 : det === 'the following' ? 1 : 0;
      return cand(m, 'month-rel-year', this.priority, 'DATE', {
        anaphoric: true,
        placeholder: fmtMonthX(mo),
        resolve: (s) => {
          const y = s.ref ? Number(s.ref.value.slice(0, 4)) : NaN;
          return Number.isFinite(y) ? fmtMonth(y + shift, mo) : null;
        },
      });
    }
    const n = relDir(det) ?? 0;
    return cand(m, 'month-rel-year', this.priority, 'DATE', {
      placeholder: fmtMonthX(mo),
      resolve: (s) => (hasYear(s) ? fmtMonth(s.day.y + n, mo) : null),
    });
  },
};

const fmtMonthX = (mo: number) => `XXXX-${String(mo).padStart(2, '0')}`;

const month: Rule = {
  trigger: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  name: 'month',
  priority: 40,
  re: rx(String.raw`${BEGIN}(?<mod>${MOD})?(?:(?<det>last|this|next|this\s+past|this\s+coming|the\s+following|the\s+previous|that|this\s+same|the\s+same)\s+)?(?<month>${MONTH})${END}`),
  build(m, text) {
    const g = m.groups!;
    const tok = g.month!;
    if (!isMonthToken(tok, true)) return null;
    const mo = monthNumber(tok);
    const pre = before(text, m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (!g.mod && !g.det) {
      const prep = PREP_BEFORE.test(pre);
      if (tok === 'May' || tok === 'March' || tok === 'MAY') {
        const theNoun = /(?:^|\s)the\s+$/.test(pre) && /^\s+\p{Ll}{3,}/u.test(after) && !/^\s+(?:of|on|to|and|or|for|from|in)\b/.test(after);
        if (!prep && !theNoun) return null;
        if (tok !== 'March' && /^\s+(?:be|have|not|also|well|still|never|already|soon|even|yet|only|just)\b/i.test(after)) return null;
      }
      // "April Ryan", "June Carter": a name, unless a preposition says it is a month.
      if (!prep && /^\s+\p{Lu}\p{Ll}/u.test(after)) return null;
      if (/^\s*\d/.test(after)) return null;
      // "the March accession" names a month; "the March on Washington" does not.
    if (/(?:^|\s)the\s+$/.test(pre) && !/^\s+\p{Ll}+/u.test(after)) return null;
    if (/(?:^|\s)the\s+$/.test(pre) && /^\s+(?:of|on|to|and|or)\b/.test(after)) return null;
    }
    const det = g.det?.toLowerCase().replace(/\s+/g, ' ');
    if (det === 'that' || det === 'the same' || det === 'this same' || det === 'the following' || det === 'the previous') {
      const future = det === 'the following';
      return cand(m, 'month', this.priority, 'DATE', {
        anaphoric: true,
        placeholder: fmtMonthX(mo),
        resolve: (s) => {
          const ref = s.ref && /^\d{4}-\d\d/.test(s.ref.value) ? s.ref.value : null;
          if (!ref) return null;
          const ry = Number(ref.slice(0, 4));
          const rm = Number(ref.slice(5, 7));
          if (future) return fmtMonth(mo > rm ? ry : ry + 1, mo);
          if (det === 'the previous') return fmtMonth(mo < rm ? ry : ry - 1, mo);
          return fmtMonth(ry, mo);
        },
      });
    }
    const mode = det === 'last' || det === 'this past' ? 'last' : det === 'next' || det === 'this coming' ? 'next' : det === 'this' ? 'this' : null;
    return cand(m, 'month', this.priority, 'DATE', {
      placeholder: fmtMonthX(mo),
      resolve: (s) => {
        if (!hasYear(s)) return null;
        if (mode === 'this') return fmtMonth(s.day.y, mo);
        if (mode === 'last') {
          if (!hasMonth(s)) return null;
          return fmtMonth(mo < s.day.m ? s.day.y : s.day.y - 1, mo);
        }
        if (mode === 'next') {
          if (!hasMonth(s)) return null;
          return fmtMonth(mo > s.day.m ? s.day.y : s.day.y + 1, mo);
        }
        const y = yearOfMonth(s, mo);
        return y == null ? null : fmtMonth(y, mo);
      },
    });
  },
};

const year: Rule = {
  trigger: /\d\d/,
  name: 'year',
  priority: 30,
  re: rx(String.raw`(?<![\p{L}\p{N}$£€#.,\/]|\d-)(?<mod>${MOD})?(?:(?<pre>fiscal|calendar|the\s+year|year|FY|mid|pre|post)[\s-]*)?(?<year>${Y4}|'\d\d)(?![\p{L}\p{N}%]|[.,]\d|\s*(?:%|percent\b|per\s+cent\b)|-\d)`),
  build(m, text) {
    const g = m.groups!;
    const y = parseYear(g.year!);
    const pre = before(text, m.index, 30);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const context = !!(g.mod || g.pre) || PREP_BEFORE.test(pre) || (/(?:^|\s)(?:the|its|their|his|her)\s+$/.test(pre) && y >= 1900);
    if (g.year!.startsWith("'")) {
      if (!context) return null;
    } else if (y < 1900 && !context) return null;
    if (y < 1000) return null;
    if (!context) {
      // "2000 troops", "1995 cars": a count, not a year.
      if (/^\s+(?!(?:was|has|is|as|this|its|his|its|plus)\b)\p{Ll}+s\b/u.test(after)) return null;
      if (/(?:no\.|number|page|pages|flight|route|highway|room|model|article|section|resolution|rule|item|chapter|paragraph|suite|box|code)\s*$/.test(pre)) return null;
    }
    if (/^\s*(?:-|–)\s*\d/.test(after)) return null;
    // "from 10 to 2000": a count; "between 1985 and 1987": a year.
    const prevNum = /(\d[\d,.]*|million|billion|thousand|hundred)\s*(?:to|and|or|-|–)\s*$/.exec(pre);
    if (prevNum && !/^(?:1[6-9]|20)\d\d$/.test(prevNum[1]!)) return null;
    if (g.pre && /^(?:pre|post)$/i.test(g.pre)) return null;
    return cand(m, 'year', this.priority, 'DATE', { value: pad4(y) });
  },
};

const yearRange: Rule = {
  trigger: /\d\s*[-–—]\s*\d/,
  name: 'year-range',
  priority: 35,
  re: rx(String.raw`(?<![\p{L}\p{N}$£€#.,\/-])(?<a>${Y4})\s*(?:-|–|—)\s*(?<b>${Y4}|\d\d)(?![\p{L}\p{N}%-]|[.,]\d)`),
  build(m) {
    const g = m.groups!;
    const a = Number(g.a);
    let b = Number(g.b);
    if (g.b!.length === 2) b = Math.floor(a / 100) * 100 + b;
    if (b <= a || b - a > 100) return null;
    const aEnd = m.index + g.a!.length;
    const bStart = m.index + m[0].length - g.b!.length;
    return cand(m, 'year-range', this.priority, 'DATE', {
      parts: [
        { start: m.index, end: aEnd, priority: this.priority, rule: 'year-range', type: 'DATE', value: pad4(a) },
        { start: bStart, end: m.index + m[0].length, priority: this.priority, rule: 'year-range', type: 'DATE', value: pad4(b) },
      ],
    });
  },
};

const decade: Rule = {
  trigger: /0'?s|ties/i,
  name: 'decade',
  priority: 40,
  re: rx(String.raw`${BEGIN}(?:(?<mod>${MOD})|the\s+)?(?:(?<c>1\d|20)(?<d>\d)0'?s|'(?<d2>\d)0s|(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))${END}`),
  build(m) {
    const g = m.groups!;
    const hasThe = /^the\s/i.test(m[0]) || !!g.mod;
    if (g.c) return cand(m, 'decade', this.priority, 'DATE', { value: `${g.c}${g.d}` });
    if (g.w && !hasThe) return null;
    const d = g.d2 ? Number(g.d2) : DECADE_WORDS[g.w!.toLowerCase()]!;
    return cand(m, 'decade', this.priority, 'DATE', {
      placeholder: `XX${d}`,
      resolve: (s) => {
        if (!hasYear(s)) return null;
        const c = Math.floor(s.day.y / 100);
        return String(c * 10 + d <= Math.floor(s.day.y / 10) ? c * 10 + d : (c - 1) * 10 + d);
      },
    });
  },
};

const century: Rule = {
  trigger: /centur/i,
  name: 'century',
  priority: 40,
  re: rx(String.raw`${BEGIN}(?:(?<mod>${MOD})|the\s+)?(?:(?<n>\d{1,2})(?:st|nd|rd|th)|(?<w>${Object.keys(ORDINAL_WORDS).sort((a, b) => b.length - a.length).map((w) => w.replace(' ', String.raw`[\s-]`)).join('|')}))[\s-]+century${END}`),
  build(m) {
    const g = m.groups!;
    const n = g.n ? Number(g.n) : ordinalNumber(g.w!.replace(/[\s-]+/, '-'));
    if (!n || n > 21) return null;
    return cand(m, 'century', this.priority, 'DATE', { value: String(n - 1).padStart(2, '0') });
  },
};

// ---------------------------------------------------------------------------------------------
// Weekdays, days relative to today, parts of the day, clock times
// ---------------------------------------------------------------------------------------------

const weekdayRule: Rule = {
  trigger: /(?:mon|tues|wednes|thurs|fri|satur|sun)day/i,
  name: 'weekday',
  priority: 40,
  re: rx(String.raw`${BEGIN}(?:(?<mod>early|late|earlier|later|mid)[\s-]+)?(?:(?<det>last|next|this|this\s+past|this\s+coming|coming|past|the\s+previous|the\s+following|the\s+next|the\s+preceding|that)\s+)?(?<wd>${WEEKDAY})(?<pl>s)?(?:\s+(?<pod>morning|afternoon|evening|night|overnight)(?<pods>s)?)?${END}`),
  build(m, text) {
    const g = m.groups!;
    const wd = weekdayNumber(g.wd!);
    // "Black Friday", "Super Tuesday", "the Sunday Times": names, not dates.
    if (/(?:^|[^\p{L}])(?:black|cyber|super|ash|bloody|palm|holy|maundy|shrove|giving|good|easter)\s+$/iu.test(before(text, m.index, 12))) return null;
    if (/^\s+(?:Times|Telegraph|Mirror|Express|Herald|Tribune|Sport|Star|Post|Night\s+Football)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) return null;
    const pod = g.pod ? partOfDayCode(g.pod) : undefined;
    if (g.pl || g.pods) {
      if (g.det || g.mod) return null;
      return cand(m, 'weekday', this.priority, 'SET', { value: `XXXX-WXX-${wd}${pod ? `T${pod}` : ''}` });
    }
    const det = g.det?.toLowerCase().replace(/\s+/g, ' ');
    const frame: Frame = { wd };
    if (det === 'last' || det === 'this past' || det === 'past') frame.wdMode = 'last';
    else if (det === 'next' || det === 'this coming' || det === 'coming') frame.wdMode = 'next';
    else if (det === 'this') frame.wdMode = 'this';
    else if (det === 'the previous' || det === 'the preceding') frame.wdMode = 'prev-ref';
    else if (det === 'the following' || det === 'the next') frame.wdMode = 'next-ref';
    else if (det === 'that') frame.wdMode = 'prev-ref';
    if (pod) frame.pod = pod;
    return cand(m, 'weekday', this.priority, pod ? 'TIME' : 'DATE', { frame, anaphoric: frame.wdMode === 'prev-ref' || frame.wdMode === 'next-ref' });
  },
};

const relativeDay: Rule = {
  trigger: /yesterday|today|tomorrow|tonight/i,
  name: 'relative-day',
  priority: 40,
  re: rx(String.raw`${BEGIN}(?:(?<mod>early|late|earlier|later)\s+)?(?<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)(?:\s+(?<pod>morning|afternoon|evening|night))?${END}`),
  build(m) {
    const g = m.groups!;
    const w = g.w!.toLowerCase().replace(/\s+/g, ' ');
    const offset = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : w === 'the day before yesterday' ? -2 : w === 'the day after tomorrow' ? 2 : 0;
    const frame: Frame = { offset };
    if (w === 'tonight') frame.pod = 'NI';
    if (g.pod) frame.pod = partOfDayCode(g.pod);
    return cand(m, 'relative-day', this.priority, frame.pod ? 'TIME' : 'DATE', { frame });
  },
};

const partOfDay: Rule = {
  trigger: /morning|afternoon|evening|night|noon|midday/i,
  name: 'part-of-day',
  priority: 35,
  re: rx(String.raw`${BEGIN}(?:(?<det>(?:early|late|later|earlier)\s+this|this|last|tomorrow|yesterday|that|the\s+same|the\s+next|the\s+following|the\s+previous)\s+(?<pod>morning|afternoon|evening|night)|(?<mod>early|late)\s+(?<pod2>morning|afternoon|evening)|(?<alone>mid[\s-]?afternoon|mid[\s-]?morning|overnight|midday|noon|midnight)|(?<=\b(?:in|during|through|throughout)\s{1,4})the\s+(?<pod3>morning|afternoon|evening))${END}`),
  build(m, text) {
    const g = m.groups!;
    if (g.alone) {
      const a = g.alone.toLowerCase();
      if (a === 'noon' && /\bhigh\s+$/i.test(before(text, m.index))) return null;
      if (a === 'noon' || a === 'midday') return cand(m, 'part-of-day', this.priority, 'TIME', { frame: { hh: 12, mi: 0 } });
      if (a === 'midnight') return cand(m, 'part-of-day', this.priority, 'TIME', { frame: { hh: 24, mi: 0 } });
      return cand(m, 'part-of-day', this.priority, 'TIME', { frame: { pod: partOfDayCode(a) } });
    }
    if (g.pod2 || g.pod3) return cand(m, 'part-of-day', this.priority, 'TIME', { frame: { pod: partOfDayCode(g.pod2 ?? g.pod3!) } });
    const det = g.det!.toLowerCase().replace(/\s+/g, ' ');
    const pod = partOfDayCode(g.pod!);
    let frame: Frame;
    if (det === 'last') frame = { offset: pod === 'NI' ? -1 : -1, pod };
    else if (det === 'tomorrow') frame = { offset: 1, pod };
    else if (det === 'yesterday') frame = { offset: -1, pod };
    else if (det === 'that' || det === 'the same') frame = { refOffset: 0, pod };
    else if (det === 'the next' || det === 'the following') frame = { refOffset: 1, pod };
    else if (det === 'the previous') frame = { refOffset: -1, pod };
    else frame = { offset: 0, pod };
    return cand(m, 'part-of-day', this.priority, 'TIME', { frame, anaphoric: frame.refOffset !== undefined });
  },
};

const clock: Rule = {
  trigger: /[ap]\.?\s?m\b|\d:\d\d|\d\d\s*(?:GMT|UTC|Zulu)|o'clock|in the (?:morning|afternoon|evening)|at night/i,
  name: 'clock',
  priority: 45,
  re: rx(String.raw`${BEGIN}(?:(?<approx>about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?:(?<h>[01]?\d|2[0-3])(?:[:.](?<mi>[0-5]\d))?(?::[0-5]\d)?\s*(?<ampm>a\.\s?m\.|p\.\s?m\.|a\.m|p\.m|am|pm|a\s?m\b|p\s?m\b)|(?<h24>[01]?\d|2[0-3]):(?<mi24>[0-5]\d)(?=\s*(?:${TZ}|hours?\b|hrs\b|h\b))|(?<hm>[01]\d|2[0-3])(?<mm>[0-5]\d)(?=\s*(?:GMT|UTC|Zulu)\b)|(?<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})(?:\s+o'clock)?\s+(?<pw>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))(?:\s+(?<tz>${TZ}))?${END}`),
  build(m) {
    const g = m.groups!;
    let hh: number;
    let mi = 0;
    if (g.h) {
      hh = Number(g.h);
      mi = g.mi ? Number(g.mi) : 0;
      const pm = g.ampm!.toLowerCase().startsWith('p');
      if (hh > 12 || hh === 0) return null;
      if (pm && hh < 12) hh += 12;
      if (!pm && hh === 12) hh = 0;
    } else if (g.h24 || g.hm) {
      hh = Number(g.h24 ?? g.hm);
      mi = Number(g.mi24 ?? g.mm);
    } else {
      const n = /^\d+$/.test(g.hw!) ? Number(g.hw) : parseNumber(g.hw!) ?? 0;
      if (n < 1 || n > 12) return null;
      const pw = g.pw!.toLowerCase();
      hh = pw.includes('morning') ? n % 12 : n === 12 ? 12 : n + 12;
      if (pw.includes('night') && n >= 1 && n <= 4) hh = n;
    }
    return cand(m, 'clock', this.priority, 'TIME', { frame: { hh, mi } });
  },
};

// ---------------------------------------------------------------------------------------------
// Relative periods: last week, this year, next month, the past year, the end of the year
// ---------------------------------------------------------------------------------------------

const relativePeriod: Rule = {
  trigger: /week|month|year|decade|centur/i,
  name: 'relative-period',
  priority: 42,
  re: rx(String.raw`${BEGIN}(?<mod>${MOD})?(?<det>last|this|next|past|coming|current|that|the\s+(?:past|last|next|coming|current|previous|following|same|preceding|prior|present)|this\s+past|this\s+coming|the)\s+(?:(?<fiscal>fiscal|calendar)\s+)?(?<unit>week|weekend|month|year|decade|century)${END}`),
  build(m, text) {
    const g = m.groups!;
    const det = g.det!.toLowerCase().replace(/\s+/g, ' ');
    const unit = g.unit!.toLowerCase();
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (det === 'the' && !g.mod && !g.fiscal && unit !== 'weekend') return null;
    if (/^\p{Lu}/u.test(g.unit!) && g.unit !== g.unit!.toUpperCase()) return null; // "This Week" (a programme)
    if (/^['’]s?\s+(?:\p{L}+[\s-]+)?(?:quarter|period|half)/iu.test(after)) return null; // "last year's third quarter" is a quarter
    const anaphoric = det === 'that' || det === 'the same' || det === 'the following' || det === 'the previous' || det === 'the preceding' || det === 'the prior';
    // "the past decade", "the last century": a stretch of time.
    if ((unit === 'decade' || unit === 'century') && /^the (?:past|last|next|coming)$/.test(det) && !g.mod) {
      return cand(m, 'relative-period', this.priority, 'DURATION', { value: unit === 'decade' ? 'P1DE' : 'P1CE' });
    }
    if (anaphoric) {
      const n = det === 'the following' ? 1 : det === 'the previous' || det === 'the preceding' || det === 'the prior' ? -1 : 0;
      return cand(m, 'relative-period', this.priority, 'DATE', {
        anaphoric: true,
        placeholder: placeholderFor(unit),
        resolve: (s) => {
          if (!s.ref) return null;
          const v = s.ref.value;
          const y = Number(v.slice(0, 4));
          if (!Number.isFinite(y) || !/^\d{4}/.test(v)) return null;
          if (unit === 'year') return pad4(y + n);
          const day = dayOfValue(v);
          if (unit === 'month') {
            if (!/^\d{4}-\d\d/.test(v)) return null;
            return offsetValue({ y, m: Number(v.slice(5, 7)), d: 1 }, 'M', n, 'month');
          }
          if (unit === 'week') return day ? fmtWeek(addDays(day, 7 * n)) : /^\d{4}-W\d\d$/.test(v) && n === 0 ? v : null;
          if (unit === 'weekend') return day ? weekendValue(addDays(day, 7 * n), 'past') : null;
          if (unit === 'decade') return String(Math.floor(y / 10) + n);
          return null;
        },
      });
    }
    let n = relDir(det);
    let mode: 'past' | 'future' | 'last' | 'next' | null = null;
    if (det === 'the') n = 0;
    if (unit === 'weekend') {
      mode = det === 'last' || det === 'this past' || det === 'past' || det === 'the past' || det === 'the last' ? 'last' : det === 'next' || det === 'the next' || det === 'coming' || det === 'the coming' || det === 'this coming' ? 'next' : null;
    }
    if (n == null) return null;
    const k = n;
    return cand(m, 'relative-period', this.priority, 'DATE', {
      placeholder: placeholderFor(unit),
      resolve: (s) => {
        if (!hasYear(s)) return null;
        switch (unit) {
          case 'year':
            return pad4(s.day.y + k);
          case 'month':
            return offsetValue(s.day, 'M', k, s.precision);
          case 'week':
            return hasDay(s) ? fmtWeek(addDays(s.day, 7 * k)) : null;
          case 'weekend':
            return hasDay(s) ? weekendValue(s.day, mode ?? s.dir) : null;
          case 'decade':
            return String(Math.floor(s.day.y / 10) + k);
          case 'century':
            return String(Math.floor(s.day.y / 100) + k).padStart(2, '0');
        }
        return null;
      },
    });
  },
};

function placeholderFor(unit: string): string {
  switch (unit) {
    case 'year':
      return 'XXXX';
    case 'month':
      return 'XXXX-XX';
    case 'week':
      return 'XXXX-WXX';
    case 'weekend':
      return 'XXXX-WXX-WE';
    case 'decade':
      return 'XXX';
    case 'century':
      return 'XX';
    case 'quarter':
      return 'XXXX-QX';
    default:
      return 'XXXX-XX-XX';
  }
}

/** "year-end", "year's end", "the end of the year" handled by MOD; here the bare forms. */
const yearEnd: Rule = {
  trigger: /year/i,
  name: 'year-end',
  priority: 30,
  re: rx(String.raw`${BEGIN}(?:around\s+)?(?:year[\s-]end|year's\s+end|the\s+(?:current|present)\s+(?:fiscal\s+|calendar\s+)?year)${END}`),
  build(m) {
    return cand(m, 'year-end', this.priority, 'DATE', { placeholder: 'XXXX', resolve: (s) => (hasYear(s) ? pad4(s.day.y) : null) });
  },
};

// ---------------------------------------------------------------------------------------------
// Quarters and halves
// ---------------------------------------------------------------------------------------------

const quarter: Rule & { make(m: RegExpExecArray, q: number, g: Record<string, string | undefined>): Candidate | null } = {
  trigger: /quarter/i,
  name: 'quarter',
  priority: 48,
  re: rx(String.raw`${BEGIN}(?:(?<det>the|this|last|next)\s+)?(?<quals>(?:(?:fiscal|calendar|current|latest|most\s+recent|recent|year-ago|year-earlier|year\s+earlier|year-before|comparable|corresponding|same|${Y4}|'\d\d|fiscal\s+${Y4})[\s-]+){0,3})(?<ord>${QORD})[\s-]+(?:fiscal[\s-]+)?quarters?(?:\s+(?:of|in)\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?<year>${Y4}|'\d\d|this\s+year|last\s+year|next\s+year|the\s+year|the\s+previous\s+year|the\s+current\s+year))?${END}`),
  build(m) {
    const g = m.groups!;
    const q = g.ord!.toLowerCase() === 'final' ? 4 : ordinalNumber(g.ord!);
    if (!q || q > 4) return null;
    // "the third-quarter loss": the article belongs to the noun.
    const skip = g.det && !g.year && /-\s*(?:fiscal[\s-]+)?quarter$/i.test(m[0]) ? /^\S+\s+/.exec(m[0])![0].length : 0;
    const c = this.make(m, q, g);
    return c && skip ? { ...c, start: c.start + skip } : c;
  },
  make(m: RegExpExecArray, q: number, g: Record<string, string | undefined>): Candidate | null {
    const quals = (g.quals ?? '').toLowerCase();
    const yq = /(\d{4})|'(\d\d)/.exec(quals);
    const yearAgo = /year[\s-](?:ago|earlier|before)/.test(quals);
    const yTok = g.year?.toLowerCase().replace(/\s+/g, ' ');
    if (yq || (yTok && /\d/.test(yTok))) {
      const y = yq ? (yq[1] ? Number(yq[1]) : twoDigitYear(yq[2]!)) : parseYear(yTok!);
      return cand(m, 'quarter', this.priority, 'DATE', { value: `${pad4(y + (yearAgo ? -1 : 0))}-Q${q}`, noRef: yearAgo });
    }
    const rel = yTok === 'last year' || yTok === 'the previous year' ? -1 : yTok === 'next year' ? 1 : yTok ? 0 : null;
    return cand(m, 'quarter', this.priority, 'DATE', {
      placeholder: `XXXX-Q${q}`,
      noRef: yearAgo,
      resolve: (s) => {
        let y: number | null;
        if (rel != null) y = hasYear(s) ? s.day.y + rel : null;
        else if (s.sentenceRef && /^\d{4}-Q\d$/.test(s.sentenceRef.value) && !yearAgo) y = Number(s.sentenceRef.value.slice(0, 4));
        else y = yearOfQuarter(s, q);
        if (y == null) return null;
        return `${pad4(y + (yearAgo ? -1 : 0))}-Q${q}`;
      },
    });
  },
};

const quarterCode: Rule = {
  trigger: /Q[1-4]|[1-4]Q/,
  name: 'quarter-code',
  priority: 48,
  re: rx(String.raw`(?<![\p{L}\p{N}])(?:(?<y1>${Y4})\s*[-\/]?\s*Q(?<q1>[1-4])|Q(?<q2>[1-4])(?:\s*(?:of\s+)?(?:FY\s*)?(?<y2>${Y4}|'\d\d|\d\d))?|(?<q3>[1-4])Q(?<y3>\d\d)?)(?![\p{L}\p{N}])`),
  build(m) {
    const g = m.groups!;
    if (!/Q/.test(m[0])) return null;
    const q = Number(g.q1 ?? g.q2 ?? g.q3);
    const yTok = g.y1 ?? g.y2 ?? g.y3;
    if (yTok) {
      const y = yTok.length === 4 ? Number(yTok) : twoDigitYear(yTok.replace("'", ''));
      return cand(m, 'quarter-code', this.priority, 'DATE', { value: `${pad4(y)}-Q${q}` });
    }
    return cand(m, 'quarter-code', this.priority, 'DATE', {
      placeholder: `XXXX-Q${q}`,
      resolve: (s) => {
        const y = yearOfQuarter(s, q);
        return y == null ? null : `${pad4(y)}-Q${q}`;
      },
    });
  },
};

/** "the quarter", "the latest quarter", "the year-ago period", "this year's third quarter", "last quarter". */
const quarterRelative: Rule = {
  trigger: /quarter|period|year-(?:ago|earlier)/i,
  name: 'quarter-relative',
  priority: 46,
  re: rx(String.raw`${BEGIN}(?:(?<yr>this|last|next)\s+year['’]?s\s+(?<ord>${QORD}[\s-]+)?(?<u1>quarter|period)|(?<det>the|this|last|next|that|its)\s+(?<quals>(?:(?:fiscal|calendar|current|latest|most\s+recent|recent|previous|prior|preceding|past|last|year-ago|year-earlier|year-before|comparable|corresponding|same|just-ended|just\s+ended|${Y4})[\s-]+){0,3})(?<u2>quarter|period)(?<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?|(?<adj>year-ago|year-earlier)(?=\s+(?:\p{L}+\s+)?(?:results|period|quarter|level|figure|earnings|profit|net|sales|loss|revenue)))${END}`),
  build(m, text) {
    const g = m.groups!;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (g.adj) {
      return cand(m, 'quarter-relative', this.priority, 'DATE', {
        placeholder: 'XXXX',
        noRef: true,
        resolve: (s) => {
          const ref = s.sentenceRef ?? s.ref;
          if (ref && /^\d{4}-Q\d$/.test(ref.value)) return shiftValue(ref.value, -1);
          return hasYear(s) ? pad4(s.day.y - 1) : null;
        },
      });
    }
    if (g.yr) {
      const n = g.yr.toLowerCase() === 'last' ? -1 : g.yr.toLowerCase() === 'next' ? 1 : 0;
      const q = g.ord ? ordinalNumber(g.ord.trim().split(/[\s-]/)[0]!.replace('final', 'fourth')) || 4 : 0;
      return cand(m, 'quarter-relative', this.priority, 'DATE', {
        placeholder: `XXXX-Q${q || 'X'}`,
        resolve: (s) => {
          if (!hasYear(s)) return null;
          let qq = q;
          if (!qq) {
            const ref = s.sentenceRef ?? s.ref;
            if (ref && /^\d{4}-Q\d$/.test(ref.value)) qq = Number(ref.value.slice(6));
            else if (hasMonth(s)) {
              // The quarter just reported: the one before the anchor's.
              const last = shiftQuarter(s.day.y, quarterOf(s.day.m), -1);
              return shiftValue(last, n + (Number(last.slice(0, 4)) - s.day.y));
            } else return null;
          }
          return `${pad4(s.day.y + n)}-Q${qq}`;
        },
      });
    }
    const det = g.det!.toLowerCase();
    const quals = (g.quals ?? '').toLowerCase().trim();
    const unit = g.u2!.toLowerCase();
    if (/^\s+of\b/i.test(after) || /^-to-/i.test(after)) return null;
    if (det === 'its' && !quals) return null;
    const yearAgo = /year[\s-](?:ago|earlier|before)/.test(quals) || !!g.ago;
    const yq = /\b(\d{4})\b/.exec(quals);
    if (unit === 'period' && !quals && det !== 'the' && det !== 'that') return null;
    const prev = /previous|prior|preceding|past|last/.test(quals) || det === 'last';
    const current = /current/.test(quals) || (det === 'this' && !quals);
    const next = det === 'next';
    return cand(m, 'quarter-relative', this.priority, 'DATE', {
      placeholder: 'XXXX-QX',
      anaphoric: true,
      noRef: yearAgo,
      resolve: (s) => {
        const ref = s.sentenceRef ?? s.ref;
        const refQ = ref && /^\d{4}-Q\d$/.test(ref.value) ? ref.value : null;
        if (yq) {
          const q = refQ ? refQ.slice(6) : null;
          return q ? `${yq[1]}-Q${q}` : yq[1]!;
        }
        if (unit === 'period' && !refQ && !/latest|recent|year-|comparable|corresponding/.test(quals) && !g.ago) return null;
        let base: string | null;
        if (current && hasMonth(s)) base = shiftQuarter(s.day.y, quarterOf(s.day.m), 0);
        else if (next && hasMonth(s)) base = shiftQuarter(s.day.y, quarterOf(s.day.m), 1);
        else if (prev && !refQ && hasMonth(s)) base = shiftQuarter(s.day.y, quarterOf(s.day.m), -1);
        else if (prev && refQ) base = shiftQuarter(Number(refQ.slice(0, 4)), Number(refQ.slice(6)), -1);
        else if (refQ) base = refQ;
        else if (hasMonth(s)) base = shiftQuarter(s.day.y, quarterOf(s.day.m), -1);
        else return null;
        return yearAgo ? shiftValue(base, -1) : base;
      },
    });
  },
};

const half: Rule = {
  trigger: /half/i,
  name: 'half',
  priority: 49,
  re: rx(String.raw`${BEGIN}(?:the\s+)?(?:(?<qy>${Y4}|fiscal|calendar)\s+)?(?<ord>first|second|latter|last|back)(?<hy>[\s-])half(?:\s+of\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?<year>${Y4}|this\s+year|last\s+year|next\s+year|the\s+year|the\s+current\s+year))?${END}`),
  build(m, text) {
    const g = m.groups!;
    const h = g.ord!.toLowerCase() === 'first' ? 1 : 2;
    const yTok = (g.year ?? (g.qy && /\d/.test(g.qy) ? g.qy : '')).toLowerCase();
    if (yTok && /^\d/.test(yTok)) return cand(m, 'half', this.priority, 'DATE', { value: `${yTok}-H${h}` });
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (!yTok && !(g.hy === '-' && /^\s+\p{Ll}/u.test(after))) return null;
    const rel = yTok === 'last year' ? -1 : yTok === 'next year' ? 1 : 0;
    return cand(m, 'half', this.priority, 'DATE', {
      placeholder: `XXXX-H${h}`,
      resolve: (s) => {
        if (!hasYear(s)) return null;
        if (yTok) return `${pad4(s.day.y + rel)}-H${h}`;
        if (s.precision === 'year') return `${pad4(s.day.y)}-H${h}`;
        const cur = s.day.m <= 6 ? 1 : 2;
        const y = s.dir === 'past' ? (h <= cur ? s.day.y : s.day.y - 1) : h >= cur ? s.day.y : s.day.y + 1;
        return `${pad4(y)}-H${h}`;
      },
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Seasons
// ---------------------------------------------------------------------------------------------

const season: Rule = {
  trigger: /spring|summer|fall|autumn|winter/i,
  name: 'season',
  priority: 40,
  re: rx(String.raw`${BEGIN}(?<mod>${MOD})?(?:(?<det>last|this|next|this\s+past|this\s+coming|the\s+past|the\s+coming|the\s+following|the\s+previous|the|that|(?:this|last|next)\s+year['’]s)\s+)?(?<season>${SEASON})(?:\s+(?:of\s+)?(?<year>${Y4}|'\d\d)(?![\p{L}\p{N}])|\s+(?:of\s+)?(?<spoken>${SPOKEN_YEAR})${END}|\s+(?:of\s+)?(?<ry>last|this|next)\s+year${END})?${END}`),
  build(m, text) {
    const g = m.groups!;
    const code = seasonCode(g.season!);
    const det = g.det?.toLowerCase().replace(/\s+/g, ' ');
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    const tok = g.season!.toLowerCase();
    if (g.year || g.spoken) {
      const y = g.year ? parseYear(g.year) : spokenYearValue(g.spoken!);
      if (y == null) return null;
      return cand(m, 'season', this.priority, 'DATE', { value: `${pad4(y)}-${code}` });
    }
    if (!det && !g.mod && !g.ry) {
      if (tok === 'fall' || tok === 'spring') return null;
      if (!/(?:^|[^\p{L}])(?:in|during|since|by|until|till|through|throughout|over|before|after|this|each|every)\s+$/u.test(before(text, m.index))) return null;
    }
    if ((det === 'the' || det === 'that') && /^\s+(?:of|in|from|to)\b/i.test(after)) return null;
    if (det === 'the' && (tok === 'fall' || tok === 'spring') && !/^\s*(?:[,.;:!?)]|$|\s+(?:and|or|when|as|before|after|while)\b)/i.test(after)) return null;
    if (/^\s+(?:session|term|semester|schedule|collection|olympics|games|months)\b/i.test(after) && !det) return null;
    const ryN = g.ry ? (g.ry.toLowerCase() === 'last' ? -1 : g.ry.toLowerCase() === 'next' ? 1 : 0) : null;
    const possessive = det && /year['’]s$/.test(det) ? (det.startsWith('last') ? -1 : det.startsWith('next') ? 1 : 0) : null;
    return cand(m, 'season', this.priority, 'DATE', {
      placeholder: `XXXX-${code}`,
      anaphoric: det === 'that',
      resolve: (s) => {
        if (det === 'that') return s.ref && /^\d{4}/.test(s.ref.value) ? `${s.ref.value.slice(0, 4)}-${code}` : null;
        if (!hasYear(s)) return null;
        const y = s.day.y;
        if (ryN != null) return `${pad4(y + ryN)}-${code}`;
        if (possessive != null) return `${pad4(y + possessive)}-${code}`;
        // "last fall" is the fall of the previous year; "this/next" the current / following year.
        if (det === 'last' || det === 'the previous') return `${pad4(y - 1)}-${code}`;
        if (det === 'next' || det === 'the following') return `${pad4(y + 1)}-${code}`;
        if (det === 'this') return `${pad4(code === 'WI' && s.precision !== 'year' && s.day.m <= 2 ? y - 1 : y)}-${code}`;
        const dir = det === 'this past' || det === 'the past' ? 'past' : det === 'this coming' || det === 'the coming' ? 'future' : s.dir;
        const yy = yearOfSeason(s, code, dir);
        return yy == null ? null : `${pad4(yy)}-${code}`;
      },
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Offsets: three years ago, a year earlier, two days later
// ---------------------------------------------------------------------------------------------

const ago: Rule = {
  trigger: /ago|earlier|later|from now|hence|back/i,
  name: 'ago',
  priority: 55,
  re: rx(String.raw`${BEGIN}(?:(?<approx>${APPROX})\s+)?(?<num>${NUMBER})[\s-]+(?:(?:more|additional|full|long|short)\s+)?(?<unit>${UNIT})(?:\s+or\s+(?:so|more|two|three))?\s+(?<dir>ago|earlier|later|from\s+now|hence|back)${END}|${BEGIN}(?<vague>(?:years|months|weeks|days|decades|moments|minutes|hours|long|some\s+time|a\s+while|a\s+long\s+time|a\s+short\s+while|not\s+long|a\s+little\s+while)\s+(?:ago|earlier|later|from\s+now))${END}`),
  build(m) {
    const g = m.groups!;
    if (g.vague) {
      const later = /later|from now/i.test(g.vague);
      return cand(m, 'ago', this.priority, 'DATE', { value: later ? 'FUTURE_REF' : 'PAST_REF' });
    }
    const n = parseNumber(g.num!);
    const unit = unitCode(g.unit!);
    const dir = g.dir!.toLowerCase().replace(/\s+/g, ' ');
    const sign = dir === 'ago' || dir === 'earlier' || dir === 'back' ? -1 : 1;
    if (n == null) return cand(m, 'ago', this.priority, 'DATE', { value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' });
    if (unit === 'WE') return null;
    const k = /fortnight/i.test(g.unit!) ? 2 * n : n;
    const fromRef = dir === 'earlier' || dir === 'later';
    const placeholder = unit === 'Y' || unit === 'DE' || unit === 'CE' || unit === 'ML' ? 'XXXX' : unit === 'M' ? 'XXXX-XX' : unit === 'W' ? 'XXXX-WXX' : unit === 'Q' ? 'XXXX-QX' : 'XXXX-XX-XX';
    return cand(m, 'ago', this.priority, 'DATE', {
      placeholder,
      anaphoric: fromRef,
      noRef: unit === 'Y' || fromRef,
      resolve: (s) => {
        // "rose 5% from a year ago" after "in the third quarter": the same quarter (or month) a year before.
        const near = s.ref;
        if (unit === 'Y' && k === 1 && near) {
          const period = /^\d{4}-(?:Q\d|H\d)$/.test(near.value) ? s.sentence - near.sentence <= 4 : /^\d{4}-\d\d$/.test(near.value) && near.sentence === s.sentence;
          if (period) return shiftValue(near.value, sign * k);
        }
        if (fromRef && s.ref) {
          const v = s.ref.value;
          const day = dayOfValue(v);
          if (day) return offsetValue(day, unit, sign * k, 'day');
          if (/^\d{4}-\d\d$/.test(v)) return offsetValue({ y: Number(v.slice(0, 4)), m: Number(v.slice(5, 7)), d: 1 }, unit, sign * k, 'month');
          if (/^\d{4}-Q\d$/.test(v) && unit === 'Y') return shiftValue(v, sign * k);
          if (/^\d{4}$/.test(v)) return offsetValue({ y: Number(v), m: 1, d: 1 }, unit, sign * k, 'year');
        }
        if (!hasYear(s)) return null;
        return offsetValue(s.day, unit, sign * k, s.precision);
      },
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------------------------

const duration: Rule = {
  name: 'duration',
  priority: 20,
  re: rx(String.raw`${BEGIN}(?:(?<approx>${DURATION_APPROX})\s+)?(?:(?<det>the|these|those)\s+(?:(?<adj>past|last|next|coming|first|previous|following|final|remaining|latest|preceding|ensuing|prior|initial|entire|whole|full|other)\s+)?)?(?<num>${NUMBER})(?:\s*(?:to|-|–|or)\s*(?<num2>${NUMBER}))?(?:\s+or\s+so)?[\s-]+(?:(?<more>more|additional|extra|full|straight|consecutive|long|short|trading|business|working|calendar|school|fiscal)[\s-]+)?(?<unit>${UNIT})(?<half>\s+and\s+a\s+half)?(?<old>[\s-]+old\b|[\s-]+of\s+age\b)?${END}`),
  build(m, text) {
    const g = m.groups!;
    if (g.old) return null;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
    if (/^-old\b/i.test(after)) return null;
    const numTok = g.num!.toLowerCase();
    const unit = unitCode(g.unit!);
    // "60 Minutes", "This Week": a title.
    if (/^\p{Lu}/u.test(g.unit!) && g.unit !== g.unit!.toUpperCase()) return null;
    // "three-quarters of": a fraction.
    if (unit === 'Q' && !(g.det && !/^\s+of\b/i.test(after)) && !/^(?:several|a\s+few|few|many)$/.test(numTok)) return null;
    const art = /^(?:an?|an?\s+(?:single|full))$/.test(numTok);
    if (art && (unit === 'Q' || unit === 'S')) return null;
    let n = parseNumber(g.num!);
    if (g.num2 && n != null && parseNumber(g.num2) !== n) n = null;
    if (g.half && n != null) n += 0.5;
    const det = g.det?.toLowerCase();
    const adj = g.adj?.toLowerCase();
    if (n == null) {
      if (numTok === 'some' && !/s$/i.test(g.unit!)) return null;
      if (det && (adj === 'past' || adj === 'last' || adj === 'previous')) return cand(m, 'duration', this.priority, 'DATE', { value: 'PAST_REF' });
    }
    if (n != null && n > 5000) return null;
    // "twice a year", "$5 a day", "10% a year": a frequency.
    if (art && !det && !g.approx) {
      const pre = before(text, m.index, 30);
      if (/(?:\b(?:once|twice|thrice|times|percent|cents?|dollars?|million|billion|euros?|pounds?|yen|points?|shifts?)|%|\d)\s*$/.test(pre) || /\d[\d,.]*\s+(?:\p{L}+\s+){0,2}\p{L}+s\s*$/u.test(pre)) {
        return cand(m, 'duration', this.priority, 'SET', { value: durationValue(1, unit) });
      }
    }
    const value = durationValue(n, unit, /fortnight/i.test(g.unit!));
    // "the 14-day deadline": the article belongs to the noun, not to the duration.
    if (det && !adj && /-\s*\p{L}+$/u.test(m[0]) && !/s$/i.test(g.unit!)) {
      const skip = /^(?:the|these|those)\s+/i.exec(m[0].slice(g.approx ? g.approx.length + 1 : 0));
      if (skip && !g.approx) return { ...cand(m, 'duration', this.priority, 'DURATION', { value }), start: m.index + skip[0].length };
    }
    return cand(m, 'duration', this.priority, 'DURATION', { value });
  },
};

// ---------------------------------------------------------------------------------------------
// Sets: every day, each year, weekly
// ---------------------------------------------------------------------------------------------

const set: Rule = {
  trigger: /each|every|per|daily|weekly|monthly|annually|yearly|hourly|nightly|bi|semi|fortnightly/i,
  name: 'set',
  priority: 45,
  re: rx(String.raw`${BEGIN}(?:(?<q>each|every|per)\s+(?:(?<n>other|${NUMBER})\s+)?(?<unit>${UNIT}|morning|afternoon|evening|night|${SEASON}|${WEEKDAY}|${MONTH})|(?<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|bimonthly|semiannually|semi-annually|biannually|fortnightly))${END}`),
  build(m) {
    const g = m.groups!;
    if (g.adv) {
      const a = g.adv.toLowerCase();
      const v: Record<string, string> = {
        daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', hourly: 'PT1H', nightly: 'XXXX-XX-XXTNI',
        quarterly: 'P1Q', biweekly: 'P2W', bimonthly: 'P2M', semiannually: 'P6M', 'semi-annually': 'P6M', biannually: 'P6M', fortnightly: 'P2W',
      };
      return cand(m, 'set', this.priority, 'SET', { value: v[a]! });
    }
    const u = g.unit!;
    const lower = u.toLowerCase();
    let n: number | null = 1;
    if (g.n) n = g.n.toLowerCase() === 'other' ? 2 : parseNumber(g.n);
    if (n == null) return null;
    const wd = weekdayNumber(u);
    if (/day$/i.test(u) && wd && lower !== 'day') return cand(m, 'set', this.priority, 'SET', { value: `XXXX-WXX-${wd}` });
    if (/^(?:morning|afternoon|evening|night)$/.test(lower)) return cand(m, 'set', this.priority, 'SET', { value: `XXXX-XX-XXT${partOfDayCode(lower)}` });
    if (/^(?:spring|summer|fall|autumn|winter)$/.test(lower)) return cand(m, 'set', this.priority, 'SET', { value: `XXXX-${seasonCode(lower)}` });
    const mo = monthNumber(u);
    if (mo && !new RegExp(`^${UNIT}$`, 'i').test(u)) {
      if (!isMonthToken(u, true)) return null;
      return cand(m, 'set', this.priority, 'SET', { value: fmtMonthX(mo) });
    }
    const unit = unitCode(u);
    if (unit === 'WE') return cand(m, 'set', this.priority, 'SET', { value: 'XXXX-WXX-WE' });
    return cand(m, 'set', this.priority, 'SET', { value: durationValue(n, unit) });
  },
};

// ---------------------------------------------------------------------------------------------
// Reference words: now, recently, soon, the future
// ---------------------------------------------------------------------------------------------

const reference: Rule = {
  name: 'reference',
  priority: 10,
  re: rx(String.raw`${BEGIN}(?:(?<present>now|currently|presently|at\s+present|at\s+the\s+moment|at\s+this\s+time|nowadays|these\s+days|the\s+present(?:\s+time)?)|(?<past>recently|lately|in\s+the\s+past|the\s+past|the\s+other\s+day)|(?<future>the\s+(?:near|distant|foreseeable|immediate)\s+future|the\s+future|the\s+(?:near|short|long|longer|medium)\s+term|someday|a\s+later\s+date)|(?<vague>(?:the\s+)?(?:recent|coming|past|last|next|following|ensuing|intervening)\s+(?:few\s+|several\s+|many\s+)?(?<vu>days|weeks|months|quarters|years|decades|centuries)|(?:the\s+)?(?<vu2>days|weeks|months|years)\s+ahead))${END}`),
  build(m, text) {
    const g = m.groups!;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
    // "Buy Now", "Subscribe now": a button, not a time.
    if (g.present && /^now$/i.test(g.present) && /(?:^|[^\p{L}])(?:buy|shop|order|subscribe|sign\s+up|download|watch|listen|join|apply|register|book|donate|call|play|install)\s+$/iu.test(before(text, m.index, 16))) return null;
    if (g.past && /^the\s+past$/i.test(g.past) && /^\s+(?!(?:and|or|but|is|was|has|had|will|as|of)\b)\p{L}/u.test(after)) return null;
    if (g.future && /^(?:soon|shortly)$/i.test(g.future) && /^\s+(?:after|before|afterwards?|thereafter)\b/i.test(after)) return null;
    let t = m[0];
    let start = m.index;
    // TimeML marks "the past", not "in the past".
    const lead = /^in\s+/i.exec(t);
    if (lead) {
      t = t.slice(lead[0].length);
      start += lead[0].length;
    }
    if (g.vague) {
      // "in recent years", "the coming weeks": an unspecified stretch (TimeML PXY, PXW).
      const unit = unitCode(g.vu ?? g.vu2!);
      const t0 = g.vague.toLowerCase();
      if (/^(?:the\s+)?(?:past|last)\s+(?:few|several|many)/.test(t0)) return cand(m, 'reference', this.priority, 'DATE', { value: 'PAST_REF' });
      if (/^(?:past|last|next|following)\s/.test(t0)) return null;
      return cand(m, 'reference', this.priority, 'DURATION', { value: durationValue(null, unit) });
    }
    const value = g.present ? 'PRESENT_REF' : g.past ? 'PAST_REF' : 'FUTURE_REF';
    return { start, end: start + t.length, priority: this.priority, rule: 'reference', type: 'DATE', value };
  },
};

/** "current" and "recent" as adjectives ("the current account" is not a time). */
const referenceAdjective: Rule = {
  trigger: /current/i,
  name: 'reference-adjective',
  priority: 5,
  re: rx(String.raw`${BEGIN}(?<w>current)(?=\s+\p{L})`),
  build(m, text) {
    const w = m.groups!.w!.toLowerCase();
    if (w === 'former') return null;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24).toLowerCase();
    if (w === 'current' && /^\s+(?:account|affairs|events|and|or|accounts|assets|liabilities|crop|prices?|dollars?|terms|market|law|laws|system|rules?|policy|policies)\b/.test(after)) return null;
    return cand(m, 'reference-adjective', this.priority, 'DATE', { value: w === 'current' ? 'PRESENT_REF' : w === 'future' ? 'FUTURE_REF' : 'PAST_REF' });
  },
};

// ---------------------------------------------------------------------------------------------
// Anaphora: that day, the next day, that year, later that month
// ---------------------------------------------------------------------------------------------

const anaphoricDay: Rule = {
  trigger: /day/i,
  name: 'anaphoric-day',
  priority: 44,
  re: rx(String.raw`${BEGIN}(?:(?:earlier|later|early|late)\s+)?(?:that\s+(?:same\s+)?day|the\s+same\s+day|the\s+(?:next|following|previous|preceding|prior)\s+day|the\s+day\s+(?:before|after))${END}`),
  build(m) {
    const t = m[0].toLowerCase();
    const refOffset = /next|following|after/.test(t) ? 1 : /previous|preceding|prior|before/.test(t) ? -1 : 0;
    return cand(m, 'anaphoric-day', this.priority, 'DATE', { frame: { refOffset }, anaphoric: true });
  },
};

// ---------------------------------------------------------------------------------------------
// Holidays
// ---------------------------------------------------------------------------------------------

function nthWeekday(y: number, mo: number, wd: number, n: number): { y: number; m: number; d: number } {
  if (n > 0) {
    const first = weekday({ y, m: mo, d: 1 });
    return { y, m: mo, d: 1 + ((wd - first + 7) % 7) + (n - 1) * 7 };
  }
  const lastD = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const last = weekday({ y, m: mo, d: lastD });
  return { y, m: mo, d: lastD - ((last - wd + 7) % 7) };
}

function easter(y: number): { y: number; m: number; d: number } {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const mm = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * mm + 114) / 31);
  const day = ((h + l - 7 * mm + 114) % 31) + 1;
  return { y, m: month, d: day };
}

const HOLIDAYS: Record<string, (y: number) => { y: number; m: number; d: number }> = {
  'christmas eve': (y) => ({ y, m: 12, d: 24 }),
  christmas: (y) => ({ y, m: 12, d: 25 }),
  'christmas day': (y) => ({ y, m: 12, d: 25 }),
  'boxing day': (y) => ({ y, m: 12, d: 26 }),
  "new year's eve": (y) => ({ y, m: 12, d: 31 }),
  "new year's day": (y) => ({ y, m: 1, d: 1 }),
  "valentine's day": (y) => ({ y, m: 2, d: 14 }),
  halloween: (y) => ({ y, m: 10, d: 31 }),
  'independence day': (y) => ({ y, m: 7, d: 4 }),
  'the fourth of july': (y) => ({ y, m: 7, d: 4 }),
  'veterans day': (y) => ({ y, m: 11, d: 11 }),
  'armistice day': (y) => ({ y, m: 11, d: 11 }),
  thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  'thanksgiving day': (y) => nthWeekday(y, 11, 4, 4),
  'labor day': (y) => nthWeekday(y, 9, 1, 1),
  'memorial day': (y) => nthWeekday(y, 5, 1, -1),
  'martin luther king day': (y) => nthWeekday(y, 1, 1, 3),
  'election day': (y) => {
    const mon = nthWeekday(y, 11, 1, 1);
    return { y, m: 11, d: mon.d + 1 };
  },
  easter: easter,
  'easter sunday': easter,
  'easter monday': (y) => {
    const e = easter(y);
    return { ...e, ...addDays(e, 1) };
  },
  'good friday': (y) => addDays(easter(y), -2),
};

const holiday: Rule = {
  trigger: /christmas|boxing|new year|valentine|halloween|independence|fourth of july|veterans|armistice|thanksgiving|labor day|memorial day|martin luther|election day|easter|good friday/i,
  name: 'holiday',
  priority: 45,
  re: rx(String.raw`${BEGIN}(?:(?<det>last|this|next)\s+)?(?<h>christmas\s+eve|christmas\s+day|christmas|boxing\s+day|new\s+year['’]s\s+(?:eve|day)|valentine['’]s\s+day|halloween|independence\s+day|the\s+fourth\s+of\s+july|veterans\s+day|armistice\s+day|thanksgiving(?:\s+day)?|labor\s+day|memorial\s+day|martin\s+luther\s+king(?:\s+jr\.?)?\s+day|election\s+day|easter(?:\s+sunday|\s+monday)?|good\s+friday)(?:\s*,?\s+(?<year>${Y4}))?${END}`),
  build(m, text) {
    const g = m.groups!;
    if (!/^\p{Lu}/u.test(g.h!) && !/^the/i.test(g.h!)) return null;
    const key = g.h!.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').replace(/ jr\.?/, '');
    const f = HOLIDAYS[key];
    if (!f) return null;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^\s+(?:tree|card|party|gift|shopping|sales?|season|holidays?|island|carol)/i.test(after)) return null;
    if (g.year) return cand(m, 'holiday', this.priority, 'DATE', { value: fmtDay(f(Number(g.year))) });
    const det = g.det?.toLowerCase();
    return cand(m, 'holiday', this.priority, 'DATE', {
      placeholder: 'XXXX-XX-XX',
      resolve: (s) => {
        if (!hasYear(s)) return null;
        const y = s.day.y;
        if (det === 'this' || s.precision === 'year') return fmtDay(f(y));
        if (!hasDay(s)) return null;
        const here = f(y);
        const cmp = here.m * 100 + here.d - (s.day.m * 100 + s.day.d);
        const dir = det === 'last' ? 'last' : det === 'next' ? 'next' : s.dir;
        if (dir === 'past') return fmtDay(cmp <= 0 ? here : f(y - 1));
        if (dir === 'last') return fmtDay(cmp < 0 ? here : f(y - 1));
        if (dir === 'future') return fmtDay(cmp >= 0 ? here : f(y + 1));
        return fmtDay(cmp > 0 ? here : f(y + 1));
      },
    });
  },
};


/** "for the year", "the full year", "the year ended Sept. 30": the reporting year (financial news). */
const reportingYear: Rule = {
  trigger: /year|week/i,
  name: 'reporting-year',
  priority: 25,
  re: rx(String.raw`(?<=\b(?:for|of|in|during|through|throughout|and)\s{1,4})the\s+(?:(?<q>full|whole|entire|latest|current|past|previous|prior)\s+)?(?:(?:fiscal|calendar)\s+)?(?<unit>year|week)${END}`),
  build(m, text) {
    const g = m.groups!;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
    if (/^\s+(?:ended|ending|to\s+date)\b/i.test(after)) return cand(m, 'reporting-year', this.priority, 'DURATION', { value: g.unit!.toLowerCase() === 'year' ? 'P1Y' : 'P1W' });
    if (/^-/.test(after)) return null;
    if (/^\s+(?:of|in|before|after|since|when|that)\b/i.test(after) || (/^\s*['’]/.test(after) && g.unit!.toLowerCase() !== 'week')) return null;
    const q = g.q?.toLowerCase();
    const n = q === 'latest' || q === 'past' || q === 'previous' || q === 'prior' ? -1 : 0;
    if (g.unit!.toLowerCase() === 'week') {
      return cand(m, 'reporting-year', this.priority, 'DATE', { placeholder: 'XXXX-WXX', resolve: (s) => (hasDay(s) ? fmtWeek(addDays(s.day, 7 * n)) : null) });
    }
    return cand(m, 'reporting-year', this.priority, 'DATE', { placeholder: 'XXXX', resolve: (s) => (hasYear(s) ? pad4(s.day.y + n) : null) });
  },
};

/** "for years", "within weeks", "for decades": an unspecified stretch. */
const vagueStretch: Rule = {
  trigger: /years|months|weeks|days|decades|centuries|hours/i,
  name: 'vague-stretch',
  priority: 15,
  re: rx(String.raw`(?:(?<=\b(?:for|within|in|over|after|took|takes|lasted)\s{1,4})(?<u>years|months|weeks|days|decades|centuries|hours)(?:\s+or\s+(?<u2>years|months|weeks|days|decades))?|(?<=\b(?:the|[Ii]n|[Ff]or|[Aa]fter|[Ww]ithin)\s{1,4})(?<u3>days|weeks|months|years)(?=\s+(?:before|after|following|leading|that\s+followed|since|ahead|of\s+(?!age)\p{Ll}+ing)\b))${END}`),
  build(m, text) {
    if (m.groups!.u3) return cand(m, 'vague-stretch', this.priority, 'DURATION', { value: durationValue(null, unitCode(m.groups!.u3)) });
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^\s+(?:ago|of\s+age|old|later|earlier)\b/i.test(after)) return null;
    const pre = before(text, m.index, 12);
    if (/\bin\s+$/.test(pre) && !/^\s*(?:[,.;:)]|$)/.test(after)) return null;
    return cand(m, 'vague-stretch', this.priority, 'DURATION', { value: durationValue(null, unitCode(m.groups!.u!)) });
  },
};


/** Years read out in transcripts: "nineteen ninety-six", "the year two thousand". */
const spokenYear: Rule = {
  trigger: /nineteen|eighteen|two thousand/i,
  name: 'spoken-year',
  priority: 32,
  re: rx(String.raw`${BEGIN}(?:(?<mod>${MOD})?(?<the>the\s+year\s+)?(?<y>${SPOKEN_YEAR}))${END}`),
  build(m) {
    const g = m.groups!;
    // "two thousand" alone is a number; "nineteen ninety" is a year.
    if (/^two\s+thousand$/i.test(g.y!) && !g.the) return null;
    const y = spokenYearValue(g.y!);
    return y == null ? null : cand(m, 'spoken-year', this.priority, 'DATE', { value: String(y) });
  },
};

export const RULES: Rule[] = [
  dateMonthDay, dateDayMonth, dateNumeric, monthYear, monthRelYear, month, year, yearRange, decade, century,
  weekdayRule, relativeDay, partOfDay, clock, relativePeriod, yearEnd, quarter, quarterCode, quarterRelative, half,
  season, ago, duration, set, reference, referenceAdjective, anaphoricDay, holiday, reportingYear, vagueStretch, spokenYear,
];

export type { Rule };
