export { groupAndStore, storyId, DEFAULT_JOIN_THRESHOLD, type GroupOptions, type GroupOutcome } from './group.ts';
export { termCounts, vectorize, stem, DEFAULT_VECTOR_TERMS } from './features.ts';
