/**
 * The web app: server-rendered pages and the JSON API over one store, as a Hono app. Tests call
 * `createApp(store).request('/path')` in-process; `storyline serve` hands it to a Node HTTP server.
 */
import { readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { buildReport, buildStoryReport } from '../report/build.ts';
import { DEFAULT_MAX_BYTES, readBytes, recordItem, type ReadItem } from '../read/index.ts';
import type { Store } from '../store/index.ts';
import { searchArticles, storySummaries } from '../store/search.ts';
import { apiRoutes } from './api.ts';
import { HttpError, type ErrorBody } from './errors.ts';
import { ingester } from './ingest.ts';
import { articlePage } from './pages/article.ts';
import { errorPage, ingestPage, type IngestForm } from './pages/ingest.ts';
import { storiesPage } from './pages/stories.ts';
import { storyPage } from './pages/story.ts';
import { articleId, articleQuery, isSearch, storyId } from './params.ts';
import { checkWrite, isLoopback, limitBody, loopbackHostOnly, sameOriginForms, securityHeaders, type WriteAccess } from './security.ts';

export interface AppOptions {
  /** The address the server listens on; anything but loopback needs a token for writes. Default 127.0.0.1. */
  host?: string;
  /** Shared secret for writes (POST /api/articles, the ingest form); null or empty for none. */
  token?: string | null;
  /** Largest request body accepted, in bytes (default 10 MB, like `analyze --max-bytes`). */
  maxBytes?: number;
}

const STATIC: Record<string, string> = { 'style.css': 'text/css; charset=utf-8', 'app.js': 'text/javascript; charset=utf-8' };

function loadStatic(): Map<string, { body: string; type: string }> {
  return new Map(Object.entries(STATIC).map(([name, type]) => [name, { body: readFileSync(new URL(`./static/${name}`, import.meta.url), 'utf8'), type }]));
}

function wantsJson(c: Context): boolean {
  return c.req.path.startsWith('/api/');
}

function errorResponse(c: Context, status: number, message: string): Response {
  const body: ErrorBody = { status, message };
  return wantsJson(c) ? c.json(body, status as 400) : c.html(errorPage(status, message), status as 400);
}

export function createApp(store: Store, options: AppOptions = {}): Hono {
  const host = options.host ?? '127.0.0.1';
  const access: WriteAccess = { token: options.token || null, loopback: isLoopback(host) };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const ingest = ingester(store);
  const files = loadStatic();
  const form: IngestForm = {
    needsToken: access.token !== null,
    closedReason: access.token === null && !access.loopback ? 'Writes are disabled: this server is reachable from other machines and was started without a token. Restart it with --token TOKEN (or STORYLINE_TOKEN) to analyse articles here.' : null,
    maxMegabytes: Math.round(maxBytes / 1024 / 1024),
  };

  const app = new Hono();
  app.use(securityHeaders());
  if (access.loopback) app.use(loopbackHostOnly());

  app.onError((err, c) => {
    if (err instanceof HttpError) return errorResponse(c, err.status, err.message);
    if (err instanceof HTTPException) return errorResponse(c, err.status, err.message || 'the request was refused');
    process.stderr.write(`storyline serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}\n`);
    return errorResponse(c, 500, 'the server failed on this request; the details are in its log');
  });
  app.notFound((c) => errorResponse(c, 404, `nothing at ${c.req.path}: the pages are / (stories), /stories/ID, /articles/ID and /ingest; the API is described at /api/openapi.json`));

  app.get('/static/:name', (c) => {
    const file = files.get(c.req.param('name'));
    if (!file) throw new HttpError(404, `no static file ${c.req.param('name')}`);
    return c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': 'public, max-age=300' });
  });

  // Browsers ask for it on every page; there is none, and a 404 would clutter their console.
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.get('/', async (c) => {
    const query = articleQuery((n) => c.req.query(n), 50);
    if (!isSearch(query)) {
      const [stories, counts] = await Promise.all([storySummaries(store, { limit: query.limit, offset: query.offset }), store.counts()]);
      return c.html(storiesPage({ query, stories, totalStories: counts.stories, search: null }));
    }
    const { total, hits } = await searchArticles(store, query);
    const articles = await store.getArticles(hits.map((h) => h.id));
    const order = new Map(hits.map((h, i) => [h.id, i]));
    articles.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const storyIds = [...new Set(hits.map((h) => h.storyId).filter((s): s is string => s !== null))];
    const summaries = storyIds.length ? await storySummaries(store, { ids: storyIds, limit: storyIds.length }) : [];
    // Stories in the order of their best hit, so the most relevant story comes first.
    summaries.sort((a, b) => storyIds.indexOf(a.id) - storyIds.indexOf(b.id));
    return c.html(storiesPage({ query, stories: summaries, totalStories: 0, search: { total, articles } }));
  });

  app.get('/stories/:id', async (c) => {
    const id = storyId(c.req.param('id'));
    const story = await store.getStory(id);
    if (!story) throw new HttpError(404, `no story ${id} in this store: it may have been analysed into another store`);
    if (story.id !== id) return c.redirect(`/stories/${story.id}`, 301);
    const report = await buildStoryReport(store, [story]);
    return c.html(storyPage(report, report.stories[0]!));
  });

  app.get('/articles/:id', async (c) => {
    const id = articleId(c.req.param('id'));
    const article = await store.getArticle(id);
    if (!article) throw new HttpError(404, `no article ${id} in this store`);
    const report = await buildReport(store, [id]);
    const story = report.stories.find((s) => s.articleIds.includes(id)) ?? null;
    const children = (await store.getArticles(await store.childIds(id))).map((a) => ({ id: a.id, title: a.title }));
    return c.html(articlePage({ article, story, children }));
  });

  app.get('/ingest', (c) => c.html(ingestPage(form)));

  app.post('/ingest', limitBody(maxBytes), sameOriginForms(), async (c) => {
    // Closed to everyone (public address, no token): say so before reading the upload.
    if (access.token === null) checkWrite(access, null);
    const body = await c.req.parseBody({ all: true });
    const field = (name: string): string | null => {
      const v = body[name];
      return typeof v === 'string' && v.trim() !== '' ? v : null;
    };
    checkWrite(access, field('token'));
    const items: ReadItem[] = [];
    const content = field('content');
    if (content) {
      // Pasted markup is analysed as a web page; anything else as a text dump.
      const isHtml = /^\s*</.test(content) && /<\/?[a-z][\s\S]*>/i.test(content);
      items.push(recordItem({ [isHtml ? 'html' : 'text']: content, title: field('title'), url: field('url'), published: field('published'), source: field('source') }, 'paste'));
    }
    const uploads = ([] as unknown[]).concat(body.files ?? []).filter((f): f is File => f instanceof File && f.size > 0);
    for (const file of uploads) items.push(...readBytes(`upload/${file.name.replace(/[/\\]/g, '_')}`, new Uint8Array(await file.arrayBuffer()), maxBytes));
    if (items.length === 0) throw new HttpError(400, 'nothing to analyse: paste an article into the text box or choose files to upload');
    return c.html(ingestPage(form, await ingest(items)));
  });

  app.route('/api', apiRoutes(store, ingest, access, maxBytes));
  return app;
}
