/**
 * Grouping articles into stories, one article at a time as they arrive. Two articles are linked
 * when the cosine of their vectors (features.ts) reaches `DEFAULT_JOIN_THRESHOLD`, or
 * `DEFAULT_FAR_THRESHOLD` when their publication dates are known to lie more than
 * `DEFAULT_WINDOW_DAYS` apart; a story is a connected group of linked articles. The link is a fixed
 * function of the two articles, so the grouping does not depend on the order they arrive in.
 *
 * Candidates come from the term index (never a scan of the store). When an article links to
 * articles of several stories, those stories merge into the oldest; the others keep their ids as
 * pointers to it, so no id a user has seen stops working.
 */
import { createHash } from 'node:crypto';
import type { Article, PublishedDate } from '../article/article.ts';
import type { StoreTx } from '../store/store.ts';
import { termCounts, vectorize } from './features.ts';

/** Cosine at which two articles are about the same story (tuned on basil-dev; checked on wikiref220 and the seeds). */
export const DEFAULT_JOIN_THRESHOLD = 0.2;
/** Articles published further apart than the window need this much more in common (basil-dev: same people, different happenings). */
export const DEFAULT_FAR_THRESHOLD = 0.4;
export const DEFAULT_WINDOW_DAYS = 3;
/** Nearest stored articles looked at per new article. */
const CANDIDATES = 50;
/** Terms in the index of more than this many articles are not looked up: they say little about a story and cost the most. */
const MAX_POSTINGS = 5000;
const DAY = 86_400_000;

export interface GroupOptions {
  joinThreshold?: number;
  farThreshold?: number;
  windowDays?: number;
}

/** Days between two articles' publication intervals, or null when either is open-ended (unknown). */
export function daysApart(a: Pick<PublishedDate, 'earliest' | 'latest'>, b: Pick<PublishedDate, 'earliest' | 'latest'>): number | null {
  if (!a.earliest || !a.latest || !b.earliest || !b.latest) return null;
  const gap = Math.max(Date.parse(b.earliest) - Date.parse(a.latest), Date.parse(a.earliest) - Date.parse(b.latest));
  return Math.max(0, gap / DAY);
}

export interface GroupOutcome {
  storyId: string;
  created: boolean;
  merged: string[];
}

export function storyId(founderArticleId: string): string {
  return `s${createHash('sha256').update(`story:${founderArticleId}`).digest('hex').slice(0, 16)}`;
}

/** Stores `article` and assigns it to a story, inside the caller's transaction. */
export async function groupAndStore(tx: StoreTx, article: Article, options: GroupOptions = {}): Promise<GroupOutcome> {
  const join = options.joinThreshold ?? DEFAULT_JOIN_THRESHOLD;
  const far = options.farThreshold ?? DEFAULT_FAR_THRESHOLD;
  const window = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  const vector = vectorize(termCounts(article));
  const matches = (await tx.nearest(vector, CANDIDATES, MAX_POSTINGS)).filter((c) => {
    const apart = daysApart(article.published, c.published);
    return c.score >= (apart !== null && apart > window ? far : join);
  });

  // Resolved once per stored story id, not per matching article: an article of a big story can
  // match dozens of its members, and each lookup is a round trip inside the write lock.
  const stories: string[] = [];
  for (const id of new Set(matches.map((m) => m.storyId))) {
    const live = await tx.liveStory(id);
    if (!stories.includes(live)) stories.push(live);
  }

  let target: string;
  let created = false;
  const merged: string[] = [];
  if (stories.length === 0) {
    target = storyId(article.id);
    await tx.createStory(target, article.title ?? 'Untitled story');
    created = true;
  } else {
    // The oldest story survives a merge; the order of creation is the order of ids' first appearance.
    const ordered = await tx.orderByAge(stories);
    target = ordered[0]!;
    for (const other of ordered.slice(1)) {
      await tx.mergeStory(other, target);
      merged.push(other);
    }
  }

  await tx.insertArticle(article, target, vector);
  await tx.touchStory(target);
  await retitle(tx, target);
  return { storyId: target, created, merged };
}

/** A story's title is its first article's stated headline, or a derived title when none has one. */
async function retitle(tx: StoreTx, story: string): Promise<void> {
  const members = await tx.storyMembers(story);
  const chosen = members.find((m) => m.title && !m.titleDerived) ?? members.find((m) => m.title);
  if (chosen?.title) await tx.setStoryTitle(story, chosen.title);
}
