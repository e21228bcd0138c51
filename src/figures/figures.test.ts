import { describe, expect, it } from 'vitest';
import { SKIP_REASON, hasSeeds, seedText } from '../../test/seeds.ts';
import { claimValue, extractFigures, unitKey, unitsMatch, type Figure } from './index.ts';

/** Figures of a single sentence (no sentence splitting), by text. */
function figs(text: string): Figure[] {
  return extractFigures(text, { sentences: [{ text, start: 0, end: text.length }] });
}
function one(text: string, worded: string): Figure {
  const f = figs(text).find((x) => x.text === worded);
  if (!f) throw new Error(`no figure "${worded}" in: ${JSON.stringify(figs(text).map((x) => x.text))}`);
  return f;
}

describe('values', () => {
  it('reads digits with scales, written numbers and fractions', () => {
    expect(one('Nearly 5 million people fled.', 'Nearly 5 million people')).toMatchObject({ low: 5e6, high: 5e6, unit: 'people', approx: true, bound: '~', kind: 'count' });
    expect(one('It got about 1.6 million shells.', 'about 1.6 million shells')).toMatchObject({ low: 1.6e6, unit: 'shells' });
    expect(one('A dozen officials came.', 'A dozen officials')).toMatchObject({ low: 12, unit: 'officials' });
    expect(one('Twenty-five people and three hundred and twenty cars.', 'three hundred and twenty cars')).toMatchObject({ low: 320, unit: 'cars' });
    expect(one('There were 4 hundred million people.', '4 hundred million people')).toMatchObject({ low: 4e8 });
    expect(one('It took two-and-a-half months.', 'two-and-a-half months')).toMatchObject({ low: 2.5, unit: 'months', kind: 'measure' });
    expect(one('Nearly two-thirds of the sales.', 'Nearly two-thirds of the sales')).toMatchObject({ kind: 'fraction', bound: '~' });
    expect(one('One out of three Germans have problems.', 'One out of three Germans').low).toBeCloseTo(1 / 3, 6);
    expect(one('One fluid ounce is 1/16 of a US pint.', '1/16 of a US pint')).toMatchObject({ low: 0.0625, kind: 'fraction' });
  });

  it('reads vague plurals as ranges (NewsQuant: dozens = 12-120)', () => {
    expect(one('Dozens of people were killed.', 'Dozens of people')).toMatchObject({ low: 12, high: 120, unit: 'people' });
    expect(one('Tens of thousands of students study there.', 'Tens of thousands of students')).toMatchObject({ low: 1e4, high: 1e5 });
    expect(one('It may be tens of millions of dollars.', 'tens of millions of dollars')).toMatchObject({ low: 1e7, high: 1e8, unit: '$', kind: 'money' });
  });

  it('reads ranges, including a scale written once', () => {
    expect(one('They sent 10,000-12,000 troops.', '10,000-12,000 troops')).toMatchObject({ low: 10000, high: 12000, unit: 'troops', bound: '=' });
    expect(one('Between 3 and 5 people died.', 'Between 3 and 5 people')).toMatchObject({ low: 3, high: 5, unit: 'people' });
    expect(one('There are 1 to 2 thousand people.', '1 to 2 thousand people')).toMatchObject({ low: 1000, high: 2000 });
    expect(one('Homes cost $370,000 to $5.5 million.', '$370,000 to $5.5 million')).toMatchObject({ low: 370000, high: 5.5e6, unit: '$' });
    expect(one('Prices rise between 5% and 6%.', 'between 5% and 6%')).toMatchObject({ low: 5, high: 6, unit: '%' });
    expect(one('Temperatures dropped by 1 to 1.5 degrees Celsius.', '1 to 1.5 degrees Celsius')).toMatchObject({ low: 1, high: 1.5, unit: '°C' });
    expect(one('It needs a 40- to 60-hour course.', '40- to 60-hour')).toMatchObject({ low: 40, high: 60, unit: 'hours' });
  });

  it('keeps a change and a level apart', () => {
    const f = figs('The deficit increased by $43.6 billion to $419.2 billion.');
    expect(f.map((x) => [x.low, x.change ?? null])).toEqual([[43.6e9, 'up'], [419.2e9, null]]);
    expect(figs('Shares rose 9.4 per cent to $84.').map((x) => [x.low, x.unit])).toEqual([[9.4, '%'], [84, '$']]);
  });
});

describe('qualifiers and bounds', () => {
  it('maps qualifiers to a bound and an open interval', () => {
    expect(one('They took more than 70 settlements.', 'more than 70 settlements')).toMatchObject({ low: 70, high: null, bound: '>', approx: true });
    expect(one('It creates up to 400 jobs.', 'up to 400 jobs')).toMatchObject({ low: null, high: 400, bound: '<=' });
    expect(one('Fewer than 400 jobs remain.', 'Fewer than 400 jobs')).toMatchObject({ high: 400, bound: '<' });
    expect(one('Wavelengths at least 2.4 μm long.', 'at least 2.4 μm')).toMatchObject({ low: 2.4, bound: '>=', unit: 'µm' });
    expect(one('Anyone 21 or older can buy it.', '21 or older')).toMatchObject({ low: 21, bound: '>=' });
    expect(one('It was exactly $2000.', 'exactly $2000')).toMatchObject({ low: 2000, approx: false, bound: '=' });
  });

  it('does not read a preposition as "more than"', () => {
    expect(one('They established control over 82 settlements.', '82 settlements')).toMatchObject({ bound: '=', approx: false });
  });
});

describe('units and counted nouns', () => {
  it('finds measures, money and percentages', () => {
    expect(one('It covers 1,150 square kilometers.', '1,150 square kilometers')).toMatchObject({ unit: 'km²', kind: 'measure' });
    expect(one('It drives at 120 km/h.', '120 km/h').unit).toBe('km/h');
    expect(one('It cost $13.6M.', '$13.6M')).toMatchObject({ low: 13.6e6, unit: '$', kind: 'money' });
    expect(one('A fine of 10.5 million Australian dollars.', '10.5 million Australian dollars')).toMatchObject({ low: 10.5e6, unit: 'A$' });
    expect(one('It was worth USD10m.', 'USD10m')).toMatchObject({ low: 1e7, unit: 'US$' });
    expect(one('Oil was up 19 cents at US $58.24 per barrel.', 'US $58.24 per barrel')).toMatchObject({ low: 58.24, unit: 'US$ per barrel' });
    expect(one('They pay a $3500 a month mortgage.', '$3500 a month').unit).toBe('$ per month');
    expect(one('Revenue rose to $7.36 billion from $6.78 billion a year earlier.', '$6.78 billion').unit).toBe('$');
    expect(one('It rose 60 per cent.', '60 per cent')).toMatchObject({ unit: '%', kind: 'percent', change: 'up' });
    expect(one('It produces 450 Nm of torque.', '450 Nm').unit).toBe('Nm');
    expect(one('The site is 37m long.', '37m').unit).toBe('m');
    expect(one('Some 2.5m people voted.', 'Some 2.5m people')).toMatchObject({ low: 2.5e6, unit: 'people' });
  });

  it('takes the head of the noun phrase, dropping adjectives, stopping at verbs', () => {
    expect(one('North Korea sent around 3,000 additional troops to Russia.', 'around 3,000 additional troops').unit).toBe('troops');
    expect(one('It received approximately 1.6 million artillery shells.', 'approximately 1.6 million artillery shells').unit).toBe('artillery shells');
    expect(one('A survey of seven European countries conducted in Germany.', 'seven European countries').unit).toMatch(/countries$/);
    expect(one('Among his approximately 300 recorded songs were hits.', 'approximately 300 recorded songs').unit).toBe('songs');
    expect(one('He repaired dozens of Kia and Hyundai vehicles.', 'dozens of Kia and Hyundai vehicles').unit).toBe('Kia and Hyundai vehicles');
    expect(one('It was one of the most spectacular catches ever.', 'one of the most spectacular catches').unit).toMatch(/catches$/);
    expect(one('It includes a 500-seat auditorium.', '500-seat').unit).toBe('seat');
  });

  it('compares units leniently', () => {
    expect(unitKey('per cent')).toBe(unitKey('%'));
    expect(unitKey('percentage')).toBe('%');
    expect(unitsMatch('US$', 'dollar')).toBe(true);
    expect(unitsMatch('$', 'USD')).toBe(true);
    expect(unitsMatch('troops', 'additional troops')).toBe(true);
    expect(unitsMatch('bosses', 'different boss')).toBe(true);
    expect(unitsMatch('km/h', 'kilometre per hour')).toBe(true);
    expect(unitsMatch('¢ per share', 'cents per share')).toBe(true);
    expect(unitsMatch('$ per barrel', 'dollar per barrel')).toBe(true);
    expect(unitsMatch('$ per barrel', '$')).toBe(false);
    expect(unitsMatch('km²', 'square kilometers')).toBe(true);
    expect(unitsMatch(null, '-')).toBe(true);
    expect(unitsMatch('miles', 'km')).toBe(false);
  });
});

describe('relative figures', () => {
  it('reads ratios and word ratios', () => {
    expect(one('This figure could be three times higher.', 'three times higher')).toMatchObject({ kind: 'ratio', factor: 3, low: 3, unit: 'times' });
    expect(one('Sales doubled last year.', 'doubled')).toMatchObject({ kind: 'ratio', factor: 2 });
    expect(one('Costs were halved.', 'halved')).toMatchObject({ kind: 'ratio', factor: 0.5 });
    expect(one('The stock trades on 6.5 times earnings.', '6.5 times')).toMatchObject({ kind: 'ratio', factor: 6.5 });
    expect(figs('He visited three times.').filter((f) => f.kind === 'ratio')).toEqual([]);
    expect(figs('Greenwood scored twice.')).toEqual([]);
    expect(figs('Sales doubled.', ).length).toBe(1);
    expect(extractFigures('Sales doubled.', { wordRatios: false })).toEqual([]);
  });

  it('reads fractions and changes', () => {
    expect(one('More than half of the missiles failed.', 'More than half of the missiles')).toMatchObject({ kind: 'fraction', low: 0.5, high: null, bound: '>', unit: 'missiles' });
    expect(one('It was a sharp 3 percent drop.', '3 percent')).toMatchObject({ change: 'down' });
    expect(one('It posted a 5% increase.', '5%')).toMatchObject({ change: 'up' });
    expect(one('Dow +0.2% at noon.', '+0.2%')).toMatchObject({ low: 0.2, change: 'up' });
  });
});

describe('numbers that are not figures', () => {
  it('skips years, dates, times, phone numbers, list numbers, names and scores', () => {
    expect(figs('The 1950-53 Korean War and the 2001 treaty; in 2023 and since 1991.')).toEqual([]);
    expect(figs('It started on July 6, 2024 at 6:56 AM EDT and on 29 October 2025.')).toEqual([]);
    expect(figs('Call (555) 123-4567 or +44 20 7946 0958 before 5 p.m.')).toEqual([]);
    expect(figs('1. The first point is here.')).toEqual([]);
    expect(figs('The Group of 20, Covid-19, the F-16, the XC40, the iPhone 11, the FTSE 100 and No. 10-277.')).toEqual([]);
    expect(figs('At 2-0 down they drew 89-89; the House voted 396-9.')).toEqual([]);
    expect(figs('The 1990s, the 96th minute, version 3.0.1 and 9/11.')).toEqual([]);
    expect(figs('Senard, 65, now faces it at 575 Wilbraham Road.')).toEqual([]);
    expect(figs('No one came and the same one left; on one hand it is fine.')).toEqual([]);
  });

  it('keeps numbers that look like years when a unit says otherwise', () => {
    expect(one('The engine peaks at 3000 rpm.', '3000 rpm').unit).toBe('rpm');
    expect(one('The price was $2019.', '$2019').low).toBe(2019);
  });
});

describe('period and attribution', () => {
  it('takes the nearest period phrase in the sentence', () => {
    expect(one('Between August 2023 and January 2024, Russia received approximately 1.6 million shells.', 'approximately 1.6 million shells').period)
      .toBe('Between August 2023 and January 2024');
    expect(one('North Korea dispatched 10,000-12,000 troops to Russia last fall in its first war since the 1950-53 Korean War.', '10,000-12,000 troops').period).toBe('last fall');
    expect(one('In the span of one week, forces captured more than 70 settlements.', 'more than 70 settlements').period).toBe('In the span of one week');
    expect(one('The index was up about 19 per cent for the year ending Oct. 31.', 'about 19 per cent').period).toBe('for the year ending Oct. 31');
  });

  it('credits named sources over anonymous ones, never a pronoun', () => {
    expect(one('Reports indicate that Russia received 1.6 million shells, according to the Center for Advanced Defense Studies (C4ADS).', '1.6 million shells').attribution)
      .toBe('Center for Advanced Defense Studies (C4ADS)');
    expect(one('But US, South Korean and Ukraine intelligence officials earlier said North Korea dispatched 10,000 troops.', '10,000 troops').attribution)
      .toBe('US, South Korean and Ukraine intelligence officials');
    expect(one('South Korean intelligence suggests that Pyongyang supplied nearly 5 million shells.', 'nearly 5 million shells').attribution).toBe('South Korean intelligence');
    expect(one('Ukrainian forces reportedly captured more than 70 settlements.', 'more than 70 settlements').attribution).toBe('reportedly');
    expect(one('The flight will cost $1 million, the official said.', '$1 million').attribution).toBe('the official');
    expect(one('He said it would cost $1 million.', '$1 million').attribution).toBeNull();
    expect(one('Ford, which has 13,000 workers in the United Kingdom, has estimated a loss.', '13,000 workers').attribution).toBeNull();
  });
});

describe('offsets', () => {
  it('gives offsets into the whole text and the sentence', () => {
    const text = 'First sentence here.\n\nThey sent approximately 12,000 troops to Russia.';
    const [f] = extractFigures(text);
    expect(f).toBeDefined();
    expect(text.slice(f!.start, f!.end)).toBe('approximately 12,000 troops');
    expect(f!.sentence).toBe('They sent approximately 12,000 troops to Russia.');
  });
});

describe.skipIf(!hasSeeds)('seed corpus figures (EXPECTED.md section 6)', () => {
  if (!hasSeeds) it.skip(SKIP_REASON, () => {});
  const find = (prefix: string, worded: string): Figure => {
    const f = extractFigures(seedText(prefix)).find((x) => x.text === worded);
    if (!f) throw new Error(`${prefix}: no figure "${worded}"`);
    return f;
  };

  it('001: shells, settlements and territory with their periods and sources', () => {
    expect(find('001', 'approximately 1.6 million artillery shells')).toMatchObject({
      low: 1.6e6, high: 1.6e6, unit: 'artillery shells', approx: true, period: 'between August 2023 and January 2024',
    });
    expect(find('001', 'approximately 1.6 million artillery shells').attribution).toMatch(/Center for Advanced Defense Studies.*C4ADS/);
    expect(find('001', 'nearly 5 million artillery shells')).toMatchObject({ low: 5e6, unit: 'artillery shells', approx: true, attribution: 'South Korean intelligence' });
    expect(find('001', 'more than 70 settlements')).toMatchObject({ low: 70, high: null, bound: '>', unit: 'settlements' });
    expect(find('001', 'over 1,000 square kilometers')).toMatchObject({ low: 1000, bound: '>', unit: 'km²' });
    expect(find('001', 'over 1,000 square kilometers').period).toContain('one week');
  });

  it('003: the C4ADS count and "three times higher"', () => {
    expect(find('003', 'approximately 1.6 million artillery shells')).toMatchObject({ low: 1.6e6, approx: true, period: 'from August last year to January 2024' });
    expect(find('003', 'approximately 1.6 million artillery shells').attribution).toContain('C4ADS');
    expect(find('003', 'three times higher')).toMatchObject({ kind: 'ratio', factor: 3, attribution: 'South Korean intelligence' });
  });

  it('002 and 004: troops', () => {
    expect(find('002', 'approximately 12,000 troops')).toMatchObject({ low: 12000, high: 12000, approx: true, unit: 'troops', period: 'in the last few months' });
    expect(find('004', '10,000-12,000 troops')).toMatchObject({
      low: 10000, high: 12000, unit: 'troops', period: 'last fall', attribution: 'US, South Korean and Ukraine intelligence officials',
    });
    expect(find('004', 'around 3,000 additional troops')).toMatchObject({ low: 3000, unit: 'troops', approx: true, period: 'earlier this year' });
  });

  it('000: settlements, area and "more than half"', () => {
    expect(find('000', '82 settlements')).toMatchObject({ low: 82, high: 82, approx: false, unit: 'settlements' });
    expect(find('000', '1,150 square kilometers')).toMatchObject({ low: 1150, unit: 'km²' });
    expect(find('000', 'more than half of North Korean missiles')).toMatchObject({ kind: 'fraction', low: 0.5, bound: '>' });
  });

  it('takes no year for a figure', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const values = extractFigures(seedText(prefix)).flatMap((f) => [f.low, f.high]);
      for (const y of [2023, 2024, 2025, 1950, 1953, 53, 2001, 2000, 2022]) expect(values, `${prefix} has ${y}`).not.toContain(y);
    }
  });
});

describe('claimValue', () => {
  it('maps a figure to the report contract', () => {
    const f = one('They sent approximately 12,000 troops last fall.', 'approximately 12,000 troops');
    expect(claimValue(f, ['a0123456789abcdef'])).toEqual({
      text: 'approximately 12,000 troops', low: 12000, high: 12000, unit: 'troops', approx: true,
      attribution: null, period: 'last fall', articleIds: ['a0123456789abcdef'],
    });
  });
});
