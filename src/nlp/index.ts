export { sentenceSpans, wink, type Span } from './wink.ts';
