/**
 * The storage layer: every SQL statement Storyline runs is in this folder. `Store` reads; writes go
 * through `Store.write(fn)`, which runs `fn` in one transaction with a `StoreTx`, so an input's
 * articles, index entries and story changes are stored together or not at all (a crash or kill
 * mid-run leaves no half-written input behind).
 */
import type { Analysis, Article, PublishedDate } from '../article/article.ts';
import type { GroupFeatures } from '../group/similarity.ts';
import type { Db, Queryable } from './db.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres, type PostgresOptions } from './postgres.ts';

export interface TermWeight {
  term: string;
  weight: number;
}

export interface StoredStory {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  mergedInto: string | null;
  articleIds: string[];
  /** Stories that were merged into this one (their ids still resolve here). */
  mergedFrom: string[];
  /** The story this one was split off (its articles were there before), or null. */
  splitFrom: string | null;
  /** The happenings inside the story, oldest first. */
  events: StoredEvent[];
}

/** One happening inside a story: articles that report it, its dates and a title taken from one of them. */
export interface StoredEvent {
  id: string;
  title: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: what the articles' publication dates share, or null. */
  date: string | null;
  earliest: string | null;
  latest: string | null;
  articleIds: string[];
}

/** What grouping reads of a stored article. */
export interface GroupRow {
  id: string;
  seq: number;
  storyId: string | null;
  eventId: string | null;
  component: string | null;
  features: GroupFeatures;
  title: string | null;
  titleDerived: boolean;
  published: { earliest: string | null; latest: string | null };
  duplicateOf: string | null;
}

/** What grouping stores with an article besides its index vector. */
export interface GroupExtras {
  features: GroupFeatures;
  component: string;
  duplicateOf: string | null;
  bands: string[];
  /** The event the article joins (grouping decides it before the article is stored). */
  eventId?: string | null;
}

export interface StoredArticle extends Omit<Article, 'stated'> {
  storyId: string | null;
  eventId: string | null;
  /** The stored article this one is a near-duplicate or syndicated copy of, or null. */
  duplicateOf: string | null;
  createdAt: string;
  /** Every source this content arrived from. */
  sources: string[];
}

/** A stored article found by `nearest`, with what grouping reads of it, its index score, and its component's size. */
export interface Candidate extends GroupRow {
  score: number;
  componentSize: number | null;
}

/** What `neighbours` finds: the nearest articles, and the ids of near-duplicate candidates. */
export interface Neighbours {
  near: Candidate[];
  copies: string[];
}

export interface ListOptions {
  limit?: number;
  offset?: number;
}

type ArticleRow = {
  id: string; source: string; parent_id: string | null; story_id: string | null; kind: 'text' | 'html'; url: string | null;
  outlet: string | null; title: string | null; title_derived: boolean; published_value: string | null; published_earliest: Date | string | null;
  published_latest: Date | string | null; published_basis: PublishedDate['basis']; published_evidence: string | null; language: string | null;
  text: string; raw: string; removed: Article['removed']; diagnostics: Article['diagnostics']; created_at: Date | string; sources: string[] | null;
  analysis: Analysis | null; event_id: string | null; duplicate_of: string | null;
};
type StoryRow = { id: string; title: string; created_at: Date | string; updated_at: Date | string; merged_into: string | null; split_from: string | null };
type EventRow = { id: string; story_id: string; title: string; date_value: string | null; earliest: Date | string | null; latest: Date | string | null };

/**
 * Opens a store: a `postgres://` URL for a PostgreSQL server, a folder for the embedded database,
 * or null for a throwaway in-memory one.
 */
export async function openStore(target: string | null, options: PostgresOptions = {}): Promise<Store> {
  const db = target && isPostgresUrl(target) ? await openPostgres(...withSchemaParam(target, options)) : await openPglite(target);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return new Store(db);
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}

/**
 * `postgres://host/db?schema=news` keeps a store in its own schema, so several stores (or test
 * runs, or workers started from a shell) can share one database with nothing but a URL. The
 * parameter is ours, not libpq's, so it is taken off before `pg` sees the URL.
 */
function withSchemaParam(url: string, options: PostgresOptions): [string, PostgresOptions] {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  if (schema === null) return [url, options];
  parsed.searchParams.delete('schema');
  return [parsed.toString(), { ...options, schema: options.schema ?? schema }];
}

/**
 * What never changes in a stored article's group row: everything but its story, event and
 * component (its id is its content; its features, arrival number, title, dates and the copy it is of
 * are written once). Grouping reads the same neighbours again and again — each newcomer re-reads its
 * whole component — so these are kept in memory between transactions and the lookups return only
 * the three columns that change. Decoding the features from JSON every time was most of the store's
 * work in `analyze`, and returning the other fixed columns about 1 ms of every 120 rows
 * (docs/benchmarks.md, 2026-12-07). Bounded: the least recently used entries go first. Entries come
 * from committed rows only: what a transaction inserts joins the cache when it commits
 * (`StoreTx.own`, `Store.write`), so a rolled-back insert never outlives its transaction.
 */
type FixedGroupFields = Pick<GroupRow, 'seq' | 'features' | 'title' | 'titleDerived' | 'published' | 'duplicateOf'>;

export const GROUP_ROW_CACHE_SIZE = 20_000;

export class GroupRowCache {
  private readonly entries = new Map<string, FixedGroupFields>();
  constructor(private readonly capacity = GROUP_ROW_CACHE_SIZE) {}

  get(id: string): FixedGroupFields | undefined {
    const f = this.entries.get(id);
    if (f) {
      // Map keeps insertion order: re-inserting marks the entry most recently used.
      this.entries.delete(id);
      this.entries.set(id, f);
    }
    return f;
  }

  set(id: string, fixed: FixedGroupFields): void {
    this.entries.delete(id);
    this.entries.set(id, fixed);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * When to VACUUM ANALYZE: once the articles stored since the last time reach VACUUM_MIN_ARTICLES
 * plus VACUUM_SCALE times the store's size then. The shape of PostgreSQL's autovacuum rule
 * (manual, "Routine Vacuuming", 25.1.6: threshold + scale factor × table size, insert scale factor
 * 0.2), counted in articles (each adds about 40 postings); the embedded engine has none of its own.
 * Growing with the store keeps the total cost linear in the articles stored; 200 makes the first
 * one early, when plans made without statistics cost most (the term lookup: 10.2 ms before the
 * first VACUUM ANALYZE at 1,000 articles, 4.9 ms after).
 */
export const VACUUM_MIN_ARTICLES = 200;
export const VACUUM_SCALE = 0.2;
/** Stored articles between two checks of that rule (a check is one small query). */
const MAINTAIN_CHECK_EVERY = 50;

export class Store {
  private readonly fixed = new GroupRowCache();
  /** Articles this process has stored, for MAINTAIN_CHECK_EVERY. */
  private inserted = 0;
  constructor(readonly db: Db) {}

  get description(): string {
    return this.db.description;
  }

  /** No other process writes to this store (the embedded one): see `Db.exclusive`. */
  get exclusive(): boolean {
    return this.db.exclusive === true;
  }

  async close(): Promise<void> {
    try {
      // A run too short to reach a check still counts towards the next VACUUM.
      if (this.exclusive && this.inserted > 0) await this.maintain();
    } finally {
      await this.db.close();
    }
  }

  /**
   * Runs `fn` in one transaction. Writes are serialised with each other (the `group` lock): grouping
   * reads the nearest stored articles and then writes, so two writers side by side would each miss
   * the other's article and split one story in two.
   */
  async write<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    let inserted = 0;
    let own = new Map<string, FixedGroupFields>();
    const out = await this.db.transaction(async (q) => {
      const tx = new StoreTx(q, this.fixed);
      const result = await fn(tx);
      await tx.flush();
      inserted = tx.inserted;
      own = tx.own;
      return result;
    }, { lock: 'group' });
    // Committed: the articles this transaction stored join the cache (a rolled-back insert never
    // does — its arrival number, and the copy it was taken for, would not be those of the article
    // stored in its place later).
    for (const [id, fixed] of own) this.fixed.set(id, fixed);
    const before = this.inserted;
    this.inserted += inserted;
    // The embedded engine has no autovacuum; a server has its own.
    if (this.exclusive && Math.floor(before / MAINTAIN_CHECK_EVERY) !== Math.floor(this.inserted / MAINTAIN_CHECK_EVERY)) await this.maintain();
    return out;
  }

  /**
   * VACUUM ANALYZE when the articles stored since the last one reach VACUUM_MIN_ARTICLES +
   * VACUUM_SCALE × the store's size then; true if it ran. Statistics give the planner real plans,
   * and the visibility map lets the term lookups read the covering index alone (migration 008).
   * Outside any transaction (VACUUM cannot run in one). Run by the embedded store by itself; a
   * server's autovacuum does this work there (callable all the same: it blocks no writer).
   */
  async maintain(): Promise<boolean> {
    const [row] = await this.db.query<{ last: string | number; vacuumed: string | number }>(
      'SELECT coalesce((SELECT max(seq) FROM articles), 0) AS last, (SELECT vacuumed_seq FROM maintenance) AS vacuumed',
    );
    const last = Number(row!.last);
    const vacuumed = Number(row!.vacuumed);
    if (last - vacuumed < VACUUM_MIN_ARTICLES + VACUUM_SCALE * vacuumed) return false;
    await this.db.exec('VACUUM ANALYZE');
    await this.db.query('UPDATE maintenance SET vacuumed_seq = $1', [last]);
    return true;
  }

  /**
   * Read-only lookups outside the write lock, on a plain connection: what grouping can look up
   * before it takes the lock (`planGroup` in src/group). Writes go through `write()` only.
   */
  view(): StoreView {
    return new StoreTx(this.db, this.fixed);
  }

  /** Articles stored in the last `seconds` (throughput for `storyline status`). */
  async storedSince(seconds: number): Promise<number> {
    const [row] = await this.db.query<{ n: string }>("SELECT count(*) AS n FROM articles WHERE created_at > now() - make_interval(secs => $1)", [seconds]);
    return Number(row!.n);
  }

  /** Which of these article ids are already stored. */
  async knownIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[])', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Which of these stored articles lack an analysis of at least `version` (stored before the understand stage changed). */
  async staleAnalysis(ids: string[], version: number): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[]) AND analysis_version < $2 ORDER BY seq', [ids, version]);
    return rows.map((r) => r.id);
  }

  /** Articles split from a page, in order. */
  async childIds(parentId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>('SELECT id FROM articles WHERE parent_id = $1 ORDER BY seq', [parentId]);
    return rows.map((r) => r.id);
  }

  async counts(): Promise<{ articles: number; stories: number }> {
    const [row] = await this.db.query<{ articles: string; stories: string }>(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM stories WHERE merged_into IS NULL) AS stories`,
    );
    return { articles: Number(row!.articles), stories: Number(row!.stories) };
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const rows = await this.db.query<ArticleRow>(`${ARTICLE_SELECT} WHERE a.id = $1`, [id]);
    return rows[0] ? toArticle(rows[0]) : null;
  }

  async getArticles(ids: string[]): Promise<StoredArticle[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<ArticleRow>(`${ARTICLE_SELECT} WHERE a.id = ANY($1::text[]) ORDER BY a.seq`, [ids]);
    return rows.map(toArticle);
  }

  async listArticles({ limit = 100, offset = 0 }: ListOptions = {}): Promise<StoredArticle[]> {
    const rows = await this.db.query<ArticleRow>(`${ARTICLE_SELECT} ORDER BY a.seq LIMIT $1 OFFSET $2`, [limit, offset]);
    return rows.map(toArticle);
  }

  /** A story by id; a merged story's old id resolves to the story it was merged into. */
  async getStory(id: string): Promise<StoredStory | null> {
    let current = id;
    for (let hops = 0; hops < 32; hops++) {
      const [row] = await this.db.query<StoryRow>('SELECT * FROM stories WHERE id = $1', [current]);
      if (!row) return null;
      if (!row.merged_into) return (await this.withMembers([row]))[0]!;
      current = row.merged_into;
    }
    return null;
  }

  async getStories(ids: string[]): Promise<StoredStory[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<StoryRow>('SELECT * FROM stories WHERE id = ANY($1::text[]) AND merged_into IS NULL ORDER BY created_at, id', [ids]);
    return this.withMembers(rows);
  }

  /** Live stories, most recently updated first. */
  async listStories({ limit = 100, offset = 0 }: ListOptions = {}): Promise<StoredStory[]> {
    const rows = await this.db.query<StoryRow>(
      'SELECT * FROM stories WHERE merged_into IS NULL ORDER BY updated_at DESC, id LIMIT $1 OFFSET $2',
      [limit, offset],
    );
    return this.withMembers(rows);
  }

  private async withMembers(rows: StoryRow[]): Promise<StoredStory[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const events = await this.db.query<EventRow>(
      'SELECT id, story_id, title, date_value, earliest, latest FROM events WHERE story_id = ANY($1::text[]) AND merged_into IS NULL ORDER BY earliest NULLS LAST, id',
      [ids],
    );
    const members = await this.db.query<{ story_id: string; id: string; event_id: string | null }>(
      'SELECT story_id, id, event_id FROM articles WHERE story_id = ANY($1::text[]) ORDER BY seq',
      [ids],
    );
    const merged = await this.db.query<{ id: string; merged_into: string }>(
      'SELECT id, merged_into FROM stories WHERE merged_into = ANY($1::text[]) ORDER BY id',
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      mergedInto: r.merged_into,
      articleIds: members.filter((m) => m.story_id === r.id).map((m) => m.id),
      mergedFrom: merged.filter((m) => m.merged_into === r.id).map((m) => m.id),
      splitFrom: r.split_from ?? null,
      events: events
        .filter((e) => e.story_id === r.id)
        .map((e) => ({
          id: e.id,
          title: e.title,
          date: e.date_value,
          earliest: day(e.earliest),
          latest: day(e.latest),
          articleIds: members.filter((m) => m.event_id === e.id).map((m) => m.id),
        }))
        .filter((e) => e.articleIds.length > 0),
    }));
  }
}

/** The lookups `Store.view()` allows without the write lock. */
/** The reads grouping plans with: a transaction's, or a plain connection's outside the write lock (`Store.view()`). */
export type StoreView = Pick<
  StoreTx,
  'lastSeq' | 'neighbours' | 'groupRows' | 'componentSizes' | 'componentRows' | 'storyRows' | 'storyExists' | 'eventExists'
>;

/** Writes and the reads grouping needs inside the write transaction. */
export class StoreTx {
  /** Articles inserted in this transaction. */
  inserted = 0;
  /** Stories to mark updated at the end of the transaction (`touchStory`, `flush`). */
  private readonly touched = new Set<string>();
  /** The fixed fields of the articles inserted in this transaction, shared with the cache once it commits (`Store.write`). */
  readonly own = new Map<string, FixedGroupFields>();
  constructor(
    private readonly q: Queryable,
    private readonly fixed = new GroupRowCache(),
  ) {}

  async articleCount(): Promise<number> {
    const [row] = await this.q.query<{ n: string }>('SELECT count(*) AS n FROM articles');
    return Number(row!.n);
  }

  /** The arrival number of the latest stored article (0 when none): a mark to ask `idsAfter` from. */
  async lastSeq(): Promise<number> {
    const [row] = await this.q.query<{ n: string }>('SELECT coalesce(max(seq), 0) AS n FROM articles');
    return Number(row!.n);
  }

  /** Grouped articles stored after arrival number `seq`, in arrival order, at most `limit`. */
  async idsAfter(seq: number, limit: number): Promise<string[]> {
    const rows = await this.q.query<{ id: string }>(
      'SELECT id FROM articles WHERE seq > $1 AND group_features IS NOT NULL ORDER BY seq LIMIT $2',
      [seq, limit],
    );
    return rows.map((r) => r.id);
  }

  async articleExists(id: string): Promise<boolean> {
    return (await this.q.query('SELECT 1 FROM articles WHERE id = $1', [id])).length > 0;
  }

  async addSource(articleId: string, source: string): Promise<void> {
    await this.q.query('INSERT INTO article_sources (article_id, source) VALUES ($1, $2) ON CONFLICT DO NOTHING', [articleId, source]);
  }

  /**
   * Stored articles most similar to `vector` by cosine (both sides L2-normalised), through the term
   * index: for each term only its `perTerm` most recent postings are read (an index range scan), so
   * the cost is bounded by the vector's length, never by the size of the store.
   */
  async nearest(vector: TermWeight[], limit: number, perTerm: number): Promise<Candidate[]> {
    return (await this.neighbours(vector, [], { limit, perTerm, copies: 0 })).near;
  }

  /**
   * Grouping's two index lookups in one statement: the `limit` nearest articles by the term index
   * (`nearest`), with the size of each one's component, and up to `copies` stored articles sharing
   * one of these MinHash band keys (near-duplicate candidates, by id). Each band's postings are read
   * through the primary key, at most `copies` of them: a band shared by thousands of copies must
   * not make the lookup grow with the store.
   */
  async neighbours(vector: TermWeight[], bands: string[], { limit, perTerm, copies }: { limit: number; perTerm: number; copies: number }): Promise<Neighbours> {
    if (vector.length === 0 && bands.length === 0) return { near: [], copies: [] };
    // The candidates' group rows come with them (grouping reads them all), and so do their
    // components' sizes (grouping reads those of the linked ones). Candidates are ranked by their
    // score rounded to 1e-9, then by id: a sum of floating-point products depends on the order the
    // plan adds them in, which differs between backends, between a prepared and a one-shot plan, and
    // before and after statistics; two copies with the same vector then ranked by rounding noise
    // (0.99999976 against 1.0000001), not by id. In double precision each product is exact.
    const [row] = await this.q.query<{ near: string; copies: string }>(
      `SELECT (SELECT ${packed(`json_build_array(${GROUP_ROW_COLUMNS_OF_A}, s.score, (SELECT size FROM components c WHERE c.id = a.component)) ORDER BY s.rank DESC, s.article_id`)}
                 FROM (SELECT t.article_id, sum(t.weight::float8 * q.weight::float8) AS score, round(sum(t.weight::float8 * q.weight::float8) * 1e9) AS rank
                         FROM unnest($1::text[], $2::real[]) AS q(term, weight)
                         CROSS JOIN LATERAL (SELECT p.article_id, p.weight FROM article_terms p
                                              WHERE p.term = q.term ORDER BY p.seq DESC NULLS LAST LIMIT $4) t
                        GROUP BY t.article_id
                        ORDER BY rank DESC, t.article_id
                        LIMIT $3) s
                 JOIN articles a ON a.id = s.article_id
                WHERE a.story_id IS NOT NULL AND a.group_features IS NOT NULL) AS near,
              (SELECT ${packed('d.article_id ORDER BY d.article_id')}
                 FROM (SELECT DISTINCT p.article_id FROM unnest($5::text[]) AS b(band)
                         CROSS JOIN LATERAL (SELECT article_id FROM article_bands WHERE band = b.band ORDER BY article_id LIMIT $6) p
                        ORDER BY p.article_id LIMIT $6) d) AS copies`,
      [vector.map((v) => v.term), vector.map((v) => v.weight), limit, perTerm, bands, copies],
      // Planned with its values: prepared once for all (pglite.ts), the plan did not know how many
      // postings the terms bring and grouped them by sorting; at 100,000 stored articles (400
      // postings a term) the article cost 30 ms against 14 ms at 10,000 (bench/scale.ts).
      { replan: true },
    );
    const near = JSON.parse(row!.near) as Array<[...GroupRowTuple, number, number | null]>;
    const grouped = await this.toGroupRows(near.map(groupRowRecord));
    return {
      near: grouped.map((r, i) => ({ ...r, score: Number(near[i]![4]), componentSize: near[i]![5] === null ? null : Number(near[i]![5]) })),
      copies: JSON.parse(row!.copies) as string[],
    };
  }

  /** What grouping needs of these stored articles (those stored with grouping features), in arrival order. */
  groupRows(ids: string[]): Promise<GroupRow[]> {
    return this.groupRowsWhere('id', ids);
  }

  /** The group rows of every member of these components, in arrival order. */
  componentRows(ids: string[]): Promise<GroupRow[]> {
    return this.groupRowsWhere('component', ids);
  }

  private async groupRowsWhere(column: 'id' | 'component', values: string[]): Promise<GroupRow[]> {
    if (values.length === 0) return [];
    const [row] = await this.q.query<{ packed: string }>(
      `SELECT ${packed(`json_build_array(${GROUP_ROW_COLUMNS}) ORDER BY seq`)} FROM articles WHERE ${column} = ANY($1::text[]) AND group_features IS NOT NULL`,
      [values],
    );
    return this.toGroupRows((JSON.parse(row!.packed) as GroupRowTuple[]).map(groupRowRecord));
  }

  /** Group rows from their records, in the same order: the fixed fields from the cache, else read once for all missing. */
  private async toGroupRows(rows: GroupRowRecord[]): Promise<GroupRow[]> {
    const fixed = new Map<string, FixedGroupFields>();
    for (const r of rows) {
      const f = this.own.get(r.id) ?? this.fixed.get(r.id);
      if (f) fixed.set(r.id, f);
    }
    const missing = rows.filter((r) => !fixed.has(r.id)).map((r) => r.id);
    if (missing.length) {
      const read = await this.q.query<FixedRecord>(
        'SELECT id, seq, title, title_derived, published_earliest, published_latest, duplicate_of, group_features FROM articles WHERE id = ANY($1::text[])',
        [missing],
      );
      // Stored by committed transactions (this one's own inserts are in `own`): safe to share.
      for (const r of read) {
        const f = fixedFields(r);
        fixed.set(r.id, f);
        this.fixed.set(r.id, f);
      }
    }
    return rows.map((r) => {
      const f = fixed.get(r.id)!;
      return { id: r.id, storyId: r.story_id, eventId: r.event_id, component: r.component, ...f, published: { ...f.published } };
    });
  }

  async componentSizes(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.q.query<{ id: string; size: number }>('SELECT id, size FROM components WHERE id = ANY($1::text[])', [ids]);
    return new Map(rows.map((r) => [r.id, Number(r.size)]));
  }

  /**
   * Joins a new article to component `into`, relabelling the articles of components `from` as
   * `into` (union by size: the caller keeps the largest label). The size is counted here, from the
   * sizes stored now, so that articles other writers added since the caller read them still count.
   */
  async mergeComponents(into: string, from: string[]): Promise<void> {
    await this.q.query(
      `INSERT INTO components (id, size) VALUES ($1, 1 + coalesce((SELECT sum(size) FROM components WHERE id = ANY($2::text[]) AND id <> $1), 0))
       ON CONFLICT (id) DO UPDATE SET size = components.size + excluded.size`,
      [into, from],
    );
    if (from.length) {
      await this.q.query('UPDATE articles SET component = $1 WHERE component = ANY($2::text[])', [into, from]);
      await this.q.query('DELETE FROM components WHERE id = ANY($1::text[])', [from]);
    }
  }

  /** Those of these stories that have not been merged into another. */
  async liveStories(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.q.query<{ id: string }>('SELECT id FROM stories WHERE id = ANY($1::text[]) AND merged_into IS NULL', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** True when event `id` exists, is not merged into another, and belongs to `story`. */
  async eventLiveIn(id: string, story: string): Promise<boolean> {
    return (await this.q.query('SELECT 1 FROM events WHERE id = $1 AND story_id = $2 AND merged_into IS NULL', [id, story])).length > 0;
  }

  async storyExists(id: string): Promise<boolean> {
    return (await this.q.query('SELECT 1 FROM stories WHERE id = $1', [id])).length > 0;
  }

  async eventExists(id: string): Promise<boolean> {
    return (await this.q.query('SELECT 1 FROM events WHERE id = $1', [id])).length > 0;
  }

  /**
   * The group rows of these stories' most recent `limit` members, in arrival order, and how many
   * members that was (articles stored before grouping features included): fewer than `limit` means
   * every member. One statement where grouping made three (sizes, member ids, rows).
   */
  async storyRows(ids: string[], limit: number): Promise<{ rows: GroupRow[]; members: number }> {
    if (ids.length === 0) return { rows: [], members: 0 };
    const [row] = await this.q.query<{ members: string | number; packed: string }>(
      // Each story's most recent members through its (story_id, seq) index, then the most recent
      // of all: a plan of that shape whatever the parameters. Written as `story_id = ANY($1)` with
      // the limit outside, the plan prepared once for every call (pglite.ts) walked the whole
      // table backwards by arrival and filtered by story.
      `SELECT count(*) AS members, ${packed(`json_build_array(${GROUP_ROW_COLUMNS}) ORDER BY seq`, 'grouped')}
         FROM (SELECT m.* FROM unnest($1::text[]) AS s(story)
                 CROSS JOIN LATERAL (SELECT ${GROUP_ROW_COLUMNS}, seq, group_features IS NOT NULL AS grouped FROM articles
                                      WHERE story_id = s.story ORDER BY seq DESC LIMIT $2) m
                ORDER BY m.seq DESC LIMIT $2) m`,
      [ids, limit],
    );
    return { rows: await this.toGroupRows((JSON.parse(row!.packed) as GroupRowTuple[]).map(groupRowRecord)), members: Number(row!.members) };
  }

  /** Moves articles to a story, which is marked updated (also when `ids` is empty: the story changed all the same). */
  async setArticleStories(ids: string[], story: string): Promise<void> {
    this.touched.add(story);
    if (ids.length) await this.q.query('UPDATE articles SET story_id = $2 WHERE id = ANY($1::text[])', [ids, story]);
  }

  async setArticleEvents(ids: string[], event: string): Promise<void> {
    if (ids.length === 0) return;
    await this.q.query('UPDATE articles SET event_id = $2 WHERE id = ANY($1::text[])', [ids, event]);
  }

  /** Creates or updates an event. */
  async saveEvent(e: { id: string; storyId: string; title: string; date: string | null; earliest: string | null; latest: string | null }): Promise<void> {
    await this.q.query(
      `INSERT INTO events (id, story_id, title, date_value, earliest, latest) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET story_id = $2, title = $3, date_value = $4, earliest = $5, latest = $6, merged_into = NULL, updated_at = now()`,
      [e.id, e.storyId, e.title, e.date, e.earliest, e.latest],
    );
  }

  /** Moves events to a story (those already there are left alone). */
  async setEventsStory(ids: string[], story: string): Promise<void> {
    if (ids.length === 0) return;
    await this.q.query('UPDATE events SET story_id = $2 WHERE id = ANY($1::text[]) AND story_id <> $2', [ids, story]);
  }

  /** Widens an event's dates to take in a newcomer's publication interval. */
  async widenEvent(id: string, earliest: string | null, latest: string | null): Promise<void> {
    await this.q.query(
      `UPDATE events SET earliest = LEAST(earliest, $2::date), latest = GREATEST(latest, $3::date),
         date_value = CASE WHEN LEAST(earliest, $2::date) = earliest AND GREATEST(latest, $3::date) = latest THEN date_value ELSE NULL END,
         updated_at = now() WHERE id = $1`,
      [id, earliest, latest],
    );
  }

  /**
   * Stores already-grouped articles in a few statements (the scale benchmark builds a 100,000-article
   * store this way; the per-article path it then measures is `groupAndStore`). Each item's story,
   * event and component must be consistent with the others'.
   */
  async bulkInsertGrouped(items: Array<{ article: Article; storyId: string; eventId: string; extras: GroupExtras }>): Promise<void> {
    this.inserted += items.length;
    if (items.length === 0) return;
    const col = <T>(f: (x: (typeof items)[number]) => T) => items.map(f);
    await this.q.query(
      `INSERT INTO stories (id, title) SELECT DISTINCT ON (id) id, title FROM unnest($1::text[], $2::text[]) AS s(id, title) ON CONFLICT (id) DO NOTHING`,
      [col((x) => x.storyId), col((x) => x.article.title ?? 'Untitled story')],
    );
    await this.q.query(
      `INSERT INTO events (id, story_id, title) SELECT DISTINCT ON (id) id, story_id, title FROM unnest($1::text[], $2::text[], $3::text[]) AS e(id, story_id, title) ON CONFLICT (id) DO NOTHING`,
      [col((x) => x.eventId), col((x) => x.storyId), col((x) => x.article.title ?? 'Untitled event')],
    );
    await this.q.query(
      `INSERT INTO articles (id, source, story_id, event_id, kind, title, title_derived, published_value, published_earliest, published_latest,
         published_basis, text, raw, removed, diagnostics, group_features, component)
       SELECT id, source, story_id, event_id, 'text', title, false, pub, pub::date, pub::date, 'explicit', text, '', '[]'::json, '[]'::json, f::json, component
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           AS t(id, source, story_id, event_id, title, pub, text, f, component)`,
      [col((x) => x.article.id), col((x) => x.article.source), col((x) => x.storyId), col((x) => x.eventId), col((x) => x.article.title),
        col((x) => x.article.published.value), col((x) => x.article.text), col((x) => JSON.stringify(x.extras.features)), col((x) => x.extras.component)],
    );
    const terms = items.flatMap((x) => x.extras.features.vector.map((v) => [v.term, x.article.id, v.weight] as const));
    await this.q.query(
      `INSERT INTO article_terms (term, article_id, weight, seq)
       SELECT t.term, t.article_id, t.weight, a.seq FROM unnest($1::text[], $2::text[], $3::real[]) AS t(term, article_id, weight) JOIN articles a ON a.id = t.article_id`,
      [terms.map((t) => t[0]), terms.map((t) => t[1]), terms.map((t) => t[2])],
    );
    const bandRows = items.flatMap((x) => [...new Set(x.extras.bands)].map((b) => [b, x.article.id] as const));
    await this.q.query('INSERT INTO article_bands (band, article_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [bandRows.map((b) => b[0]), bandRows.map((b) => b[1])]);
    await this.q.query(
      `INSERT INTO components (id, size) SELECT component, count(*) FROM unnest($1::text[]) AS c(component) GROUP BY component
       ON CONFLICT (id) DO UPDATE SET size = components.size + excluded.size`,
      [col((x) => x.extras.component)],
    );
  }

  async mergeEvent(from: string, into: string): Promise<void> {
    await this.q.query('UPDATE events SET merged_into = $2, updated_at = now() WHERE id = $1', [from, into]);
  }

  /** Creates a story; `splitFrom` names the story its first articles were split off. */
  async createStory(id: string, title: string, splitFrom: string | null = null): Promise<void> {
    await this.q.query('INSERT INTO stories (id, title, split_from) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [id, title, splitFrom]);
  }

  /**
   * Marks a story as just changed (its place in "newest activity first"), when the transaction ends
   * (`flush`, called by Store.write): `now()` is the transaction's time whenever it is read, and
   * one statement for every story touched — none for one whose title is set — saves a round trip
   * an article, a quarter of a millisecond each on the embedded engine.
   */
  async touchStory(id: string): Promise<void> {
    this.touched.add(id);
  }

  async setStoryTitle(id: string, title: string): Promise<void> {
    await this.q.query('UPDATE stories SET title = $2, updated_at = now() WHERE id = $1', [id, title]);
    this.touched.delete(id);
  }

  /** Writes what was left for the end of the transaction (the stories touched). */
  async flush(): Promise<void> {
    if (this.touched.size === 0) return;
    await this.q.query('UPDATE stories SET updated_at = now() WHERE id = ANY($1::text[])', [[...this.touched]]);
    this.touched.clear();
  }

  /** Merges `from` into `into`: its articles move, its row stays as a pointer to `into`. */
  async mergeStory(from: string, into: string): Promise<void> {
    await this.q.query('UPDATE articles SET story_id = $2 WHERE story_id = $1', [from, into]);
    await this.q.query('UPDATE stories SET merged_into = $2, updated_at = now() WHERE id = $1', [from, into]);
    this.touched.add(into);
  }

  /** Moves every event of story `from` to story `into` (with its articles, merged by `mergeStory`). */
  async moveEvents(from: string, into: string): Promise<void> {
    await this.q.query('UPDATE events SET story_id = $2 WHERE story_id = $1', [from, into]);
  }

  async storyMembers(id: string): Promise<Array<{ id: string; title: string | null; titleDerived: boolean }>> {
    const rows = await this.q.query<{ id: string; title: string | null; title_derived: boolean }>(
      'SELECT id, title, title_derived FROM articles WHERE story_id = $1 ORDER BY seq',
      [id],
    );
    return rows.map((r) => ({ id: r.id, title: r.title, titleDerived: r.title_derived }));
  }

  /** Replaces an article's analysis (a newer understand stage re-read it). */
  async setAnalysis(id: string, analysis: Analysis): Promise<void> {
    await this.q.query('UPDATE articles SET analysis = $2::json, analysis_version = $3 WHERE id = $1', [id, JSON.stringify(analysis), analysis.version]);
  }

  /**
   * Stores an article with its index vector (`article_terms`), its source and its MinHash bands,
   * in one statement: data-modifying CTEs (PostgreSQL manual, "WITH Queries", 7.8.4) share the
   * new row's `seq`, and one round trip instead of four matters on the embedded engine, where each
   * statement costs about a millisecond however small.
   */
  async insertArticle(article: Article, storyId: string | null, vector: TermWeight[], extras: GroupExtras | null = null): Promise<void> {
    this.inserted++;
    const p = article.published;
    const [row] = await this.q.query<{ seq: string | number }>(
      `WITH a AS (
         INSERT INTO articles (id, source, parent_id, story_id, kind, url, outlet, title, title_derived, published_value,
           published_earliest, published_latest, published_basis, published_evidence, language, text, raw, removed, diagnostics,
           analysis, analysis_version, group_features, component, duplicate_of, event_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18::json,$19::json,$20::json,$21,$22::json,$23,$24,$28)
         RETURNING id, seq, source),
       s AS (INSERT INTO article_sources (article_id, source) SELECT id, source FROM a ON CONFLICT DO NOTHING),
       t AS (INSERT INTO article_terms (term, article_id, weight, seq)
             SELECT v.term, a.id, v.weight, a.seq FROM a, unnest($25::text[], $26::real[]) AS v(term, weight)),
       b AS (INSERT INTO article_bands (band, article_id) SELECT DISTINCT b.band, a.id FROM a, unnest($27::text[]) AS b(band) ON CONFLICT DO NOTHING)
       SELECT seq FROM a`,
      [
        article.id, article.source, article.parentId, storyId, article.kind, article.url, article.outlet, article.title,
        article.titleDerived, p.value, p.earliest, p.latest, p.basis, p.evidence, article.language, article.text, article.raw,
        JSON.stringify(article.removed), JSON.stringify(article.diagnostics),
        article.analysis ? JSON.stringify(article.analysis) : null, article.analysis?.version ?? 0,
        extras ? JSON.stringify(extras.features) : null, extras?.component ?? null, extras?.duplicateOf ?? null,
        vector.map((v) => v.term), vector.map((v) => v.weight), extras?.bands ?? [], extras?.eventId ?? null,
      ],
    );
    if (extras) {
      this.own.set(
        article.id,
        fixedFields({
          id: article.id, seq: row!.seq, title: article.title, title_derived: article.titleDerived, published_earliest: p.earliest,
          published_latest: p.latest, duplicate_of: extras.duplicateOf, group_features: extras.features,
        }),
      );
    }
  }
}

/** The columns of a group row that change (the rest come from `GroupRowCache`), bare and of `articles a`. */
const GROUP_ROW_COLUMNS = 'id, story_id, event_id, component';
const GROUP_ROW_COLUMNS_OF_A = 'a.id, a.story_id, a.event_id, a.component';

type GroupRowRecord = { id: string; story_id: string | null; event_id: string | null; component: string | null };
type GroupRowTuple = [string, string | null, string | null, string | null];
const groupRowRecord = (t: GroupRowTuple | [...GroupRowTuple, ...unknown[]]): GroupRowRecord => ({ id: t[0], story_id: t[1], event_id: t[2], component: t[3] });

/**
 * A read of many rows returned as one JSON array in one row: `packed` writes the select list, and
 * the caller parses the one text column it names. Every row PGlite returns costs its protocol code about 5 µs in JavaScript
 * whatever its width, so the lookups grouping makes for each article — 50 to 150 rows each —
 * cost more to hand over than to run: `nearest` over a 1,000-article store took 2.0 ms as rows
 * and 1.5 ms as one array (scratch measurement, docs/benchmarks.md 2026-12-08). Standard SQL
 * (json_agg), so a PostgreSQL server runs the same statement.
 */
function packed(aggregate: string, filter: string | null = null): string {
  return `coalesce(json_agg(${aggregate})${filter ? ` FILTER (WHERE ${filter})` : ''}, '[]')::text AS packed`;
}

type FixedRecord = {
  id: string; seq: string | number; title: string | null; title_derived: boolean; published_earliest: Date | string | null;
  published_latest: Date | string | null; duplicate_of: string | null; group_features: GroupFeatures;
};

/** The fields of a group row that never change, from the columns they are stored in (read back, or just inserted). */
function fixedFields(r: FixedRecord): FixedGroupFields {
  return {
    seq: Number(r.seq),
    features: r.group_features,
    title: r.title,
    titleDerived: r.title_derived,
    published: { earliest: day(r.published_earliest), latest: day(r.published_latest) },
    duplicateOf: r.duplicate_of,
  };
}

const ARTICLE_SELECT = `SELECT a.*, (SELECT array_agg(s.source ORDER BY s.source) FROM article_sources s WHERE s.article_id = a.id) AS sources FROM articles a`;

function iso(v: Date | string): string {
  return (v instanceof Date ? v : new Date(v)).toISOString();
}

function day(v: Date | string | null): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v.slice(0, 10);
  // DATE columns come back as local-midnight Dates from some drivers: format the calendar day, not UTC.
  return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
}

function toArticle(r: ArticleRow): StoredArticle {
  return {
    id: r.id,
    source: r.source,
    parentId: r.parent_id,
    storyId: r.story_id,
    eventId: r.event_id,
    duplicateOf: r.duplicate_of,
    kind: r.kind,
    url: r.url,
    outlet: r.outlet,
    raw: r.raw,
    title: r.title,
    titleDerived: r.title_derived,
    published: { value: r.published_value, earliest: day(r.published_earliest), latest: day(r.published_latest), basis: r.published_basis, evidence: r.published_evidence },
    language: r.language,
    text: r.text,
    removed: r.removed,
    diagnostics: r.diagnostics,
    createdAt: iso(r.created_at),
    sources: r.sources ?? [],
    ...(r.analysis ? { analysis: r.analysis } : {}),
  };
}
