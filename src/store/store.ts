/**
 * The storage layer: every SQL statement Storyline runs is in this folder. `Store` reads; writes go
 * through `Store.write(fn)`, which runs `fn` in one transaction with a `StoreTx`, so an input's
 * articles, index entries and story changes are stored together or not at all (a crash or kill
 * mid-run leaves no half-written input behind).
 */
import type { Analysis, Article, PublishedDate } from '../article/article.ts';
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
}

export interface StoredArticle extends Omit<Article, 'stated'> {
  storyId: string | null;
  createdAt: string;
  /** Every source this content arrived from. */
  sources: string[];
}

export interface Candidate {
  articleId: string;
  storyId: string;
  score: number;
  published: { earliest: string | null; latest: string | null };
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
  analysis: Analysis | null;
};
type StoryRow = { id: string; title: string; created_at: Date | string; updated_at: Date | string; merged_into: string | null };

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

export class Store {
  constructor(readonly db: Db) {}

  get description(): string {
    return this.db.description;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /**
   * Runs `fn` in one transaction. Writes are serialised with each other (the `group` lock): grouping
   * reads the nearest stored articles and then writes, so two writers side by side would each miss
   * the other's article and split one story in two.
   */
  write<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.db.transaction((q) => fn(new StoreTx(q)), { lock: 'group' });
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
    const members = await this.db.query<{ story_id: string; id: string }>(
      'SELECT story_id, id FROM articles WHERE story_id = ANY($1::text[]) ORDER BY seq',
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
    }));
  }
}

/** Writes and the reads grouping needs inside the write transaction. */
export class StoreTx {
  constructor(private readonly q: Queryable) {}

  async articleCount(): Promise<number> {
    const [row] = await this.q.query<{ n: string }>('SELECT count(*) AS n FROM articles');
    return Number(row!.n);
  }

  async articleExists(id: string): Promise<boolean> {
    return (await this.q.query('SELECT 1 FROM articles WHERE id = $1', [id])).length > 0;
  }

  async addSource(articleId: string, source: string): Promise<void> {
    await this.q.query('INSERT INTO article_sources (article_id, source) VALUES ($1, $2) ON CONFLICT DO NOTHING', [articleId, source]);
  }

  /**
   * Stored articles most similar to `vector` by cosine (both sides L2-normalised), through the term
   * index: only articles sharing a term are touched, never the whole store.
   */
  async nearest(vector: TermWeight[], limit: number, maxPostings: number): Promise<Candidate[]> {
    if (vector.length === 0) return [];
    const rows = await this.q.query<{ article_id: string; story_id: string; score: number; earliest: Date | string | null; latest: Date | string | null }>(
      `SELECT s.article_id, a.story_id, s.score, a.published_earliest AS earliest, a.published_latest AS latest
         FROM (SELECT t.article_id, sum(t.weight * q.weight) AS score
                 FROM unnest($1::text[], $2::real[]) AS q(term, weight)
                 JOIN term_df d ON d.term = q.term AND d.df <= $4
                 JOIN article_terms t ON t.term = q.term
                GROUP BY t.article_id
                ORDER BY score DESC, t.article_id
                LIMIT $3) s
         JOIN articles a ON a.id = s.article_id
        WHERE a.story_id IS NOT NULL
        ORDER BY s.score DESC, s.article_id`,
      [vector.map((v) => v.term), vector.map((v) => v.weight), limit, maxPostings],
    );
    return rows.map((r) => ({
      articleId: r.article_id,
      storyId: r.story_id,
      score: Number(r.score),
      published: { earliest: day(r.earliest), latest: day(r.latest) },
    }));
  }

  /** The live story a (possibly merged) story id now lives in. */
  async liveStory(id: string): Promise<string> {
    let current = id;
    for (let hops = 0; hops < 32; hops++) {
      const [row] = await this.q.query<{ merged_into: string | null }>('SELECT merged_into FROM stories WHERE id = $1', [current]);
      if (!row?.merged_into) return current;
      current = row.merged_into;
    }
    return current;
  }

  async createStory(id: string, title: string): Promise<void> {
    await this.q.query('INSERT INTO stories (id, title) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, title]);
  }

  /** The given story ids, oldest first. */
  async orderByAge(ids: string[]): Promise<string[]> {
    const rows = await this.q.query<{ id: string }>('SELECT id FROM stories WHERE id = ANY($1::text[]) ORDER BY created_at, id', [ids]);
    return rows.map((r) => r.id);
  }

  async touchStory(id: string): Promise<void> {
    await this.q.query('UPDATE stories SET updated_at = now() WHERE id = $1', [id]);
  }

  async setStoryTitle(id: string, title: string): Promise<void> {
    await this.q.query('UPDATE stories SET title = $2 WHERE id = $1', [id, title]);
  }

  /** Merges `from` into `into`: its articles move, its row stays as a pointer to `into`. */
  async mergeStory(from: string, into: string): Promise<void> {
    await this.q.query('UPDATE articles SET story_id = $2 WHERE story_id = $1', [from, into]);
    await this.q.query('UPDATE stories SET merged_into = $2, updated_at = now() WHERE id = $1', [from, into]);
    await this.q.query('UPDATE stories SET updated_at = now() WHERE id = $1', [into]);
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
    await this.q.query('UPDATE articles SET analysis = $2::jsonb, analysis_version = $3 WHERE id = $1', [id, JSON.stringify(analysis), analysis.version]);
  }

  /** Stores an article with its index vector; `term_df` counts each term's postings (the index's list lengths). */
  async insertArticle(article: Article, storyId: string | null, vector: TermWeight[]): Promise<void> {
    const p = article.published;
    await this.q.query(
      `INSERT INTO articles (id, source, parent_id, story_id, kind, url, outlet, title, title_derived, published_value,
         published_earliest, published_latest, published_basis, published_evidence, language, text, raw, removed, diagnostics,
         analysis, analysis_version)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18::jsonb,$19::jsonb,$20::jsonb,$21)`,
      [
        article.id, article.source, article.parentId, storyId, article.kind, article.url, article.outlet, article.title,
        article.titleDerived, p.value, p.earliest, p.latest, p.basis, p.evidence, article.language, article.text, article.raw,
        JSON.stringify(article.removed), JSON.stringify(article.diagnostics),
        article.analysis ? JSON.stringify(article.analysis) : null, article.analysis?.version ?? 0,
      ],
    );
    await this.addSource(article.id, article.source);
    if (vector.length) {
      await this.q.query(
        'INSERT INTO article_terms (term, article_id, weight) SELECT term, $1, weight FROM unnest($2::text[], $3::real[]) AS v(term, weight)',
        [article.id, vector.map((v) => v.term), vector.map((v) => v.weight)],
      );
    }
    if (vector.length) {
      await this.q.query(
        `INSERT INTO term_df (term, df) SELECT term, 1 FROM unnest($1::text[]) AS t(term)
         ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1`,
        [vector.map((v) => v.term)],
      );
    }
    await this.q.query("UPDATE counters SET value = value + 1 WHERE name = 'articles'");
  }
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
