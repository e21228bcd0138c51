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
  /** The plan made outside the write lock was stale and was made again under it. */
  replanned: boolean;
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
export function eventSimilarity(a: GroupFeatures, b: GroupFeatures, sim: Similarity = similarity): number {
  const gap = gapDays(a, b);
  if (gap !== null && gap > EVENT_WINDOW_DAYS && !shareDay(a, b)) return -Infinity;
  return sim(a, b);
}

type Similarity = (a: GroupFeatures, b: GroupFeatures) => number;

/** Pairs of one plan beyond this many rows are not remembered (the cache is dense, rows × rows). */
const PAIR_CACHE_ROWS = 1024;

/**
 * `similarity`, each pair of one plan computed once. Re-clustering compares the same rows three
 * times over — the stories, then the events of each story changed, then the title of each story and
 * event changed (every pair twice there) — and similarity was the largest cost of grouping's
 * own computation (docs/benchmarks.md, 2026-12-07). Symmetric, so a pair is one entry.
 */
export function pairCache(): Similarity {
  const slots = new Map<GroupFeatures, number>();
  let known = new Float64Array(0);
  let width = 0;
  const slot = (f: GroupFeatures) => {
    let i = slots.get(f);
    if (i === undefined) slots.set(f, (i = slots.size));
    return i;
  };
  return (a, b) => {
    const i = slot(a);
    const j = slot(b);
    if (i >= PAIR_CACHE_ROWS || j >= PAIR_CACHE_ROWS) return similarity(a, b);
    const need = Math.max(i, j) + 1;
    if (need > width) {
      // Grow by doubling, copying the pairs known so far (NaN: not computed yet).
      const next = Math.min(PAIR_CACHE_ROWS, Math.max(64, width * 2, need));
      const grown = new Float64Array(next * next).fill(NaN);
      for (let r = 0; r < width; r++) grown.set(known.subarray(r * width, (r + 1) * width), r * next);
      known = grown;
      width = next;
    }
    const at = i < j ? i * width + j : j * width + i;
    let v = known[at]!;
    if (Number.isNaN(v)) known[at] = v = similarity(a, b);
    return v;
  };
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
export function representative(rows: GroupRow[], sim: Similarity = similarity): GroupRow {
  const titled = rows.filter((r) => r.title && !r.titleDerived);
  const pool = titled.length ? titled : rows.filter((r) => r.title).length ? rows.filter((r) => r.title) : rows;
  let best = pool[0]!;
  let bestScore = -1;
  for (const r of pool) {
    let s = 0;
    for (const o of rows) if (o !== r) s += sim(r.features, o.features);
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

/** A write of a plan, run under the write lock in the order it was planned. */
type Write = (tx: StoreTx) => Promise<unknown>;

/**
 * Where a new article goes, decided from reads alone, and the writes that put it there. Planned
 * outside the write lock on a server (`Store.view()`), so that several workers overlap their
 * lookups and re-clustering; `applyGroup` then checks under the lock that nothing stored since the
 * plan could change it, and only writes (docs/architecture.md, "Several writers").
 */
export interface GroupPlan {
  article: Article;
  features: GroupFeatures;
  bandKeys: string[];
  /** Arrival number of the latest article the plan's reads could see; null when planned under the lock. */
  mark: number | null;
  /** The components the plan read, with their sizes then: a component only grows, so an unchanged size is unchanged membership. */
  components: Array<[string, number]>;
  /** The candidates the index lookups found (ids): a plan made again under the lock starts from them. */
  candidates: Candidates;
  /**
   * Set when the newcomer joins a story too large to re-cluster (the order-dependent path): the
   * stories and the event the plan writes to. Such a plan depends on the story's many members
   * only through an average, so articles that joined since do not make it stale; a story merged
   * away, an event moved or merged, or a component relabelled do.
   */
  joins: { stories: string[]; event: string | null } | null;
  outcome: GroupOutcome;
  writes: Write[];
}

/** Candidate articles by id: the nearest by the term index, the near-duplicates by MinHash band. */
interface Candidates {
  near: string[];
  copies: string[];
}

/**
 * The candidates' rows: from the two index lookups, or, given `known` candidates, read again by id
 * (a plan made again under the lock: its lookups plus the articles stored since, a superset of
 * what the lookups would return now).
 */
async function lookUp(view: StoreView, features: GroupFeatures, bandKeys: string[], known: Candidates | null): Promise<Found> {
  const found = new Map<string, GroupRow>();
  let near: GroupRow[];
  let copyIds: string[];
  let componentSizes: Map<string, number> | null = null;
  if (known) {
    copyIds = known.copies;
    for (const r of await view.groupRows([...new Set([...known.near, ...known.copies])])) found.set(r.id, r);
    near = known.near.map((id) => found.get(id)).filter((r): r is GroupRow => r !== undefined);
  } else {
    const got = await view.neighbours(features.vector, bandKeys, { limit: CANDIDATES, perTerm: MAX_POSTINGS, copies: DUPLICATE_CANDIDATES });
    near = got.near;
    copyIds = got.copies;
    componentSizes = new Map();
    for (const r of got.near) if (r.component !== null && r.componentSize !== null) componentSizes.set(r.component, r.componentSize);
    for (const r of near) found.set(r.id, r);
    for (const r of await view.groupRows(copyIds.filter((id) => !found.has(id)))) found.set(r.id, r);
  }
  const copies = copyIds.map((id) => found.get(id)).filter((r): r is GroupRow => r !== undefined);
  return { near, copies, componentSizes, ids: { near: near.map((r) => r.id), copies: copies.map((r) => r.id) } };
}

interface Found {
  near: GroupRow[];
  copies: GroupRow[];
  /** The sizes of the near articles' components, read with them (null when the rows were read by id: then they are read apart). */
  componentSizes: Map<string, number> | null;
  ids: Candidates;
}

/**
 * Plans the grouping of `article` against the store as `view` sees it. With `underLock`, the view
 * is the write transaction itself and the plan needs no check; otherwise the plan records the mark
 * its reads started from.
 */
export async function planGroup(
  view: StoreView,
  article: Article,
  options: GroupOptions = {},
  features: GroupFeatures = groupFeatures(article),
  underLock = false,
  known: Candidates | null = null,
): Promise<GroupPlan> {
  // The mark first: an article committed while the reads run is either seen by them or after it
  // (seq is drawn under the write lock, so articles commit in seq order).
  const mark = underLock ? null : await view.lastSeq();
  const exactLimit = options.exactLimit ?? EXACT_LIMIT;
  const sim = pairCache();
  const bandKeys = bands(features.minhash);
  const found = await lookUp(view, features, bandKeys, known);
  const writes: Write[] = [];

  // Near-duplicates: stored articles sharing a MinHash band, checked on their signatures.
  let duplicateOf: string | null = null;
  const copies = found.copies.filter((r) => resemblance(r.features.minhash, features.minhash) >= DUPLICATE_JACCARD);
  if (copies.length) {
    const first = copies.sort((a, b) => a.seq - b.seq)[0]!;
    duplicateOf = first.duplicateOf ?? first.id;
  }

  const near = found.near.filter((r) => r.storyId !== null);
  const linked = near.filter((r) => similarity(features, r.features) >= STORY_THRESHOLD);
  // The stories the newcomer links to, in id order (the fallback path breaks ties by it).
  const touched = [...new Set(linked.map((r) => r.storyId).filter((id): id is string => id !== null))].sort();

  // Union of the linked components, labelled by the largest (ties by label).
  const linkedComponents = [...new Set(linked.map((r) => r.component).filter((c): c is string => c !== null))];
  const read = found.componentSizes;
  const sizes = read ? new Map(linkedComponents.filter((c) => read.has(c)).map((c) => [c, read.get(c)!])) : await view.componentSizes(linkedComponents);
  const comps = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const component = comps[0]?.[0] ?? article.id;
  const size = 1 + comps.reduce((s, [, n]) => s + n, 0);
  writes.push((tx) => tx.mergeComponents(component, comps.slice(1).map(([c]) => c)));

  const merged: GroupOutcome['merged'] = [];
  const split: GroupOutcome['split'] = [];
  const self: GroupRow = {
    id: article.id, seq: Number.MAX_SAFE_INTEGER, storyId: null, eventId: null, component, features, title: article.title, titleDerived: article.titleDerived,
    published: { earliest: article.published.earliest, latest: article.published.latest }, duplicateOf,
  };

  let created = false;
  let joins: GroupPlan['joins'] = null;
  // The neighbourhood re-clustered: the whole component when small enough (exact), else the
  // stories the newcomer links to, when those are small enough (local: stories can still merge and
  // split around the newcomer, but the result may depend on arrival order).
  let neighbourhood: GroupRow[] | null = null;
  // The touched stories' most recent members: all of them when fewer than the exact limit, else
  // those the fallback below compares the newcomer with.
  let members: GroupRow[] = [];
  if (size <= exactLimit) neighbourhood = await view.componentRows(comps.map(([c]) => c));
  else {
    const stories = await view.storyRows(touched, Math.max(FALLBACK_MEMBERS, exactLimit));
    if (stories.members < exactLimit) neighbourhood = stories.rows;
    else members = stories.rows;
  }
  if (neighbourhood) {
    const rows = [...neighbourhood.filter((r) => r.id !== article.id), self];
    const clusters = clusterRows(rows, STORY_THRESHOLD, sim);
    const old = new Map(rows.map((r) => [r.id, r.storyId]));
    const plan = reconcile(clusters, (id) => old.get(id) ?? null);
    const ids = await Promise.all(plan.ids.map(async (id, i) => id || (await freshStoryId(view, clusters[i]!))));
    for (const s of plan.split) {
      const id = ids[s.cluster]!;
      writes.push((tx) => tx.createStory(id, 'Untitled story', s.from));
      split.push({ id, from: s.from });
    }
    const changed: string[] = [];
    for (let i = 0; i < clusters.length; i++) {
      const id = ids[i]!;
      if (!plan.ids[i] && !plan.split.some((s) => s.cluster === i)) {
        writes.push((tx) => tx.createStory(id, 'Untitled story'));
        if (clusters[i]!.includes(article.id)) created = clusters[i]!.length === 1;
      }
      const moved = clusters[i]!.filter((m) => old.get(m) !== id);
      if (moved.length) {
        // The newcomer is stored last, already in its story: it is left out here.
        const others = moved.filter((m) => m !== article.id);
        writes.push((tx) => tx.setArticleStories(others, id));
        changed.push(id);
      }
    }
    const storyOf = new Map(clusters.flatMap((c, i) => c.map((m) => [m, ids[i]!] as const)));
    for (const r of rows) r.storyId = storyOf.get(r.id) ?? r.storyId;
    for (const story of changed) await regroupEvents(view, writes, story, rows.filter((r) => r.storyId === story), self, sim);
    for (const m of plan.merged) {
      const into = ids[m.into]!;
      writes.push((tx) => tx.mergeStory(m.from, into));
      merged.push({ from: m.from, into });
    }
  } else {
    // Too large to re-cluster: the newcomer joins the story closest on average, or starts one.
    // The average is taken over the story's members themselves (their features are cached), not
    // over the candidates the index returned: counting the members it was not compared with as 0
    // kept newcomers out of every large story (MStream: recall 0.59, docs/benchmarks.md). Only a
    // story holding a member at least at the threshold can reach it on average.
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
    const into = best ?? (await freshStoryId(view, [article.id]));
    const isNew = best === null;
    writes.push((tx) => (isNew ? tx.createStory(into, 'Untitled story') : tx.touchStory(into)));
    created = isNew;
    self.storyId = into;
    // Average link also merges two clusters whose mean similarity reaches the threshold; the exact
    // path does it by re-clustering, this one never would, and a large subject fragments into many
    // stories (MStream: 630 stories for 152). A story the newcomer is close to on average as well
    // is merged into `best` when the two stories are, on a sample of their most recent members.
    const sample = (story: string) => members.filter((m) => m.storyId === story).slice(-MERGE_SAMPLE);
    const intoSample = [...sample(into), self];
    const absorbed: string[] = [];
    for (const other of touched) {
      if (other === into || (average.get(other) ?? 0) < STORY_THRESHOLD) continue;
      if (meanSimilarity(intoSample, sample(other)) < STORY_THRESHOLD) continue;
      writes.push(async (tx) => {
        await tx.mergeStory(other, into);
        await tx.moveEvents(other, into);
      });
      merged.push({ from: other, into });
      absorbed.push(other);
    }
    const story = await view.storyRows([into, ...absorbed], exactLimit);
    if (1 + story.members <= exactLimit) {
      const rows = [...story.rows.map((r) => ({ ...r, storyId: into })), self];
      await regroupEvents(view, writes, into, rows, self, sim);
    } else {
      const event = await joinEvent(view, writes, into, self, near);
      joins = { stories: [...new Set([into, ...touched])], event };
    }
  }

  const storyId = self.storyId!;
  const eventId = self.eventId!;
  writes.push((tx) => tx.insertArticle(article, storyId, features.vector, { features, component, duplicateOf, bands: bandKeys, eventId }));
  return { article, features, bandKeys, mark, components: comps, candidates: found.ids, joins, outcome: { storyId, eventId, created, merged, split, duplicateOf, replanned: false }, writes };
}

/**
 * Stores a planned article under the write lock. A plan made outside the lock is checked first:
 * it stands unless an article stored since its mark links to the newcomer, is a copy of it, or
 * joined a component the plan read (then it is planned again, under the lock). Articles stored
 * since that touch none of these cannot change where the newcomer goes: a story never spans two
 * components.
 */
export async function applyGroup(tx: StoreTx, plan: GroupPlan, options: GroupOptions = {}): Promise<GroupOutcome> {
  const late = await lateSince(tx, plan);
  const stale = late === 'many' || (await isStale(tx, plan, late));
  if (late === 'many') plan = await planGroup(tx, plan.article, options, plan.features, true);
  else if (stale) {
    // Made again from the plan's own candidates plus the late articles, read afresh: the index
    // lookups, the costliest reads, are not repeated under the lock. A late article is a duplicate
    // candidate only when it shares a band, as the index lookup requires.
    const lateCopies = late.filter((r) => sharesBand(plan, r)).map((r) => r.id);
    const known = { near: [...new Set([...plan.candidates.near, ...late.map((r) => r.id)])], copies: [...new Set([...plan.candidates.copies, ...lateCopies])] };
    plan = await planGroup(tx, plan.article, options, plan.features, true, known);
  }
  for (const write of plan.writes) await write(tx);
  return { ...plan.outcome, replanned: stale };
}

/** The articles stored since the plan's mark ('many' beyond LATE_LIMIT; none for a plan made under the lock). */
async function lateSince(tx: StoreTx, plan: GroupPlan): Promise<GroupRow[] | 'many'> {
  if (plan.mark === null) return [];
  const late = await tx.idsAfter(plan.mark, LATE_LIMIT);
  if (late.length >= LATE_LIMIT) return 'many';
  return tx.groupRows(late);
}

/** The stored article shares a MinHash band with the planned one: what makes it a duplicate candidate in the index lookup. */
function sharesBand(plan: GroupPlan, row: GroupRow): boolean {
  return bands(row.features.minhash).some((b) => plan.bandKeys.includes(b));
}

async function isStale(tx: StoreTx, plan: GroupPlan, late: GroupRow[]): Promise<boolean> {
  if (late.length === 0) return false;
  for (const r of late) {
    if (r.id === plan.article.id) return true;
    if (similarity(plan.features, r.features) >= STORY_THRESHOLD) return true;
    if (sharesBand(plan, r) && resemblance(r.features.minhash, plan.features.minhash) >= DUPLICATE_JACCARD) return true;
  }
  const now = await tx.componentSizes(plan.components.map(([c]) => c));
  if (!plan.joins) return plan.components.some(([c, n]) => now.get(c) !== n);
  // Joining a large story: with two workers on the bench corpus nearly every plan of this kind was
  // stale by the exact test (its component grows with every article), and making it again reads
  // the story's members under the lock (docs/benchmarks.md, bench:workers 2026-12-07).
  if (plan.components.some(([c]) => !now.has(c))) return true;
  if ((await tx.liveStories(plan.joins.stories)).size !== plan.joins.stories.length) return true;
  return plan.joins.event !== null && !(await tx.eventLiveIn(plan.joins.event, plan.joins.stories[0]!));
}

/**
 * Stores `article` and assigns it to a story and an event, inside the caller's transaction
 * (planned and applied under the lock: what the embedded store, with one writer, always does).
 */
export async function groupAndStore(tx: StoreTx, article: Article, options: GroupOptions = {}, features: GroupFeatures = groupFeatures(article)): Promise<GroupOutcome> {
  return applyGroup(tx, await planGroup(tx, article, options, features, true), options);
}

/** A new story id for a group founded by its least member id (suffixed while taken: a merged story keeps its row). */
function freshStoryId(view: StoreView, members: string[]): Promise<string> {
  return freshId(members, storyId, (id) => view.storyExists(id));
}

function freshEventId(view: StoreView, members: string[]): Promise<string> {
  return freshId(members, eventId, (id) => view.eventExists(id));
}

async function freshId(members: string[], make: (key: string) => string, taken: (id: string) => Promise<boolean>): Promise<string> {
  const founder = [...members].sort()[0]!;
  for (let k = 0; ; k++) {
    const id = make(k ? `${founder}#${k}` : founder);
    if (!(await taken(id))) return id;
  }
}

/** Re-clusters the events of a story from its articles' rows, and retitles the story. `rows` holds the newcomer's own row, whose event is set here. */
async function regroupEvents(view: StoreView, writes: Write[], story: string, rows: GroupRow[], newcomer: GroupRow, sim: Similarity): Promise<void> {
  const clusters = clusterRows(rows, EVENT_THRESHOLD, (a, b) => eventSimilarity(a, b, sim));
  const old = new Map(rows.map((r) => [r.id, r.eventId]));
  const plan = reconcile(clusters, (id) => old.get(id) ?? null);
  const ids = await Promise.all(plan.ids.map(async (id, i) => id || (await freshEventId(view, clusters[i]!))));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const unchanged: string[] = [];
  for (let i = 0; i < clusters.length; i++) {
    const id = ids[i]!;
    const group = clusters[i]!.map((m) => byId.get(m)!);
    const moved = clusters[i]!.filter((m) => old.get(m) !== id);
    if (!moved.length && !clusters[i]!.includes(newcomer.id)) {
      unchanged.push(id);
      continue;
    }
    const event = { id, storyId: story, title: representative(group, sim).title ?? 'Untitled event', ...eventDates(group) };
    const others = moved.filter((m) => m !== newcomer.id);
    writes.push(async (tx) => {
      await tx.saveEvent(event);
      await tx.setArticleEvents(others, id);
    });
    for (const m of moved) byId.get(m)!.eventId = id;
  }
  writes.push((tx) => tx.setEventsStory(unchanged, story));
  for (const m of plan.merged) {
    const into = ids[m.into]!;
    writes.push((tx) => tx.mergeEvent(m.from, into));
  }
  const title = representative(rows, sim).title;
  if (title) writes.push((tx) => tx.setStoryTitle(story, title));
}

/** A story too big to re-cluster: the newcomer joins the event of its closest member in the story, when close enough (its id returned), or a new one (null). */
async function joinEvent(view: StoreView, writes: Write[], story: string, newcomer: GroupRow, near: GroupRow[]): Promise<string | null> {
  const best = near
    .filter((r) => r.storyId === story && r.eventId)
    .map((r) => ({ r, s: eventSimilarity(newcomer.features, r.features) }))
    .sort((a, b) => b.s - a.s || (a.r.id < b.r.id ? -1 : 1))[0];
  const joined = best && best.s >= EVENT_THRESHOLD ? best.r.eventId! : null;
  if (!joined) {
    const event = await freshEventId(view, [newcomer.id]);
    const saved = { id: event, storyId: story, title: newcomer.title ?? 'Untitled event', ...eventDates([newcomer]) };
    writes.push((tx) => tx.saveEvent(saved));
    newcomer.eventId = event;
  } else {
    writes.push((tx) => tx.widenEvent(joined, newcomer.published.earliest, newcomer.published.latest));
    newcomer.eventId = joined;
  }
  return joined;
}
