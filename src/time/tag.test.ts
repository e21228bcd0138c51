import { describe, expect, it } from 'vitest';
import type { PublishedDate } from '../article/article.ts';
import { anchorOf, tagTimes } from './index.ts';
import type { TimeMention } from './index.ts';

const day = (v: string): PublishedDate => ({ value: v, earliest: v, latest: v, basis: 'explicit', evidence: null });
const yearOnly = (y: string, earliest = `${y}-01-01`): PublishedDate => ({ value: y, earliest, latest: `${y}-12-31`, basis: 'inferred', evidence: null });
const UNKNOWN: PublishedDate = { value: null, earliest: null, latest: null, basis: 'unknown', evidence: null };

/** The mentions as [text, value] pairs, for compact assertions. */
function values(text: string, anchor: PublishedDate | null): Array<[string, string | null]> {
  return tagTimes(text, anchor).map((m) => [m.text, m.value]);
}

function one(text: string, anchor: PublishedDate | null, needle?: string): TimeMention {
  const all = tagTimes(text, anchor);
  const m = needle ? all.find((x) => x.text === needle) : all[0];
  if (!m) throw new Error(`no mention ${needle ?? ''} in ${JSON.stringify(all.map((x) => x.text))}`);
  return m;
}

// A Wednesday.
const WED = day('2025-03-12');

describe('tagTimes: offsets and text', () => {
  it('reports offsets into the input and the text at them', () => {
    const text = 'Officials met on Friday, then again in April 2025.';
    for (const m of tagTimes(text, WED)) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(values(text, WED)).toEqual([['Friday', '2025-03-07'], ['April 2025', '2025-04']]);
  });

  it('keeps offsets and text with curly quotes, dashes and non-Latin letters', () => {
    const text = 'Ukraine\u2019s push \u2014 \u201cthe turning point\u201d \u2014 began on Aug. 6; \u041a\u0438\u0457\u0432 said so in 2023\u201324.';
    const ms = tagTimes(text, day('2025-03-12'));
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(ms.map((m) => [m.text, m.value])).toEqual([['Aug. 6', '2024-08-06'], ['2023', '2023'], ['24', '2024']]);
  });

  it('finds nothing in text without time expressions', () => {
    expect(tagTimes('The committee approved the budget with broad support.', WED)).toEqual([]);
    expect(tagTimes('', WED)).toEqual([]);
  });
});

describe('tagTimes: absolute dates', () => {
  it('full dates in the usual orders, with their bounds', () => {
    const m = one('The accord was signed on March 14, 2025 in the capital.', null);
    expect(m).toMatchObject({ text: 'March 14, 2025', type: 'DATE', value: '2025-03-14', precision: 'day', earliest: '2025-03-14', latest: '2025-03-14', relative: false, resolved: true });
    expect(one('It opened on 29 October 2001.', null).value).toBe('2001-10-29');
    expect(one('It opened on Sept. 3, 1998.', null).value).toBe('1998-09-03');
    expect(one('Filed 2024-07-19 by the clerk.', null).value).toBe('2024-07-19');
    expect(one('Filed on 7/19/2024 by the clerk.', null).value).toBe('2024-07-19');
  });

  it('months with a year keep month precision', () => {
    expect(one('Production stopped in April 2025.', null)).toMatchObject({ value: '2025-04', precision: 'month', earliest: '2025-04-01', latest: '2025-04-30' });
  });

  it('bare years, with modifiers, and not counts or prices', () => {
    expect(values('The bridge opened in 1998 and closed in mid-2023.', null)).toEqual([['1998', '1998'], ['mid-2023', '2023']]);
    expect(values('Some 2000 soldiers and $2024 in fees.', null)).toEqual([]);
    expect(values('Sales between 1985 and 1987 grew.', null)).toEqual([['1985', '1985'], ['1987', '1987']]);
  });

  it('a year range gives two years, and a number range none', () => {
    expect(values('the 1950-53 conflict', null)).toEqual([['1950', '1950'], ['53', '1953']]);
    expect(values('10,000-12,000 volunteers', null)).toEqual([]);
  });

  it('decades and centuries', () => {
    expect(one('Prices soared in the 1990s.', null)).toMatchObject({ text: 'the 1990s', value: '199', precision: 'decade' });
    expect(one('Trade grew in the early 1980s.', null).value).toBe('198');
    expect(one('Built in the 19th century.', null)).toMatchObject({ value: '18', precision: 'century' });
  });

  it('quarters and halves with a year', () => {
    expect(one('Revenue in the first quarter of 2025 rose.', null)).toMatchObject({ value: '2025-Q1', precision: 'quarter', earliest: '2025-01-01', latest: '2025-03-31' });
    expect(one('Revenue in Q3 2024 rose.', null).value).toBe('2024-Q3');
    expect(one('Output in the second half of 2023 fell.', null).value).toBe('2023-H2');
  });

  it('seasons with a year', () => {
    expect(one('Talks broke down in the summer of 2023.', null)).toMatchObject({ value: '2023-SU', precision: 'season', earliest: '2023-06-01', latest: '2023-08-31' });
  });

  it('clock times take the day they are written with', () => {
    const m = one('Posted 6:56 AM EDT, July 19, 2024', null);
    expect(m).toMatchObject({ text: '6:56 AM EDT, July 19, 2024', type: 'TIME', value: '2024-07-19T06:56', precision: 'time', relative: false });
  });
});

describe('tagTimes: relative expressions against a day', () => {
  it('weekdays go to the past unless the sentence is in the future tense', () => {
    expect(one('The minister resigned on Friday.', WED).value).toBe('2025-03-07');
    expect(one('The vote will be held on Friday.', WED).value).toBe('2025-03-14');
    expect(one('The vote is set to take place on Friday.', WED).value).toBe('2025-03-14');
    expect(one('Talks collapsed last Wednesday.', WED).value).toBe('2025-03-05');
    expect(one('Talks resume next Monday.', WED).value).toBe('2025-03-17');
  });

  it('yesterday, today, tomorrow, tonight, last night', () => {
    expect(values('It rained yesterday, clears today and snows tomorrow.', WED)).toEqual([
      ['yesterday', '2025-03-11'], ['today', '2025-03-12'], ['tomorrow', '2025-03-13'],
    ]);
    expect(one('Strikes hit the city last night.', WED)).toMatchObject({ type: 'TIME', value: '2025-03-11TNI' });
  });

  it('a bare month is the most recent one, or the next one in the future tense', () => {
    expect(one('The ceasefire collapsed in April.', WED).value).toBe('2024-04');
    expect(one('The summit will take place in April.', WED).value).toBe('2025-04');
    expect(one('Prices peaked in March.', WED).value).toBe('2025-03');
  });

  it('a month with "last year" and a month with a year are two mentions', () => {
    expect(values('From August last year to January 2024, exports fell.', day('2024-07-19'))).toEqual([
      ['August last year', '2023-08'], ['January 2024', '2024-01'],
    ]);
  });

  it('a day of the month without a year is the nearer one when the tense does not say', () => {
    expect(one('Dividends are payable Nov. 15 to holders.', day('2025-10-20')).value).toBe('2025-11-15');
    expect(one('The board met Oct. 3 to review it.', day('2025-10-20')).value).toBe('2025-10-03');
  });

  it('last / this / next week, month, year', () => {
    expect(values('Last year, this year and next year; last week and this month.', WED)).toEqual([
      ['Last year', '2024'], ['this year', '2025'], ['next year', '2026'], ['last week', '2025-W10'], ['this month', '2025-03'],
    ]);
    expect(one('Sales rose earlier this year.', WED)).toMatchObject({ text: 'earlier this year', value: '2025', precision: 'year' });
    expect(one('A vote is due by the end of the year.', WED)).toMatchObject({ text: 'the end of the year', value: '2025' });
  });

  it('seasons: "last fall" is the previous year\'s, "this spring" the current one', () => {
    expect(one('Troops arrived last fall.', WED)).toMatchObject({ value: '2024-FA', precision: 'season', earliest: '2024-09-01', latest: '2024-11-30' });
    expect(one('Troops arrive this spring.', WED).value).toBe('2025-SP');
    expect(one('Fighting eased during the summer.', WED).value).toBe('2024-SU');
  });

  it('offsets: ago, earlier, later', () => {
    expect(values('It began three years ago, two months ago and 10 days ago.', WED)).toEqual([
      ['three years ago', '2022'], ['two months ago', '2025-01'], ['10 days ago', '2025-03-02'],
    ]);
    expect(one('The court ruled on March 3. Two days later, protests began.', WED, 'Two days later').value).toBe('2025-03-05');
  });

  it('quarters without a year go to the most recent one', () => {
    expect(one('Profit fell in the third quarter.', WED).value).toBe('2024-Q3');
    expect(one('Profit fell in the first quarter.', day('2025-04-20')).value).toBe('2025-Q1');
  });

  it('"a year ago" after a quarter is that quarter a year before', () => {
    expect(values('Profit rose in the first quarter of 2025 from a year ago.', day('2025-04-20'))).toEqual([
      ['the first quarter of 2025', '2025-Q1'], ['a year ago', '2024-Q1'],
    ]);
  });

  it('anaphora: the next day, that day', () => {
    expect(values('The court ruled on March 3. The next day, protests began.', WED)).toEqual([
      ['March 3', '2025-03-03'], ['The next day', '2025-03-04'],
    ]);
  });

  it('time of day merges with its day', () => {
    expect(one('The blast came at 10 p.m. Wednesday.', day('2024-07-20'))).toMatchObject({ text: '10 p.m. Wednesday', type: 'TIME', value: '2024-07-17T22:00' });
    expect(one('Shelling resumed Friday morning.', WED)).toMatchObject({ type: 'TIME', value: '2025-03-07TMO' });
  });

  it('holidays', () => {
    expect(one('Shops were quiet at Christmas.', WED).value).toBe('2024-12-25');
    expect(one('Shops were quiet on Thanksgiving Day.', WED).value).toBe('2024-11-28');
    expect(one('Easter 2024 fell in March.', WED, 'Easter 2024').value).toBe('2024-03-31');
  });
});

describe('tagTimes: reference words, durations, sets', () => {
  it('PAST_REF, PRESENT_REF, FUTURE_REF', () => {
    expect(values('In the last few months, officials recently said it was now and currently calm.', WED)).toEqual([
      ['the last few months', 'PAST_REF'], ['recently', 'PAST_REF'], ['now', 'PRESENT_REF'], ['currently', 'PRESENT_REF'],
    ]);
    expect(one('Prices will rise in the near future.', WED).value).toBe('FUTURE_REF');
  });

  it('does not read buttons as times', () => {
    expect(tagTimes('Buy Now', WED)).toEqual([]);
  });

  it('durations in TimeML units', () => {
    expect(values('The war has lasted nearly 20 months and the group has ruled for nearly two decades.', WED)).toEqual([
      ['nearly 20 months', 'P20M'], ['nearly two decades', 'P2DE'],
    ]);
    expect(one('The talks took 5 1/2 hours.', WED).value).toBe('PT5H30M');
    expect(one('A two-year contract.', WED).value).toBe('P2Y');
    expect(one('Over the past two weeks prices fell.', WED)).toMatchObject({ text: 'the past two weeks', type: 'DURATION', value: 'P2W' });
    expect(one('It will take a couple of years.', WED).value).toBe('P2Y');
    expect(one('For several months nothing moved.', WED).value).toBe('PXM');
  });

  it('ages are not durations', () => {
    expect(tagTimes('The 52-year-old was 52 years old.', WED)).toEqual([]);
  });

  it('sets', () => {
    expect(values('Every day, each year, daily, twice a year and on Mondays.', WED)).toEqual([
      ['Every day', 'P1D'], ['each year', 'P1Y'], ['daily', 'P1D'], ['a year', 'P1Y'], ['Mondays', 'XXXX-WXX-1'],
    ]);
    for (const m of tagTimes('Every day and on Mondays.', WED)) expect(m.type).toBe('SET');
  });
});

describe('tagTimes: imprecise and missing anchors', () => {
  it('with a year-only anchor, a bare month takes that year and a weekday stays unresolved', () => {
    const a = yearOnly('2025', '2025-04-01');
    expect(one('In April, troops arrived.', a)).toMatchObject({ value: '2025-04', precision: 'month', resolved: true, relative: true });
    const fri = one('The minister met him on Friday.', a);
    expect(fri).toMatchObject({ value: 'XXXX-XX-XX', resolved: false, relative: true, earliest: null, latest: null });
    expect(one('The rains came yesterday.', a)).toMatchObject({ value: 'XXXX-XX-XX', resolved: false });
    expect(one('Sales fell last month.', a)).toMatchObject({ value: 'XXXX-XX', resolved: false });
    expect(one('It happened three years ago.', a).value).toBe('2022');
  });

  it('with no anchor (null or basis unknown), relative expressions keep placeholders', () => {
    for (const a of [null, UNKNOWN]) {
      expect(values('In April, troops arrived; yesterday it rained; last year was worse.', a)).toEqual([
        ['April', 'XXXX-04'], ['yesterday', 'XXXX-XX-XX'], ['last year', 'XXXX'],
      ]);
      for (const m of tagTimes('In April and on Friday.', a)) expect(m).toMatchObject({ relative: true, resolved: false, earliest: null });
    }
    // Absolute expressions need no anchor.
    expect(one('It began in March 2022.', null)).toMatchObject({ value: '2022-03', relative: false, resolved: true });
  });

  it('anchorOf reads a publication date as bounds', () => {
    expect(anchorOf(day('2024-07-19'))).toEqual({ precision: 'day', lo: { y: 2024, m: 7, d: 19 }, hi: { y: 2024, m: 7, d: 19 } });
    expect(anchorOf(yearOnly('2025', '2025-04-01'))).toEqual({ precision: 'year', lo: { y: 2025, m: 4, d: 1 }, hi: { y: 2025, m: 12, d: 31 } });
    expect(anchorOf(UNKNOWN)).toBeNull();
    expect(anchorOf(null)).toBeNull();
    expect(anchorOf({ value: null, earliest: '2025-04-01', latest: '2025-06-30', basis: 'inferred', evidence: null })?.precision).toBe('year');
  });
});
