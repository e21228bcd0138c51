export { extractQuotes } from './extract.ts';
export { findQuotes } from './marks.ts';
export type { QuoteSpan } from './marks.ts';
export type { QuoteMention, QuoteOptions } from './types.ts';
