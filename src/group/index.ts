export { clusterRows, eventDates, eventId, eventSimilarity, applyGroup, groupAndStore, planGroup, reconcile, representative, storyId, CANDIDATES, EVENT_THRESHOLD, EVENT_WINDOW_DAYS, EXACT_LIMIT, STORY_THRESHOLD, type GroupOptions, type GroupOutcome, type GroupPlan } from './group.ts';
export { cosine, rarity, stem, termCounts, vectorize, DEFAULT_VECTOR_TERMS } from './features.ts';
export { daysApart, gapDays, groupFeatures, similarity, DEFAULT_SIGNALS, WINDOW_DAYS, type GroupFeatures, type SignalWeights } from './similarity.ts';
export { bands, minhash, resemblance, DUPLICATE_JACCARD } from './duplicates.ts';
export { averageLink, type Edge } from './hac.ts';
