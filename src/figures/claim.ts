/** A figure as a report `ClaimValue` (src/report/schema.ts), for the claims of a story. */
import type { ArticleId, ClaimValue } from '../report/schema.ts';
import type { Figure } from './types.ts';

export function claimValue(figure: Figure, articleIds: ArticleId[]): ClaimValue {
  return {
    text: figure.text,
    low: figure.low,
    high: figure.high,
    unit: figure.unit,
    approx: figure.approx,
    attribution: figure.attribution,
    period: figure.period,
    articleIds,
  };
}
