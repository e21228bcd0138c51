/**
 * Read queries for browsing the store: full-text search over articles, and per-story summaries
 * (counts and date range) for the stories list. Like every SQL statement, they live in the storage
 * layer; every value is a bound parameter and every result is bounded by a limit.
 */
import type { Queryable } from './db.ts';
import type { Store } from './store.ts';

/** The stored, indexed document of an article: its title and text (migration 005). */
const DOCUMENT = 'a.search';

/** The most rows one call returns; callers page with `offset`. */
export const MAX_LIMIT = 100;

export interface ArticleQuery {
  /** Words, "quoted phrases", `or`, and `-excluded` words (web-search syntax); matched without stemming. */
  q?: string | null;
  /** An entity name, matched as a phrase in the title or text. */
  entity?: string | null;
  /** `YYYY-MM-DD` bounds: articles whose possible publication dates overlap [from, to]; undated ones drop out. */
  from?: string | null;
  to?: string | null;
  limit?: number;
  offset?: number;
}

export interface ArticleHit {
  id: string;
  storyId: string | null;
  /** Relevance of the match to `q` (0 when there is no `q`). */
  rank: number;
}

export interface SearchResult {
  /** Matches in all (the hits are one page of them). */
  total: number;
  hits: ArticleHit[];
}

export interface StorySummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  articles: number;
  /** Distinct outlets among the articles (by outlet name, else the URL's host); 0 when none is known. */
  outlets: number;
  /** The earliest and latest dates the articles' publication evidence allows, or null. */
  earliest: string | null;
  latest: string | null;
}

function bounded(limit: number | undefined, fallback: number): number {
  const n = limit ?? fallback;
  return Math.max(1, Math.min(MAX_LIMIT, Math.trunc(n)));
}

function db(target: Store | Queryable): Queryable {
  return 'db' in target ? target.db : target;
}

/** Articles matching every given criterion; best match first with `q`, else most recently published. */
export async function searchArticles(target: Store | Queryable, query: ArticleQuery): Promise<SearchResult> {
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const q = query.q?.trim() || null;
  const entity = query.entity?.trim() || null;
  let rank = '0';
  if (q) {
    const p = param(q);
    where.push(`${DOCUMENT} @@ websearch_to_tsquery('simple', ${p})`);
    rank = `ts_rank(${DOCUMENT}, websearch_to_tsquery('simple', ${p}))`;
  }
  if (entity) where.push(`${DOCUMENT} @@ phraseto_tsquery('simple', ${param(entity)})`);
  if (query.from || query.to) where.push('(a.published_earliest IS NOT NULL OR a.published_latest IS NOT NULL)');
  if (query.from) where.push(`coalesce(a.published_latest, 'infinity'::date) >= ${param(query.from)}::date`);
  if (query.to) where.push(`coalesce(a.published_earliest, '-infinity'::date) <= ${param(query.to)}::date`);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const conn = db(target);
  const [count] = await conn.query<{ n: string | number }>(`SELECT count(*) AS n FROM articles a ${filter}`, params);
  const order = q ? 'rank DESC, a.seq DESC' : 'a.published_earliest DESC NULLS LAST, a.seq DESC';
  const rows = await conn.query<{ id: string; story_id: string | null; rank: number }>(
    `SELECT a.id, a.story_id, ${rank} AS rank FROM articles a ${filter} ORDER BY ${order}
      LIMIT ${param(bounded(query.limit, 20))} OFFSET ${param(Math.max(0, Math.trunc(query.offset ?? 0)))}`,
    params,
  );
  return { total: Number(count!.n), hits: rows.map((r) => ({ id: r.id, storyId: r.story_id, rank: Number(r.rank) })) };
}

/**
 * Live stories with their counts and date range, most recent activity first; only the requested
 * page of stories is aggregated, so the cost does not grow with the whole store. With `ids`, just
 * those stories (in the same order).
 */
export async function storySummaries(target: Store | Queryable, options: { limit?: number; offset?: number; ids?: string[] } = {}): Promise<StorySummary[]> {
  const params: unknown[] = [bounded(options.limit, 50), Math.max(0, Math.trunc(options.offset ?? 0))];
  const only = options.ids ? 'AND id = ANY($3::text[])' : '';
  if (options.ids) params.push(options.ids);
  const rows = await db(target).query<{
    id: string; title: string; created_at: Date | string; updated_at: Date | string; articles: number | string; outlets: number | string;
    earliest: string | null; latest: string | null;
  }>(
    `SELECT s.id, s.title, s.created_at, s.updated_at, count(a.id) AS articles,
            count(DISTINCT lower(coalesce(a.outlet, substring(a.url from '^[a-zA-Z]+://([^/:?#]+)')))) AS outlets,
            to_char(min(a.published_earliest), 'YYYY-MM-DD') AS earliest,
            to_char(max(coalesce(a.published_latest, a.published_earliest)), 'YYYY-MM-DD') AS latest
       FROM (SELECT * FROM stories WHERE merged_into IS NULL ${only} ORDER BY updated_at DESC, id LIMIT $1 OFFSET $2) s
       LEFT JOIN articles a ON a.story_id = s.id
      GROUP BY s.id, s.title, s.created_at, s.updated_at
      ORDER BY s.updated_at DESC, s.id`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    articles: Number(r.articles),
    outlets: Number(r.outlets),
    earliest: r.earliest,
    latest: r.latest,
  }));
}
