/**
 * Grouping articles into stories, one article at a time as they arrive: the article's vector is
 * compared with its nearest stored articles (through the term index, never the whole store); it
 * joins the story of the best match above `DEFAULT_JOIN_THRESHOLD`, or starts a story. When it
 * matches articles of several stories, those stories are merged into the oldest and the others
 * keep their ids as pointers to it, so no id a user has seen stops working.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../article/article.ts';
import type { StoreTx } from '../store/store.ts';
import { termCounts, vectorize } from './features.ts';

/** Cosine similarity at which two articles are about the same story (tuned on the seeds and basil-dev). */
export const DEFAULT_JOIN_THRESHOLD = 0.15;
/** Nearest stored articles looked at per new article. */
const CANDIDATES = 20;
/** Terms in more than this many stored articles (or 2% of them) say little about a story and are not looked up. */
const MIN_POSTINGS_CAP = 500;

export interface GroupOptions {
  joinThreshold?: number;
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
  const threshold = options.joinThreshold ?? DEFAULT_JOIN_THRESHOLD;
  const counts = termCounts(article);
  const terms = [...counts.keys()];
  const { n, df } = await tx.termStats(terms);
  const vector = vectorize(counts, n, df);
  const cap = Math.max(MIN_POSTINGS_CAP, Math.ceil(n * 0.02));
  const matches = (await tx.nearest(vector, CANDIDATES, cap)).filter((c) => c.score >= threshold);

  const stories: string[] = [];
  for (const m of matches) {
    const live = await tx.liveStory(m.storyId);
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

  await tx.insertArticle(article, target, vector, terms);
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
