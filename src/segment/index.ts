export { segment, childId, DEFAULT_MIN_SEGMENT_WORDS, type SegmentOptions } from './segment.ts';
