/**
 * Proleptic Gregorian calendar arithmetic on plain `{ y, m, d }` days (no time zones, no Date
 * objects in the hot path), ISO weeks, and the bounds of TimeML date values.
 */

export interface Day {
  y: number;
  /** 1..12 */
  m: number;
  /** 1..31 */
  d: number;
}

export type Season = 'SP' | 'SU' | 'FA' | 'WI';

const pad2 = (n: number) => String(n).padStart(2, '0');
export const pad4 = (n: number) => (n < 0 ? `-${String(-n).padStart(4, '0')}` : String(n).padStart(4, '0'));

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toOrdinal({ y, m, d }: Day): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromOrdinal(n: number): Day {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function addDays(day: Day, n: number): Day {
  return fromOrdinal(toOrdinal(day) + n);
}

/** ISO weekday: 1 = Monday .. 7 = Sunday. */
export function weekday(day: Day): number {
  const w = (toOrdinal(day) + 3) % 7; // 1970-01-01 was a Thursday
  return (w < 0 ? w + 7 : w) + 1;
}

/** Month arithmetic on a (year, month) pair. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const t = y * 12 + (m - 1) + n;
  return { y: Math.floor(t / 12), m: (((t % 12) + 12) % 12) + 1 };
}

export function isoWeek(day: Day): { y: number; w: number } {
  const n = toOrdinal(day);
  const thursday = fromOrdinal(n - weekday(day) + 4);
  const jan1 = toOrdinal({ y: thursday.y, m: 1, d: 1 });
  return { y: thursday.y, w: Math.floor((toOrdinal(thursday) - jan1) / 7) + 1 };
}

/** Monday of ISO week `w` of ISO year `y`. */
export function isoWeekStart(y: number, w: number): Day {
  const jan4 = { y, m: 1, d: 4 };
  return addDays(jan4, (w - 1) * 7 - (weekday(jan4) - 1));
}

export function fmtDay(d: Day): string {
  return `${pad4(d.y)}-${pad2(d.m)}-${pad2(d.d)}`;
}

export function fmtMonth(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}

export function fmtWeek(day: Day): string {
  const { y, w } = isoWeek(day);
  return `${pad4(y)}-W${pad2(w)}`;
}

export function cmpDay(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function parseDay(s: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

export const SEASON_MONTHS: Record<Season, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 2] };

/** First and last day of a season; `YYYY-WI` is the winter that starts in December of YYYY. */
export function seasonBounds(y: number, s: Season): [Day, Day] {
  if (s === 'WI') return [{ y, m: 12, d: 1 }, { y: y + 1, m: 2, d: daysInMonth(y + 1, 2) }];
  const [a, b] = SEASON_MONTHS[s];
  return [{ y, m: a, d: 1 }, { y, m: b, d: daysInMonth(y, b) }];
}

/** The season a day falls in, with the year label of that season. */
export function seasonOf(day: Day): { y: number; s: Season } {
  const { y, m } = day;
  if (m === 12) return { y, s: 'WI' };
  if (m <= 2) return { y: y - 1, s: 'WI' };
  return { y, s: m <= 5 ? 'SP' : m <= 8 ? 'SU' : 'FA' };
}

export type ValuePrecision = 'day' | 'week' | 'month' | 'season' | 'quarter' | 'year' | 'decade' | 'century' | 'time';

/**
 * Precision and bounds (`YYYY-MM-DD`) of a TimeML date value: `2025`, `2025-04`, `2025-04-02`,
 * `2024-W30`, `2024-W30-WE`, `2025-Q1`, `2025-H2`, `2024-FA`, `199` (decade), `19` (century), and
 * any of them with a time part (`2025-04-02T10:30`, `2025-04-02TMO`). Bounds are null when the value
 * holds placeholders (`XXXX-04`) or is not a date (`PAST_REF`, `P3Y`).
 */
export function describeValue(value: string): { precision: ValuePrecision | null; earliest: string | null; latest: string | null } {
  const none = { earliest: null, latest: null };
  const t = value.indexOf('T');
  if (t > 0 && /^[\dX]{4}-/.test(value)) {
    const day = describeValue(value.slice(0, t));
    return { ...day, precision: 'time' };
  }
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) {
    return { precision: 'day', earliest: value, latest: value };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { precision: 'month', earliest: fmtDay({ y, m: mo, d: 1 }), latest: fmtDay({ y, m: mo, d: daysInMonth(y, mo) }) };
  }
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) {
    const start = isoWeekStart(Number(m[1]), Number(m[2]));
    const first = m[3] ? addDays(start, 5) : start;
    return { precision: 'week', earliest: fmtDay(first), latest: fmtDay(addDays(start, 6)) };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { precision: 'quarter', earliest: fmtDay({ y, m: q * 3 - 2, d: 1 }), latest: fmtDay({ y, m: q * 3, d: daysInMonth(y, q * 3) }) };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const y = Number(m[1]);
    const h = Number(m[2]);
    return { precision: 'quarter', earliest: fmtDay({ y, m: h * 6 - 5, d: 1 }), latest: fmtDay({ y, m: h * 6, d: 30 + (h === 2 ? 1 : 0) }) };
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const [a, b] = seasonBounds(Number(m[1]), m[2] as Season);
    return { precision: 'season', earliest: fmtDay(a), latest: fmtDay(b) };
  }
  if ((m = /^(\d{4})$/.exec(value))) {
    return { precision: 'year', earliest: `${m[1]}-01-01`, latest: `${m[1]}-12-31` };
  }
  if ((m = /^(\d{3})$/.exec(value))) {
    return { precision: 'decade', earliest: `${m[1]}0-01-01`, latest: `${m[1]}9-12-31` };
  }
  if ((m = /^(\d{2})$/.exec(value))) {
    return { precision: 'century', earliest: `${m[1]}00-01-01`, latest: `${m[1]}99-12-31` };
  }
  // Placeholders keep their shape's precision.
  if (/^[\dX]{4}-[\dX]{2}-[\dX]{2}$/.test(value)) return { precision: 'day', ...none };
  if (/^[\dX]{4}-W[\dX]{2}/.test(value)) return { precision: 'week', ...none };
  if (/^[\dX]{4}-[\dX]{2}$/.test(value)) return { precision: 'month', ...none };
  if (/^[\dX]{4}-(?:Q[\dX]|H[\dX])$/.test(value)) return { precision: 'quarter', ...none };
  if (/^[\dX]{4}-(?:SP|SU|FA|WI)$/.test(value)) return { precision: 'season', ...none };
  if (/^[\dX]{4}$/.test(value)) return { precision: 'year', ...none };
  if (/^[\dX]{3}$/.test(value)) return { precision: 'decade', ...none };
  return { precision: null, ...none };
}
