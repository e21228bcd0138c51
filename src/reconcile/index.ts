export { APPROX_TOLERANCE, reconcileFigures, statusOf, type ClaimOut, type ClaimValueOut } from './claims.ts';
export { buildTimeline, describeDate, type Timeline, type TimelineEvent } from './timeline.ts';
export { buildBriefing, DEFAULT_BRIEFING_WORDS, type BriefingQuote, type BriefingSentence } from './briefing.ts';
export { LOADED, provenanceOf, voiceOf, type ProvenanceEntry, type VoiceEntry } from './voice.ts';
export { reconcileStory, type ReconcileOptions, type Reconciled } from './reconcile.ts';
export type { StoryArticle } from './types.ts';
