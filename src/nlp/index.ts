export { ABBREVIATIONS, lineBounds, paragraphSentences, sentenceSpans, type QuoteBounds, type Span } from './sentences.ts';
export { wink } from './wink.ts';
