export { daysApart, groupAndStore, storyId, DEFAULT_FAR_THRESHOLD, DEFAULT_JOIN_THRESHOLD, DEFAULT_WINDOW_DAYS, type GroupOptions, type GroupOutcome } from './group.ts';
export { cosine, rarity, stem, termCounts, vectorize, DEFAULT_VECTOR_TERMS } from './features.ts';
