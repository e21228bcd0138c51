import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../test/seeds.ts';
import { clusterScores, evalClustering, loadWikiref } from './clustering.ts';

describe('cluster scores', () => {
  it('is perfect for the gold partition, whatever the label names', () => {
    const s = clusterScores(['a', 'a', 'b', 'c'], ['x', 'x', 'y', 'z']);
    expect(s.pairwise).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('computes pairwise and BCubed for a merge', () => {
    // gold {1,2} {3}; predicted all three together: 1 true pair of 3 predicted pairs.
    const s = clusterScores(['a', 'a', 'b'], ['x', 'x', 'x']);
    expect(s.pairwise.precision).toBeCloseTo(1 / 3, 4);
    expect(s.pairwise.recall).toBe(1);
    // BCubed precision: docs 1,2 → 2/3 each, doc 3 → 1/3; mean 5/9.
    expect(s.bcubed.precision).toBeCloseTo(5 / 9, 4);
    expect(s.bcubed.recall).toBe(1);
  });
});

const WIKIREF = join(SHARED_DATA, 'clustering', 'wikiref220');
describe.skipIf(!existsSync(WIKIREF))('eval clustering on wikiref220 (../shared)', () => {
  it('reads labels from file names and reports the contract fields', async () => {
    const docs = loadWikiref(WIKIREF);
    expect(docs).toHaveLength(220);
    expect(new Set(docs.map((d) => d.label)).size).toBe(16);
    const r = (await evalClustering('wikiref', WIKIREF, { compare: 'tfidf' })) as Record<string, unknown>;
    expect(r).toMatchObject({ task: 'clustering', format: 'wikiref', items: 220 });
    for (const k of ['pairwise', 'bcubed', 'baseline']) expect(r[k]).toBeTruthy();
    expect(r.f1).toBe((r.bcubed as { f1: number }).f1);
  }, 120_000);
});
