import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../test/seeds.ts';
import { cleanevalGold, evalExtraction, shingleMatch, shingleScores, shingles } from './extraction.ts';

describe('the shingle metric', () => {
  it('counts lower-cased 4-token shingles as a multiset', () => {
    expect([...shingles('The cat sat on the mat').entries()]).toEqual([
      ['the cat sat on', 1], ['cat sat on the', 1], ['sat on the mat', 1],
    ]);
    expect([...shingles('one two').entries()]).toEqual([['one two', 1]]);
  });

  it('normalises per-page TP/FP/FN to sum to 1', () => {
    const [tp, fp, fn] = shingleMatch('a b c d e f', 'a b c d e f g h');
    expect(tp + fp + fn).toBeCloseTo(1, 10);
    expect(fn).toBe(0);
    expect(tp / (tp + fp)).toBeCloseTo(3 / 5, 10);
  });

  it('averages precision and recall over pages, F1 of the averages, accuracy = exact pages', () => {
    const s = shingleScores([shingleMatch('a b c d e', 'a b c d e'), shingleMatch('a b c d e f', 'x y z w v u')]);
    expect(s.precision).toBeCloseTo(0.5, 10);
    expect(s.recall).toBeCloseTo(0.5, 10);
    expect(s.f1).toBeCloseTo(0.5, 10);
    expect(s.accuracy).toBe(0.5);
  });

  it('reads CleanEval gold: no URL line, no block markers, entities decoded', () => {
    expect(cleanevalGold('URL: http://example.org/x\n<p>Caf&eacute; &#8217;s &amp; more\n<h>Title')).toBe('Caf\u00e9 \u2019s & more\n Title');
  });
});

const SCRAPINGHUB = join(SHARED_DATA, 'extraction', 'scrapinghub');
describe.skipIf(!existsSync(SCRAPINGHUB))('eval extraction on scrapinghub (../shared)', () => {
  it('reports the contract fields and beats the Readability.js baseline it runs alongside', () => {
    const r = evalExtraction('scrapinghub', SCRAPINGHUB, { compare: 'readability' }) as unknown as Record<string, number> & { baseline: { f1: number } };
    expect(r).toMatchObject({ task: 'extraction', format: 'scrapinghub', items: 181 });
    for (const k of ['precision', 'recall', 'f1', 'accuracy', 'pagesPerSecond']) expect(typeof r[k]).toBe('number');
    // The baseline reproduces the published 0.947 for Readability.js on this set.
    expect(r.baseline.f1).toBeCloseTo(0.947, 2);
    expect(r.f1!).toBeGreaterThan(r.baseline.f1);
  }, 120_000);
});
