import { describe, expect, it } from 'vitest';
import { addDays, describeValue, fromOrdinal, isoWeek, isoWeekStart, toOrdinal, weekday } from './calendar.ts';
import { durationValue, parseNumber } from './lexicon.ts';

describe('calendar', () => {
  it('ordinal days round-trip and weekdays are ISO', () => {
    for (const d of [{ y: 1970, m: 1, d: 1 }, { y: 2000, m: 2, d: 29 }, { y: 2024, m: 12, d: 31 }, { y: 1899, m: 3, d: 1 }]) {
      expect(fromOrdinal(toOrdinal(d))).toEqual(d);
    }
    expect(weekday({ y: 2025, m: 3, d: 12 })).toBe(3); // a Wednesday
    expect(addDays({ y: 2024, m: 2, d: 28 }, 1)).toEqual({ y: 2024, m: 2, d: 29 });
  });

  it('ISO weeks, including the ones that straddle a new year', () => {
    expect(isoWeek({ y: 2024, m: 12, d: 30 })).toEqual({ y: 2025, w: 1 });
    expect(isoWeek({ y: 2021, m: 1, d: 3 })).toEqual({ y: 2020, w: 53 });
    expect(isoWeekStart(2025, 1)).toEqual({ y: 2024, m: 12, d: 30 });
  });

  it('describes TimeML values with precision and bounds', () => {
    expect(describeValue('2025-04')).toEqual({ precision: 'month', earliest: '2025-04-01', latest: '2025-04-30' });
    expect(describeValue('2024-FA')).toEqual({ precision: 'season', earliest: '2024-09-01', latest: '2024-11-30' });
    expect(describeValue('2024-WI')).toEqual({ precision: 'season', earliest: '2024-12-01', latest: '2025-02-28' });
    expect(describeValue('2025-Q1')).toEqual({ precision: 'quarter', earliest: '2025-01-01', latest: '2025-03-31' });
    expect(describeValue('2024-W30')).toEqual({ precision: 'week', earliest: '2024-07-22', latest: '2024-07-28' });
    expect(describeValue('199')).toEqual({ precision: 'decade', earliest: '1990-01-01', latest: '1999-12-31' });
    expect(describeValue('19')).toEqual({ precision: 'century', earliest: '1900-01-01', latest: '1999-12-31' });
    expect(describeValue('2024-07-19T06:56')).toEqual({ precision: 'time', earliest: '2024-07-19', latest: '2024-07-19' });
    expect(describeValue('XXXX-04')).toEqual({ precision: 'month', earliest: null, latest: null });
    expect(describeValue('PAST_REF')).toEqual({ precision: null, earliest: null, latest: null });
  });
});

describe('numbers and durations', () => {
  it('parses counts written in words and digits', () => {
    expect(parseNumber('twenty-four')).toBe(24);
    expect(parseNumber('a couple of')).toBe(2);
    expect(parseNumber('2 1/2')).toBe(2.5);
    expect(parseNumber('1,000')).toBe(1000);
    expect(parseNumber('several')).toBeNull();
  });

  it('writes TimeML durations, fractions in the next unit down', () => {
    expect(durationValue(20, 'M')).toBe('P20M');
    expect(durationValue(2, 'DE')).toBe('P2DE');
    expect(durationValue(3, 'H')).toBe('PT3H');
    expect(durationValue(2.5, 'Y')).toBe('P2Y6M');
    expect(durationValue(5.5, 'H')).toBe('PT5H30M');
    expect(durationValue(null, 'W')).toBe('PXW');
  });
});
