/** Shared precision / recall / F1 helpers for the evaluation commands. */

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** Rounds to 4 decimals (the precision every evaluation reports). */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Precision, recall and F1 from true positives, false positives and false negatives, each rounded
 * to 4 decimals. A ratio whose denominator is 0 is 0 (nothing predicted, or nothing to find).
 */
export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: round4(precision), recall: round4(recall), f1: round4(f1) };
}
