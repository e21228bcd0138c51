/**
 * The briefing's properties on basil-dev (issue 6): every story's briefing cites at least two of its
 * three outlets, states no number that its articles do not contain, and flags the figures the
 * outlets disagree on.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../test/seeds.ts';
import { evalBriefing, numbersIn } from './briefing.ts';

const BASIL = `${SHARED_DATA}/clustering/basil-dev`;

describe('numbersIn', () => {
  it('reads numbers as written and leaves resolved dates aside', () => {
    expect(numbersIn('About 1,200 people (2012) and 3.5% in 2024-06, not 7')).toEqual(['1,200', '3.5', '7']);
  });
});

describe.skipIf(!existsSync(BASIL))('briefings on basil-dev', () => {
  it('cite two outlets, state only the articles\u2019 numbers, and flag disputes', () => {
    const r = evalBriefing(BASIL);
    expect(r.items).toBe(50);
    expect(r.failures).toEqual([]);
    expect(r.citesTwoOutlets).toBe(1);
    expect(r.unsupportedFigures).toBe(0);
    expect(r.storiesWithDisputes).toBeGreaterThan(0);
    expect(r.disputesFlagged).toBe(1);
    expect(r.maxWords).toBeLessThanOrEqual(250);
  }, 120_000);
});
