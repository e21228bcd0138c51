/**
 * Grouping articles into stories, and stories into events, one article at a time as they arrive.
 *
 * The grouping is defined on the set of stored articles, not on their order: stories are the
 * average-link clusters (hac.ts) of the articles at `STORY_THRESHOLD`, events the average-link
 * clusters of a story's articles at `EVENT_THRESHOLD` with a tight time window. Average link cannot
 * chain the way the previous single-link grouping did (MStream's six-word titles collapsed into one
 * story): a newcomer joins a story only when it is close to its members on average.
 *
 * Incrementally, each new article is compared with its nearest stored articles (term index, never a
 * scan of the store). Articles linked at the story threshold form connected components (union-find
 * labels in the store); since an average of at least the threshold needs one pair at least that
 * close, a story never spans two components, so re-clustering the new article's component from the
 * stored features gives exactly the clustering of the whole set — whatever the order of arrival.
 * Components beyond `EXACT_LIMIT` articles (a flood of short, loosely related texts) are not
 * re-clustered: the newcomer joins the story it is closest to on average, or starts one
 * (docs/architecture.md, "Grouping").
 *
 * Ids stay stable: a re-clustered story keeps the id of the old story most of its articles come
 * from; an old story whose articles all went elsewhere becomes a pointer (`merged_into`); a cluster
 * that takes articles from an old story that lives on records where it split from (`split_from`).
 */
import { createHash } from 'node:crypto';
import type { Article } from '../article/article.ts';
import type { GroupRow, StoreTx, StoreView } from '../store/store.ts';
import { bands, DUPLICATE_JACCARD, resemblance } from './duplicates.ts';
import { averageLink, type Edge } from './hac.ts';
import { gapDays, groupFeatures, shareDay, similarity, type GroupFeatures } from './similarity.ts';

/** Mean similarity at which articles form one story (one value for every set: docs/benchmarks.md). */
export const STORY_THRESHOLD = 0.2;
/** Mean similarity at which a story's articles report one happening. */
export const EVENT_THRESHOLD = 0.3;
/** Articles of one event were published within this many days of each other (or date the same day). */
export const EVENT_WINDOW_DAYS = 3;
/** Nearest stored articles looked at per new article. */
export const CANDIDATES = 100;
/** Postings read per query term, most recent first: bounds the cost of finding candidates however large the store. */
const MAX_POSTINGS = 400;
/** Largest component re-clustered as a whole (its pairs are all compared: quadratic, so bounded). */
export const EXACT_LIMIT = 150;
/** Members read, most recent first, when a newcomer is compared with whole stories too large to re-cluster. */
const FALLBACK_MEMBERS = 3000;
/** Members of each story compared when the fallback path checks whether two stories merge (a sample: pairs are quadratic). */
const MERGE_SAMPLE = 100;
/** Duplicate candidates read per new article (MinHash band matches). */
const DUPLICATE_CANDIDATES = 20;
/**
 * Articles stored between a prefetch and the write lock that are compared directly. Several
 * workers store a few each in that time; beyond this many the prefetch is stale and the lookups
 * run again under the lock.
 */
const LATE_LIMIT = 256;

export interface GroupOptions {
  /** Reserved for tests of the fallback path: the component size re-clustered as a whole. */
  exactLimit?: number;
}

export interface GroupOutcome {
  storyId: string;
  eventId: string;
  created: boolean;
  /** Stories merged into others while grouping this article. */
  merged: Array<{ from: string; into: string }>;
  /** Stories split off others while grouping this article. */
  split: Array<{ id: string; from: string }>;
  duplicateOf: string | null;
}

const hashId = (prefix: string, key: string) => `${prefix}${createHash('sha256').update(`${prefix === 's' ? 'story' : 'event'}:${key}`).digest('hex').slice(0, 16)}`;

export function storyId(founderArticleId: string): string {
  return hashId('s', founderArticleId);
}

export function eventId(founderArticleId: string): string {
  return hashId('e', founderArticleId);
}

/**
 * Two articles can report one happening only when published close together or dating the same
 * day: otherwise -Infinity, a cannot-link (no event may hold both, however close the others are —
 * an undated article between them must not glue two meetings months apart into one).
 */
export function eventSimilarity(a: GroupFeatures, b: GroupFeatures): number {
  const gap = gapDays(a, b);
  if (gap !== null && gap > EVENT_WINDOW_DAYS && !shareDay(a, b)) return -Infinity;
  return similarity(a, b);
}

/** Average-link clusters of rows (all pairs compared), as lists of ids in canonical order. */
export function clusterRows(rows: Array<{ id: string; features: GroupFeatures }>, threshold: number, sim: (a: GroupFeatures, b: GroupFeatures) => number): string[][] {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const edges: Edge[] = [];
  for (let a = 0; a < sorted.length; a++) {
    for (let b = a + 1; b < sorted.length; b++) {
      const s = sim(sorted[a]!.features, sorted[b]!.features);
      if (s !== 0) edges.push({ a, b, sim: s });
    }
  }
  const label = averageLink(sorted.length, edges, threshold);
  const groups = new Map<number, string[]>();
  label.forEach((l, i) => {
    if (!groups.has(l)) groups.set(l, []);
    groups.get(l)!.push(sorted[i]!.id);
  });
  return [...groups.values()];
}

/**
 * Gives each new cluster an id from the old assignment: the old id with the most members in it
 * (greedy, most members first; ties by id so it is deterministic), else a new one. Old ids left
 * without a cluster were absorbed (merged into the cluster holding most of their members); a new
 * id taking members of an old id that lives on was split from it.
 */
export function reconcile(clusters: string[][], oldOf: (articleId: string) => string | null): { ids: string[]; merged: Array<{ from: string; into: number }>; split: Array<{ cluster: number; from: string }> } {
  const counts = clusters.map((members) => {
    const c = new Map<string, number>();
    for (const m of members) {
      const o = oldOf(m);
      if (o) c.set(o, (c.get(o) ?? 0) + 1);
    }
    return c;
  });
  const pairs: Array<{ cluster: number; old: string; n: number }> = [];
  counts.forEach((c, cluster) => c.forEach((n, old) => pairs.push({ cluster, old, n })));
  pairs.sort((x, y) => y.n - x.n || (x.old < y.old ? -1 : x.old > y.old ? 1 : 0) || x.cluster - y.cluster);
  const ids: Array<string | null> = clusters.map(() => null);
  const taken = new Set<string>();
  for (const p of pairs) {
    if (ids[p.cluster] !== null || taken.has(p.old)) continue;
    ids[p.cluster] = p.old;
    taken.add(p.old);
  }
  const merged: Array<{ from: string; into: number }> = [];
  const split: Array<{ cluster: number; from: string }> = [];
  const best = new Map<string, { cluster: number; n: number }>();
  for (const p of pairs) if (!best.has(p.old)) best.set(p.old, { cluster: p.cluster, n: p.n });
  for (const [old, { cluster }] of best) if (!taken.has(old)) merged.push({ from: old, into: cluster });
  counts.forEach((c, cluster) => {
    if (ids[cluster] !== null) return;
    const from = [...c].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
    if (from && taken.has(from[0])) split.push({ cluster, from: from[0] });
  });
  return { ids: ids.map((id) => id ?? ''), merged, split };
}

/** The member whose title best stands for the group: stated titles first, then the most central. */
export function representative(rows: GroupRow[]): GroupRow {
  const titled = rows.filter((r) => r.title && !r.titleDerived);
  const pool = titled.length ? titled : rows.filter((r) => r.title).length ? rows.filter((r) => r.title) : rows;
  let best = pool[0]!;
  let bestScore = -1;
  for (const r of pool) {
    let s = 0;
    for (const o of rows) if (o !== r) s += similarity(r.features, o.features);
    if (s > bestScore + 1e-12 || (Math.abs(s - bestScore) <= 1e-12 && r.id < best.id)) {
      best = r;
      bestScore = s;
    }
  }
  return best;
}

/** The dates an event spans, from its articles' publication dates. */
export function eventDates(rows: GroupRow[]): { date: string | null; earliest: string | null; latest: string | null } {
  const earliest = rows.map((r) => r.published.earliest).filter((d): d is string => d !== null).sort()[0] ?? null;
  const latest = rows.map((r) => r.published.latest).filter((d): d is string => d !== null).sort().at(-1) ?? null;
  const date = earliest && latest ? (earliest === latest ? earliest : earliest.slice(0, 7) === latest.slice(0, 7) ? earliest.slice(0, 7) : earliest.slice(0, 4) === latest.slice(0, 4) ? earliest.slice(0, 4) : null) : null;
  return { date, earliest, latest };
}

/** Mean pairwise similarity between two groups of articles (average link's linkage). */
function meanSimilarity(a: GroupRow[], b: GroupRow[]): number {
  if (!a.length || !b.length) return 0;
  let sum = 0;
  for (const x of a) for (const y of b) sum += similarity(x.features, y.features);
  return sum / (a.length * b.length);
}

/** Candidate lookups made before the write lock: the nearest and the near-duplicate articles stored up to `seq`. */
export interface Prefetched {
  seq: number;
  near: string[];
  copies: string[];
}

/**
 * The read-only half of grouping, run without the write lock so that several workers overlap
 * their index lookups (the costliest statement of grouping: docs/architecture.md, "Several
 * writers"). `groupAndStore` then adds, under the lock, whatever was stored after `seq`.
 */
export async function prefetchCandidates(view: StoreView, features: GroupFeatures): Promise<Prefetched> {
  // The mark first: an article committed while the lookups run is either seen by them or after it.
  const seq = await view.lastSeq();
  return { seq, ...(await lookUp(view, features, bands(features.minhash))) };
}

/** The two index lookups: the nearest articles by the term index, the near-duplicates by MinHash band. */
async function lookUp(view: StoreView, features: GroupFeatures, bandKeys: string[]): Promise<{ near: string[]; copies: string[] }> {
  const copies = await view.bandMatches(bandKeys, DUPLICATE_CANDIDATES);
  const near = (await view.nearest(features.vector, CANDIDATES, MAX_POSTINGS)).map((c) => c.articleId);
  return { near, copies };
}

/** The candidates as of now: the prefetched ones plus those stored since, or a fresh lookup. */
async function candidates(tx: StoreTx, features: GroupFeatures, bandKeys: string[], prefetched: Prefetched | null): Promise<{ near: string[]; copies: string[] }> {
  const late = prefetched ? await tx.idsAfter(prefetched.seq, LATE_LIMIT) : [];
  if (!prefetched || late.length >= LATE_LIMIT) return lookUp(tx, features, bandKeys);
  // The late articles are compared directly: a superset of what the index would have returned, so
  // a link the lock-held lookup would find is never missed. A late article is a duplicate
  // candidate only when it shares a band, as the index lookup requires.
  const keys = new Set(bandKeys);
  const lateRows = await tx.groupRows(late);
  const lateCopies = lateRows.filter((r) => bands(r.features.minhash).some((b) => keys.has(b))).map((r) => r.id);
  return { near: [...new Set([...prefetched.near, ...late])], copies: [...new Set([...prefetched.copies, ...lateCopies])] };
}

/**
 * Stores `article` and assigns it to a story and an event, inside the caller's transaction.
 * `features` and `prefetched` may be computed before the transaction (they need no lock), so that
 * the time spent holding the write lock is only what must be serialised.
 */
export async function groupAndStore(
  tx: StoreTx,
  article: Article,
  options: GroupOptions = {},
  features: GroupFeatures = groupFeatures(article),
  prefetched: Prefetched | null = null,
): Promise<GroupOutcome> {
  const exactLimit = options.exactLimit ?? EXACT_LIMIT;
  const bandKeys = bands(features.minhash);
  const found = await candidates(tx, features, bandKeys, prefetched);

  // Near-duplicates: stored articles sharing a MinHash band, checked on their signatures.
  let duplicateOf: string | null = null;
  const copies = (await tx.groupRows(found.copies)).filter((r) => resemblance(r.features.minhash, features.minhash) >= DUPLICATE_JACCARD);
  if (copies.length) {
    const first = copies.sort((a, b) => a.seq - b.seq)[0]!;
    duplicateOf = first.duplicateOf ?? first.id;
  }

  const near = (await tx.groupRows(found.near)).filter((r) => r.storyId !== null);
  const scored = near.map((r) => ({ row: r, sim: similarity(features, r.features) }));
  const linked = scored.filter((s) => s.sim >= STORY_THRESHOLD);
  // The stories the newcomer links to, in id order (the fallback path breaks ties by it).
  const touched = [...new Set(linked.map((s) => s.row.storyId).filter((id): id is string => id !== null))].sort();

  // Union of the linked components, labelled by the largest (ties by label).
  const sizes = await tx.componentSizes([...new Set(linked.map((s) => s.row.component).filter((c): c is string => c !== null))]);
  const comps = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const component = comps[0]?.[0] ?? article.id;
  const size = 1 + comps.reduce((s, [, n]) => s + n, 0);
  await tx.insertArticle(article, null, features.vector, { features, component, duplicateOf, bands: bandKeys });
  await tx.mergeComponents(component, comps.slice(1).map(([c]) => c), size);

  const merged: GroupOutcome['merged'] = [];
  const split: GroupOutcome['split'] = [];
  const self: GroupRow = {
    id: article.id, seq: Number.MAX_SAFE_INTEGER, storyId: null, eventId: null, component, features, title: article.title, titleDerived: article.titleDerived,
    published: { earliest: article.published.earliest, latest: article.published.latest }, duplicateOf,
  };

  let created = false;
  // The neighbourhood re-clustered: the whole component when small enough (exact), else the
  // stories the newcomer links to, when those are small enough (local: stories can still merge and
  // split around the newcomer, but the result may depend on arrival order).
  let neighbourhood: string[] | null = null;
  if (size <= exactLimit) neighbourhood = await tx.componentMembers(component);
  else {
    const sizes = await tx.storySizes(touched);
    if ([...sizes.values()].reduce((a, b) => a + b, 0) < exactLimit) neighbourhood = await tx.storyMemberIds(touched);
  }
  if (neighbourhood) {
    const rows = [...(await tx.groupRows(neighbourhood)).filter((r) => r.id !== article.id), self];
    const clusters = clusterRows(rows, STORY_THRESHOLD, similarity);
    const old = new Map(rows.map((r) => [r.id, r.storyId]));
    const plan = reconcile(clusters, (id) => old.get(id) ?? null);
    const ids = await Promise.all(plan.ids.map(async (id, i) => id || (await freshStoryId(tx, clusters[i]!))));
    for (const s of plan.split) {
      await tx.createStory(ids[s.cluster]!, 'Untitled story', s.from);
      split.push({ id: ids[s.cluster]!, from: s.from });
    }
    const changed: string[] = [];
    for (let i = 0; i < clusters.length; i++) {
      if (!plan.ids[i] && !plan.split.some((s) => s.cluster === i)) {
        await tx.createStory(ids[i]!, 'Untitled story');
        if (clusters[i]!.includes(article.id)) created = clusters[i]!.length === 1;
      }
      const moved = clusters[i]!.filter((id) => old.get(id) !== ids[i]);
      if (moved.length) {
        await tx.setArticleStories(moved, ids[i]!);
        changed.push(ids[i]!);
      }
    }
    const storyOf = new Map(clusters.flatMap((c, i) => c.map((id) => [id, ids[i]!] as const)));
    for (const r of rows) r.storyId = storyOf.get(r.id) ?? r.storyId;
    for (const story of changed) await regroupEvents(tx, story, rows.filter((r) => r.storyId === story), article.id);
    for (const m of plan.merged) {
      await tx.mergeStory(m.from, ids[m.into]!);
      merged.push({ from: m.from, into: ids[m.into]! });
    }
  } else {
    // Too large to re-cluster: the newcomer joins the story closest on average, or starts one.
    // The average is taken over the story's members themselves (their features are cached), not
    // over the candidates the index returned: counting the members it was not compared with as 0
    // kept newcomers out of every large story (MStream: recall 0.59, docs/benchmarks.md). Only a
    // story holding a member at least at the threshold can reach it on average.
    const members = await tx.groupRows(await tx.storyMemberIds(touched, FALLBACK_MEMBERS));
    const sums = new Map<string, { sum: number; n: number }>();
    for (const m of members) {
      if (!m.storyId || m.id === article.id) continue;
      const e = sums.get(m.storyId) ?? { sum: 0, n: 0 };
      e.sum += similarity(features, m.features);
      e.n++;
      sums.set(m.storyId, e);
    }
    const average = new Map([...sums].map(([story, e]) => [story, e.sum / e.n]));
    let best: string | null = null;
    let bestAvg = STORY_THRESHOLD;
    for (const story of touched) {
      const avg = average.get(story);
      if (avg !== undefined && avg >= bestAvg) [best, bestAvg] = [story, avg];
    }
    if (!best) {
      best = await freshStoryId(tx, [article.id]);
      await tx.createStory(best, 'Untitled story');
      created = true;
    }
    await tx.setArticleStories([article.id], best);
    self.storyId = best;
    // Average link also merges two clusters whose mean similarity reaches the threshold; the exact
    // path does it by re-clustering, this one never would, and a large subject fragments into many
    // stories (MStream: 630 stories for 152). A story the newcomer is close to on average as well
    // is merged into `best` when the two stories are, on a sample of their most recent members.
    const sample = (story: string) => members.filter((m) => m.storyId === story).slice(-MERGE_SAMPLE);
    const into = [...sample(best), self];
    for (const other of touched) {
      if (other === best || (average.get(other) ?? 0) < STORY_THRESHOLD) continue;
      if (meanSimilarity(into, sample(other)) < STORY_THRESHOLD) continue;
      await tx.mergeStory(other, best);
      await tx.moveEvents(other, best);
      merged.push({ from: other, into: best });
    }
    const storySize = (await tx.storySizes([best])).get(best) ?? 1;
    if (storySize <= exactLimit) {
      await regroupEvents(tx, best, await tx.groupRows(await tx.storyMemberIds([best])), article.id);
    } else {
      await joinEvent(tx, best, self, near);
    }
  }

  const [placed] = await tx.groupRows([article.id]);
  return { storyId: placed!.storyId!, eventId: placed!.eventId!, created, merged, split, duplicateOf };
}

async function freshStoryId(tx: StoreTx, members: string[]): Promise<string> {
  const founder = [...members].sort()[0]!;
  for (let k = 0; ; k++) {
    const id = storyId(k ? `${founder}#${k}` : founder);
    if (!(await tx.storyExists(id))) return id;
  }
}

async function freshEventId(tx: StoreTx, members: string[]): Promise<string> {
  const founder = [...members].sort()[0]!;
  for (let k = 0; ; k++) {
    const id = eventId(k ? `${founder}#${k}` : founder);
    if (!(await tx.eventExists(id))) return id;
  }
}

/** Re-clusters the events of a story from its articles' rows, and retitles the story. */
async function regroupEvents(tx: StoreTx, story: string, rows: GroupRow[], newcomer: string): Promise<void> {
  const clusters = clusterRows(rows, EVENT_THRESHOLD, eventSimilarity);
  const old = new Map(rows.map((r) => [r.id, r.eventId]));
  const plan = reconcile(clusters, (id) => old.get(id) ?? null);
  const ids = await Promise.all(plan.ids.map(async (id, i) => id || (await freshEventId(tx, clusters[i]!))));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const unchanged: string[] = [];
  for (let i = 0; i < clusters.length; i++) {
    const group = clusters[i]!.map((id) => byId.get(id)!);
    const moved = clusters[i]!.filter((id) => old.get(id) !== ids[i]);
    if (!moved.length && !clusters[i]!.includes(newcomer)) {
      unchanged.push(ids[i]!);
      continue;
    }
    await tx.saveEvent({ id: ids[i]!, storyId: story, title: representative(group).title ?? 'Untitled event', ...eventDates(group) });
    await tx.setArticleEvents(moved, ids[i]!);
    for (const id of moved) byId.get(id)!.eventId = ids[i]!;
  }
  await tx.setEventsStory(unchanged, story);
  for (const m of plan.merged) await tx.mergeEvent(m.from, ids[m.into]!);
  const title = representative(rows).title;
  if (title) await tx.setStoryTitle(story, title);
}

/** A story too big to re-cluster: the newcomer joins the event of its closest member in the story, when close enough. */
async function joinEvent(tx: StoreTx, story: string, newcomer: GroupRow, near: GroupRow[]): Promise<void> {
  const best = near
    .filter((r) => r.storyId === story && r.eventId)
    .map((r) => ({ r, s: eventSimilarity(newcomer.features, r.features) }))
    .sort((a, b) => b.s - a.s || (a.r.id < b.r.id ? -1 : 1))[0];
  let event = best && best.s >= EVENT_THRESHOLD ? best.r.eventId! : null;
  if (!event) {
    event = await freshEventId(tx, [newcomer.id]);
    await tx.saveEvent({ id: event, storyId: story, title: newcomer.title ?? 'Untitled event', ...eventDates([newcomer]) });
  } else {
    await tx.widenEvent(event, newcomer.published.earliest, newcomer.published.latest);
  }
  await tx.setArticleEvents([newcomer.id], event);
}
