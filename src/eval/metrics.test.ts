import { describe, expect, it } from 'vitest';
import { prf } from './metrics.ts';

describe('prf', () => {
  it('computes precision, recall and F1 rounded to 4 decimals', () => {
    expect(prf(2, 1, 1)).toEqual({ precision: 0.6667, recall: 0.6667, f1: 0.6667 });
    expect(prf(3, 1, 2)).toEqual({ precision: 0.75, recall: 0.6, f1: 0.6667 });
    expect(prf(1, 0, 0)).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('is 0 where a denominator is 0', () => {
    expect(prf(0, 0, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(prf(0, 3, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
