/**
 * Words of time: month, weekday, season and unit names, number words, and the regular-expression
 * fragments the rules are built from. Fragments are sources for case-insensitive regexes; rules
 * check capitalisation themselves where it matters (a month name is a proper noun, "may" and
 * "march" are verbs).
 */
import type { Season } from './calendar.ts';

/** Matches the end of a word without consuming it (works after a trailing period, unlike \b). */
export const END = String.raw`(?![\p{L}\p{N}_])`;
/** Matches the start of a word. */
export const BEGIN = String.raw`(?<![\p{L}\p{N}_])`;

export const MONTH = String.raw`(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|jun(?:e|\.)?|jul(?:y|\.)?|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)`;

const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1..12 for a month token ("Sept.", "october"), or 0. */
export function monthNumber(token: string): number {
  return MONTH_KEYS.indexOf(token.slice(0, 3).toLowerCase()) + 1;
}

/** A month token written as a month: capitalised, and either spelled out or abbreviated with a period. */
export function isMonthToken(token: string, requireFull = false): boolean {
  const c = token.charCodeAt(0);
  if (!(c >= 65 && c <= 90)) return false;
  if (!requireFull) return true;
  return token.endsWith('.') || token.length >= 5 || /^(?:May|June|July)$/i.test(token);
}

export const WEEKDAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day`;
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** ISO weekday 1 (Monday) .. 7 (Sunday) of a weekday name, or 0. */
export function weekdayNumber(token: string): number {
  return WEEKDAY_KEYS.indexOf(token.slice(0, 3).toLowerCase()) + 1;
}

export const SEASON = String.raw`(?:spring|summer|fall|autumn|winter)`;

export function seasonCode(token: string): Season {
  const t = token.toLowerCase();
  return t === 'spring' ? 'SP' : t === 'summer' ? 'SU' : t === 'winter' ? 'WI' : 'FA';
}

/** Parts of the day, as TimeML codes. */
export const PART_OF_DAY = String.raw`(?:morning|afternoon|evening|night|overnight|midday|noon|midnight|mid-?afternoon|mid-?morning|dawn|daybreak|dusk)`;

export function partOfDayCode(token: string): string {
  const t = token.toLowerCase().replace(/^mid-?/, '');
  if (t === 'morning' || t === 'dawn' || t === 'daybreak') return 'MO';
  if (t === 'afternoon') return 'AF';
  if (t === 'evening' || t === 'dusk') return 'EV';
  if (t === 'midday' || t === 'noon') return 'MI';
  return 'NI';
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  a: 1, an: 1, single: 1, dozen: 12, couple: 2, pair: 2,
};

const ONES = '(?:one|two|three|four|five|six|seven|eight|nine)';
const TENS = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
const TEENS = '(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
const WORD_NUM = String.raw`(?:${TENS}(?:[\s-]+${ONES})?|${TEENS}|${ONES})(?:\s+(?:hundred|thousand))?`;

/**
 * A count: digits ("20", "2 1/2", "1.5"), number words ("twenty-four"), "a"/"an", "a couple of",
 * "a dozen", "half a", "one and a half", or a vague count ("a few", "several", "many").
 */
export const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+\d\/\d)?|${WORD_NUM}(?:\s+and\s+a\s+half)?|a\s+(?:couple|dozen|hundred|thousand)(?:\s+of)?|a\s+few|a\s+half|an?(?:\s+(?:single|full))?|half\s+an?|several|many|some|dozens\s+of|hundreds\s+of|thousands\s+of|couple\s+of)`;

/** The number a count denotes; `null` for vague counts ("a few", "several"). */
export function parseNumber(text: string): number | null {
  const t = text.toLowerCase().trim().replace(/\s+of$/, '');
  if (/^(?:a\s+few|several|many|some|dozens|hundreds|thousands)/.test(t)) return null;
  if (t === 'a half' || /^half\s+an?$/.test(t)) return 0.5;
  const frac = /^(\d+)\s+(\d)\/(\d)$/.exec(t);
  if (frac) return Number(frac[1]) + Number(frac[2]) / Number(frac[3]);
  if (/^[\d.,]+$/.test(t)) return Number(t.replace(/,/g, ''));
  let total = 0;
  let current = 0;
  let half = false;
  const words = t.split(/[\s-]+/);
  // "a couple", "a dozen", "a hundred": the article is not a count of its own.
  if (words.length > 1 && (words[0] === 'a' || words[0] === 'an')) words.shift();
  for (const w of words) {
    if (w === 'and' || w === 'of' || w === 'full') continue;
    if (w === 'half') {
      half = true;
      continue;
    }
    if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (w in SMALL) current += SMALL[w]!;
    else return null;
  }
  const n = total + current;
  return half ? n + 0.5 : n;
}

/** Time units (singular or plural), with TimeML duration letters. */
export const UNIT = String.raw`(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries|millenni(?:um|a|ums))`;

export type Unit = 'S' | 'MIN' | 'H' | 'D' | 'W' | 'WE' | 'M' | 'Q' | 'Y' | 'DE' | 'CE' | 'ML';

export function unitCode(token: string): Unit {
  const t = token.toLowerCase();
  if (t.startsWith('sec')) return 'S';
  if (t.startsWith('min')) return 'MIN';
  if (t.startsWith('hour')) return 'H';
  if (t.startsWith('day') || t.startsWith('night')) return 'D';
  if (t.startsWith('weekend')) return 'WE';
  if (t.startsWith('week')) return 'W';
  if (t.startsWith('fortnight')) return 'W';
  if (t.startsWith('month')) return 'M';
  if (t.startsWith('quarter')) return 'Q';
  if (t.startsWith('year')) return 'Y';
  if (t.startsWith('decade')) return 'DE';
  if (t.startsWith('centur')) return 'CE';
  return 'ML';
}

/** A TimeML duration value for `n` units (`null` n = unspecified: `PXY`); fractions go down a unit. */
export function durationValue(n: number | null, unit: Unit, fortnight = false): string {
  if (fortnight && n != null) n *= 2;
  const time = unit === 'S' || unit === 'MIN' || unit === 'H';
  const letter = unit === 'MIN' ? 'M' : unit === 'WE' ? 'WE' : unit;
  if (n == null) return time ? `PTX${letter}` : `PX${letter}`;
  if (!Number.isInteger(n)) {
    const down: Partial<Record<Unit, [number, Unit]>> = { Y: [12, 'M'], M: [30, 'D'], W: [7, 'D'], D: [24, 'H'], H: [60, 'MIN'], MIN: [60, 'S'], DE: [10, 'Y'], CE: [100, 'Y'], Q: [3, 'M'] };
    const d = down[unit];
    if (d) {
      const whole = Math.floor(n);
      const rest = Math.round((n - whole) * d[0]);
      const restValue = durationValue(rest, d[1]).replace(/^PT?/, '');
      if (whole === 0) return durationValue(rest, d[1]);
      const head = durationValue(whole, unit);
      const needsT = (d[1] === 'H' || d[1] === 'MIN' || d[1] === 'S') && !head.startsWith('PT');
      return `${head}${needsT ? 'T' : ''}${restValue}`;
    }
  }
  return time ? `PT${n}${letter}` : `P${n}${letter}`;
}

/** Ordinals for quarters, halves and centuries. */
export const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty first': 21,
};

export function ordinalNumber(token: string): number {
  const t = token.toLowerCase().replace(/\s+/g, ' ');
  const d = /^(\d+)(?:st|nd|rd|th)?$/.exec(t);
  if (d) return Number(d[1]);
  return ORDINAL_WORDS[t] ?? 0;
}

export const DECADE_WORDS: Record<string, number> = {
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
};

/** Day-of-month ordinals written as words ("March eighth"). */
export const DAY_WORDS: Record<string, number> = {
  ...Object.fromEntries(Object.entries(ORDINAL_WORDS).filter(([, n]) => n <= 21)),
  'twenty-second': 22, 'twenty-third': 23, 'twenty-fourth': 24, 'twenty-fifth': 25, 'twenty-sixth': 26,
  'twenty-seventh': 27, 'twenty-eighth': 28, 'twenty-ninth': 29, thirtieth: 30, 'thirty-first': 31,
};
