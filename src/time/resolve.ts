/**
 * Resolution of relative expressions against one reference day (a bound of the anchor), a tense
 * direction and the last date mentioned. Every function returns a TimeML value, or null when the
 * scope is too imprecise (the caller then keeps the expression's placeholder).
 */
import type { Day, Season } from './calendar.ts';
import {
  addDays, addMonths, cmpDay, daysInMonth, fmtDay, fmtMonth, fmtWeek, pad4, parseDay, seasonBounds,
  toOrdinal, weekday,
} from './calendar.ts';

export type AnchorPrecision = 'none' | 'year' | 'month' | 'day';

/** A date mentioned earlier in the text, for anaphora ("that day", "a year earlier"). */
export interface Mentioned {
  value: string;
  start: number;
  sentence: number;
}

export interface Scope {
  /** The reference day (a bound of the anchor); meaningless when precision is 'none'. */
  day: Day;
  precision: AnchorPrecision;
  /** Direction for expressions that need one: from the tense, past by default. */
  dir: 'past' | 'future';
  /** The direction the sentence's tense gives, or null when it gives none (no cue, or the present). */
  cue: 'past' | 'future' | null;
  /** The last date mentioned before this one, and the last one in the same sentence. */
  ref: Mentioned | null;
  sentenceRef: Mentioned | null;
  /** Index of the mention's sentence. */
  sentence: number;
}

export const hasDay = (s: Scope) => s.precision === 'day';
export const hasMonth = (s: Scope) => s.precision === 'day' || s.precision === 'month';
export const hasYear = (s: Scope) => s.precision !== 'none';

/** Year of a month named without one: news style names no year for the current year. */
export function yearOfMonth(s: Scope, month: number, dir: 'past' | 'future' = s.dir): number | null {
  if (!hasYear(s)) return null;
  const { y, m } = s.day;
  if (s.precision === 'year') return y;
  if (dir === 'past') return month <= m ? y : y - 1;
  return month >= m ? y : y + 1;
}

/** Year of a month and day named without a year. */
export function yearOfMonthDay(s: Scope, month: number, day: number, dir: 'past' | 'future' = s.dir): number | null {
  if (!hasYear(s)) return null;
  const { y } = s.day;
  if (s.precision === 'year') return y;
  if (s.precision === 'month') return yearOfMonth(s, month, dir);
  const key = month * 100 + day;
  const anchor = s.day.m * 100 + s.day.d;
  const past = key <= anchor ? y : y - 1;
  const future = key >= anchor ? y : y + 1;
  // A day named without its year is, in news, within months of the story: the tense decides
  // unless it would put the day more than eight months away while the other reading is nearer;
  // with no tense cue the nearer reading wins.
  const back = toOrdinal(s.day) - toOrdinal({ y: past, m: month, d: Math.min(day, daysInMonth(past, month)) });
  const ahead = toOrdinal({ y: future, m: month, d: Math.min(day, daysInMonth(future, month)) }) - toOrdinal(s.day);
  const nearer = back <= ahead ? past : future;
  if (s.cue === 'past') return back <= FAR_DAYS ? past : nearer;
  if (s.cue === 'future') return ahead <= FAR_DAYS ? future : nearer;
  return nearer;
}

/** Beyond this many days, a tense cue does not outweigh a nearer reading of a day named without its year. */
const FAR_DAYS = 243;

/** A weekday: the most recent on or before the reference day (past), or the next on or after it. */
export function weekdayDay(s: Scope, wd: number, mode: 'past' | 'future' | 'last' | 'next', from: Day = s.day): Day | null {
  if (!hasDay(s) && from === s.day) return null;
  const cur = weekday(from);
  let delta: number;
  if (mode === 'past') delta = -((cur - wd + 7) % 7);
  else if (mode === 'last') delta = -((cur - wd + 7) % 7 || 7);
  else if (mode === 'future') delta = (wd - cur + 7) % 7;
  else delta = (wd - cur + 7) % 7 || 7;
  return addDays(from, delta);
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

/** Year of a quarter named without one ("the third quarter"). */
export function yearOfQuarter(s: Scope, q: number, dir: 'past' | 'future' = s.dir): number | null {
  if (!hasYear(s)) return null;
  const { y } = s.day;
  if (s.precision === 'year') return y;
  const cur = quarterOf(s.day.m);
  // Quarters are reported after they end: the one just ended is this year's even in a forecast.
  if (dir === 'past' || q === cur - 1 || (cur === 1 && q === 4)) return q <= cur ? y : y - 1;
  return q >= cur ? y : y + 1;
}

export function shiftQuarter(y: number, q: number, n: number): string {
  const t = y * 4 + (q - 1) + n;
  return `${pad4(Math.floor(t / 4))}-Q${(((t % 4) + 4) % 4) + 1}`;
}

/** Year label of a season named without one. */
export function yearOfSeason(s: Scope, season: Season, dir: 'past' | 'future' = s.dir): number | null {
  if (!hasYear(s)) return null;
  const { y } = s.day;
  if (s.precision === 'year') return season === 'WI' ? y - 1 : y;
  const probe: Day = s.precision === 'month' ? { y, m: s.day.m, d: 15 } : s.day;
  if (dir === 'past') {
    for (const yy of [y, y - 1]) if (cmpDay(seasonBounds(yy, season)[0], probe) <= 0) return yy;
    return y - 1;
  }
  for (const yy of [y - 1, y, y + 1]) if (cmpDay(seasonBounds(yy, season)[1], probe) >= 0) return yy;
  return y + 1;
}

/** Shifts a resolved date value by n units of its own precision (for "a year earlier" and the like). */
export function shiftValue(value: string, years: number): string | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(.*)$/.exec(value))) {
    const y = Number(m[1]) + years;
    const rest = m[2]!;
    if (/^-02-29/.test(rest) && daysInMonth(y, 2) === 28) return `${pad4(y)}-02-28${rest.slice(6)}`;
    if (/^-W/.test(rest)) return null;
    return `${pad4(y)}${rest}`;
  }
  return null;
}

export function dayOfValue(value: string): Day | null {
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? parseDay(value) : null;
}

/** The date `n` units before (negative) or after the reference day, at the unit's precision. */
export function offsetValue(from: Day, unit: string, n: number, precision: AnchorPrecision = 'day'): string | null {
  const whole = Number.isInteger(n);
  switch (unit) {
    case 'S':
    case 'MIN':
    case 'H':
      return precision === 'day' ? fmtDay(from) : null;
    case 'D':
      return whole && precision === 'day' ? fmtDay(addDays(from, n)) : null;
    case 'W':
      return whole && precision === 'day' ? fmtWeek(addDays(from, 7 * n)) : null;
    case 'M': {
      if (!whole || precision === 'year' || precision === 'none') return null;
      const r = addMonths(from.y, from.m, n);
      return fmtMonth(r.y, r.m);
    }
    case 'Q':
      if (!whole || precision === 'year' || precision === 'none') return null;
      return shiftQuarter(from.y, quarterOf(from.m), n);
    case 'Y': {
      if (whole) return pad4(from.y + n);
      if (precision === 'year' || precision === 'none') return null;
      const r = addMonths(from.y, from.m, Math.round(n * 12));
      return fmtMonth(r.y, r.m);
    }
    case 'DE':
      return pad4(from.y + Math.round(n * 10));
    case 'CE':
      return pad4(from.y + Math.round(n * 100));
    case 'ML':
      return pad4(from.y + Math.round(n * 1000));
    default:
      return null;
  }
}

/** The weekend (`YYYY-Www-WE`) most recently begun (past) or next to come (future). */
export function weekendValue(day: Day, mode: 'past' | 'future' | 'last' | 'next'): string {
  const wd = weekday(day);
  const monday = addDays(day, -(wd - 1));
  const inWeekend = wd >= 6;
  // past: the weekend under way or just gone; last: the one before this week; future: the one under
  // way or coming; next: the one after this week's.
  const shift = mode === 'past' ? (inWeekend ? 0 : -7) : mode === 'last' ? -7 : mode === 'future' ? 0 : 7;
  return `${fmtWeek(addDays(monday, shift))}-WE`;
}
