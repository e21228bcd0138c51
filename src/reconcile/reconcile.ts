/**
 * The reconcile stage: from a story's articles (with what the understand stage read in them) to
 * what the sources say together — claim groups with a status, a dated timeline, dates the
 * articles disagree about, a briefing that cites every sentence, loaded words per outlet and the
 * agencies and wires the articles rely on. Pure: the same articles give the same result.
 */
import { type BriefingQuote, type BriefingSentence, buildBriefing, DEFAULT_BRIEFING_WORDS } from './briefing.ts';
import { type ClaimOut, reconcileFigures } from './claims.ts';
import { buildTimeline, type TimelineEvent } from './timeline.ts';
import type { StoryArticle } from './types.ts';
import { type ProvenanceEntry, provenanceOf, type VoiceEntry, voiceOf } from './voice.ts';

export interface Reconciled {
  claims: ClaimOut[];
  events: TimelineEvent[];
  briefing: BriefingSentence[];
  voice: VoiceEntry[];
  provenance: ProvenanceEntry[];
}

export interface ReconcileOptions {
  /** Words of the briefing at most (default DEFAULT_BRIEFING_WORDS). */
  words?: number;
}

export function reconcileStory(articles: StoryArticle[], quotes: BriefingQuote[], options: ReconcileOptions = {}): Reconciled {
  const figures = reconcileFigures(articles);
  const timeline = buildTimeline(articles);
  const claims = [...figures, ...timeline.dateClaims];
  return {
    claims,
    events: timeline.events,
    briefing: buildBriefing(articles, timeline.events, claims, quotes, options.words ?? DEFAULT_BRIEFING_WORDS),
    voice: voiceOf(articles),
    provenance: provenanceOf(articles),
  };
}
