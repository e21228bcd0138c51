/** Publication dates inferred from the text: past-tense mentions bound the date. Sentences written for these tests. */
import { describe, expect, it } from 'vitest';
import { absoluteDates, inferPublished, reportsPast } from './published.ts';

const TEXT = [
  'The pier was closed on March 3, 2020 after the storm.',
  'The council will reopen it by June 1, 2020.',
  'The new timetable starts in 2021.',
].join(' ');

describe('inferred publication dates', () => {
  it('reads every absolute date, or only those in the sentences kept', () => {
    expect(absoluteDates(TEXT).map((d) => d.value)).toEqual(['2020-03-03', '2020-06-01', '2021']);
    expect(absoluteDates(TEXT, reportsPast).map((d) => d.value)).toEqual(['2020-03-03']);
  });

  it('bounds the date by the latest mention reported in the past tense, not a planned one', () => {
    expect(inferPublished(TEXT)).toMatchObject({ basis: 'inferred', value: null, earliest: '2020-03-03' });
  });
});
