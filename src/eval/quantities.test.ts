import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../test/seeds.ts';
import type { Figure } from '../figures/index.ts';
import { evalQuantities, figureValue, matchSentence, parseGoldValue, scoredFigures, valuesMatch, type GoldQuantity } from './quantities.ts';

const gold = (value: string, unit = '-', normalized = unit): GoldQuantity => ({ value, unit, normalized_unit: normalized, change: '=' });
const fig = (low: number | null, high: number | null, unit: string | null): Figure => ({
  text: '', start: 0, end: 0, low, high, unit, approx: false, bound: '=', kind: 'count', period: null, attribution: null, sentence: '',
});

describe('NewsQuant matching', () => {
  it('parses gold values as CQE does', () => {
    expect(parseGoldValue('1600000.0')).toBe(1.6e6);
    expect(parseGoldValue('-130')).toBe(-130);
    expect(parseGoldValue('1.99E-29')).toBeCloseTo(1.99e-29, 35);
    expect(parseGoldValue('10000-12000')).toEqual([10000, 12000]);
    expect(parseGoldValue('3.0 - 4.0')).toEqual([3, 4]);
  });

  it('matches numbers with numpy.isclose tolerance, ranges as unordered pairs, never a range with a single value', () => {
    expect(valuesMatch(1 / 3, 0.333333333333)).toBe(true);
    expect(valuesMatch(1600000, 1600001)).toBe(true);
    expect(valuesMatch(1600000, 1600100)).toBe(false);
    expect(valuesMatch([4.8, 4.7], [4.7, 4.8])).toBe(true);
    expect(valuesMatch([3, 5], 3)).toBe(false);
    expect(figureValue(fig(70, null, null))).toBe(70);
    expect(figureValue(fig(null, 400, null))).toBe(400);
    expect(figureValue(fig(10, 12, null))).toEqual([10, 12]);
  });

  it('counts each gold and each figure once, preferring value+unit pairs', () => {
    // Two golds of the same value, one figure: one value TP only.
    expect(matchSentence([gold('0.5', 'WAR'), gold('0.5', 'WAR')], [fig(0.5, 0.5, 'WAR')])).toEqual({ value: 1, valueUnit: 1 });
    // The unit-matching figure is paired first even when it comes second.
    expect(matchSentence([gold('5', 'percent', 'percentage')], [fig(5, 5, 'years'), fig(5, 5, '%')])).toEqual({ value: 1, valueUnit: 1 });
    expect(matchSentence([gold('5', 'percent', 'percentage'), gold('5', 'years', 'year')], [fig(5, 5, '%'), fig(5, 5, 'years')])).toEqual({ value: 2, valueUnit: 2 });
    expect(matchSentence([gold('13000.0', 'workers', 'worker')], [fig(13000, 13000, 'employees')])).toEqual({ value: 1, valueUnit: 0 });
  });

  it('leaves out ratios written without a number', () => {
    expect(scoredFigures('Sales doubled.')).toEqual([]);
    expect(scoredFigures('It trades at 6.5 times earnings.').map((f) => f.factor)).toEqual([6.5]);
  });
});

const NEWSQUANT = join(SHARED_DATA, 'quantities', 'newsquant-dev.json');
describe.skipIf(!existsSync(NEWSQUANT))('eval quantities on NewsQuant dev (../shared)', () => {
  it('reports the contract fields and meets the targets (value F1 ≥ 0.92, value+unit F1 ≥ 0.86)', () => {
    const r = evalQuantities(NEWSQUANT);
    expect(r).toMatchObject({ task: 'quantities', items: 295, gold: 461 });
    for (const k of ['precision', 'recall', 'f1'] as const) {
      expect(r[k]).toBe(r.value[k]);
      expect(typeof r.valueUnit[k]).toBe('number');
    }
    expect(r.value.f1).toBeGreaterThanOrEqual(0.92);
    expect(r.valueUnit.f1).toBeGreaterThanOrEqual(0.86);
  }, 60_000);
});
