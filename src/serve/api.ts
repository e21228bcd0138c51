/**
 * The JSON API. Shapes are the report contract's (docs/report.md): a story comes as a report
 * holding it and its articles, exactly what `storyline show --format json` prints; an article is
 * the report's article object. Every route is described in GET /api/openapi.json.
 */
import { Hono } from 'hono';
import { buildStoryReport, toReportArticle, toReportStory } from '../report/build.ts';
import type { ReportArticle, ReportStory } from '../report/schema.ts';
import { recordItem, type ReadItem } from '../read/index.ts';
import type { Store } from '../store/index.ts';
import { MAX_LIMIT, searchArticles, storySummaries } from '../store/search.ts';
import { HttpError } from './errors.ts';
import type { Ingest, IngestResult } from './ingest.ts';
import { openApiDocument } from './openapi.ts';
import { excerptAround, queryWords } from './pages/highlight.ts';
import { MAX_BATCH, MAX_OFFSET, articleId, articleQuery, integer, storyId } from './params.ts';
import { bearer, checkWrite, jsonOnly, limitBody, type WriteAccess } from './security.ts';

export interface StoryListItem extends ReportStory {
  /** Counts and publication range of the story's articles. */
  stats: { articles: number; outlets: number; earliest: string | null; latest: string | null };
}

export interface SearchHit {
  id: string;
  storyId: string | null;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: ReportArticle['published'];
  language: string | null;
  rank: number;
  /** Plain text around the first match. */
  snippet: string;
}

export function apiRoutes(store: Store, ingest: Ingest, access: WriteAccess, maxBytes: number): Hono {
  const api = new Hono();

  api.get('/stories', async (c) => {
    const get = (n: string) => c.req.query(n);
    const limit = integer(get, 'limit', 50, 1, MAX_LIMIT);
    const offset = integer(get, 'offset', 0, 0, MAX_OFFSET);
    const [stories, counts] = await Promise.all([store.listStories({ limit, offset }), store.counts()]);
    const stats = new Map((await storySummaries(store, { ids: stories.map((s) => s.id), limit })).map((s) => [s.id, s]));
    const items: StoryListItem[] = stories.map((s) => {
      const st = stats.get(s.id);
      // A list item is the story without what is read from its articles (entities, quotes, claims,
      // events, briefing stay empty here: building them for every listed story would cost a report
      // per story); GET /api/stories/:id has them.
      return { ...toReportStory(s).story, stats: { articles: st?.articles ?? s.articleIds.length, outlets: st?.outlets ?? 0, earliest: st?.earliest ?? null, latest: st?.latest ?? null } };
    });
    return c.json({ total: counts.stories, limit, offset, stories: items });
  });

  api.get('/stories/:id', async (c) => {
    const id = storyId(c.req.param('id'));
    const story = await store.getStory(id);
    if (!story) throw new HttpError(404, `no story ${id} in this store: list them at /api/stories`);
    return c.json(await buildStoryReport(store, [story]));
  });

  api.get('/articles/:id', async (c) => {
    const id = articleId(c.req.param('id'));
    const article = await store.getArticle(id);
    if (!article) throw new HttpError(404, `no article ${id} in this store: find articles with /api/search?q=WORDS`);
    return c.json(toReportArticle(article));
  });

  api.get('/search', async (c) => {
    const query = articleQuery((n) => c.req.query(n));
    const { total, hits } = await searchArticles(store, query);
    const articles = new Map((await store.getArticles(hits.map((h) => h.id))).map((a) => [a.id, a]));
    const words = [...queryWords(query.q), ...(query.entity ? [query.entity] : [])];
    const results: SearchHit[] = hits.flatMap((h) => {
      const a = articles.get(h.id);
      if (!a) return [];
      return [{ id: a.id, storyId: a.storyId, title: a.title, outlet: a.outlet, url: a.url, published: a.published, language: a.language, rank: h.rank, snippet: excerptAround(a.text, words) }];
    });
    return c.json({ query, total, results });
  });

  api.post('/articles', limitBody(maxBytes), jsonOnly(), async (c) => {
    checkWrite(access, bearer(c.req.header('authorization')));
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch (e) {
      throw new HttpError(400, `the body is not valid JSON (${(e as Error).message}): send one article object or an array of them`);
    }
    const records = Array.isArray(body) ? body : [body];
    if (records.length === 0) throw new HttpError(400, 'the array is empty: send at least one article object');
    if (records.length > MAX_BATCH) throw new HttpError(413, `${records.length} articles in one request; at most ${MAX_BATCH} are accepted: split the batch`);
    const items: ReadItem[] = records.map((r, i) => recordItem(r, `api#${i + 1}`));
    const results: IngestResult[] = await ingest(items);
    const count = (s: IngestResult['status']) => results.filter((r) => r.status === s).length;
    return c.json({ summary: { inputs: results.length, analysed: count('analysed'), unchanged: count('unchanged'), failed: count('failed') }, items: results });
  });

  api.get('/openapi.json', (c) => c.json(openApiDocument(maxBytes)));

  return api;
}
