/**
 * The web app in-process (`app.request`), over a real embedded store in a temporary folder holding
 * the seed corpus and a hostile article. API responses are checked against the report contract's
 * JSON Schema and against the OpenAPI document's own schemas.
 */
import { existsSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportArticle } from '../report/schema.ts';
import { assertValidReport } from '../report/validate.ts';
import { createApp } from './app.ts';
import { CONTENT_SECURITY_POLICY } from './security.ts';
import { HOSTILE_RECORD, HOSTILE_TITLE, SEEDS, analyseRecords, analyseSeeds, tempStore, type TempStore } from './testing.ts';

const hasSeeds = existsSync(SEEDS);
if (!hasSeeds) console.warn(`web app seed tests skipped: ../shared/corpus/seeds not found at ${SEEDS}`);

let t: TempStore;
let app: Hono;
let hostileId: string;
let storyId: string;
let hostileStoryId: string;

beforeAll(async () => {
  t = await tempStore();
  if (hasSeeds) await analyseSeeds(t.store);
  hostileId = (await analyseRecords(t.store, [HOSTILE_RECORD]))[0]!;
  app = createApp(t.store);
  hostileStoryId = (await t.store.getArticle(hostileId))!.storyId!;
  const nk = (await t.store.listStories()).find((s) => s.articleIds.length === 5);
  storyId = nk?.id ?? hostileStoryId;
});
afterAll(async () => t?.dispose());

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const json = async <T = Record<string, unknown>>(path: string): Promise<{ status: number; body: T }> => {
  const res = await get(path);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: res.status, body: (await res.json()) as T };
};

/** Validates API bodies against the schemas the OpenAPI document declares for them. */
let openapi: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>; components: { schemas: Record<string, unknown> } };
let ajv: Ajv2020;
function assertMatchesOpenApi(path: string, method: string, status: number, body: unknown): void {
  const schema = openapi.paths[path]![method]!.responses[String(status)]!.content!['application/json']!.schema;
  const validate = ajv.compile({ $ref: `urn:storyline:openapi${(schema as { $ref: string }).$ref}` });
  if (!validate(body)) throw new Error(`${method.toUpperCase()} ${path} ${status} does not match its OpenAPI schema: ${ajv.errorsText(validate.errors)}`);
}

describe('API', () => {
  beforeAll(async () => {
    openapi = (await json<typeof openapi>('/api/openapi.json')).body;
    // The document is OpenAPI, not a JSON Schema: non-strict, so ajv passes over its other keywords.
    ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: 'urn:storyline:openapi', components: openapi.components });
  });

  it('describes every route in /api/openapi.json', () => {
    expect(Object.keys(openapi.paths).sort()).toEqual(['/api/articles', '/api/articles/{id}', '/api/openapi.json', '/api/search', '/api/stories', '/api/stories/{id}']);
    expect(openapi.components.schemas).toHaveProperty('story');
    expect(openapi.components.schemas).toHaveProperty('Report');
  });

  it('GET /api/stories lists live stories, most recent activity first, with counts', async () => {
    const { status, body } = await json<{ total: number; stories: Array<{ id: string; updatedAt: string; articleIds: string[]; stats: { articles: number } }> }>('/api/stories');
    expect(status).toBe(200);
    assertMatchesOpenApi('/api/stories', 'get', 200, body);
    expect(body.total).toBe(body.stories.length);
    expect(body.stories.length).toBe(hasSeeds ? 5 : 1);
    const times = body.stories.map((s) => s.updatedAt);
    expect([...times].sort().reverse()).toEqual(times);
    for (const s of body.stories) expect(s.stats.articles).toBe(s.articleIds.length);
    // Each listed story is a contract story: wrap it in a report and let the contract's validator judge.
    assertValidReport({ version: 1, generatedAt: new Date().toISOString(), summary: { inputs: 0, analysed: 0, unchanged: 0, failed: 0, articles: 0, stories: 0 }, articles: [], stories: body.stories, errors: [] });
  });

  it('GET /api/stories/:id answers a report holding the story and all its articles', async () => {
    const { status, body } = await json<Report>(`/api/stories/${storyId}`);
    expect(status).toBe(200);
    assertValidReport(body);
    assertMatchesOpenApi('/api/stories/{id}', 'get', 200, body);
    expect(body.stories.map((s) => s.id)).toEqual([storyId]);
    expect(body.articles.map((a) => a.id).sort()).toEqual([...body.stories[0]!.articleIds].sort());
  });

  it('GET /api/articles/:id answers the contract article', async () => {
    const { status, body } = await json<ReportArticle>(`/api/articles/${hostileId}`);
    expect(status).toBe(200);
    assertMatchesOpenApi('/api/articles/{id}', 'get', 200, body);
    expect(body.title).toBe(HOSTILE_TITLE);
    expect(body.published.value).toBe('2025-03-14');
  });

  it.skipIf(!hasSeeds)('GET /api/search finds "Shoigu" in the seed story and only there', async () => {
    const { status, body } = await json<{ total: number; results: Array<{ id: string; storyId: string; snippet: string }> }>('/api/search?q=Shoigu');
    expect(status).toBe(200);
    assertMatchesOpenApi('/api/search', 'get', 200, body);
    expect(body.total).toBeGreaterThan(0);
    for (const r of body.results) {
      expect(r.storyId).toBe(storyId);
      expect(r.snippet).toMatch(/Shoigu/);
    }
  });

  it.skipIf(!hasSeeds)('GET /api/search filters by entity and by publication dates', async () => {
    const all = (await json<{ total: number }>('/api/search?entity=Kim%20Jong%20Un')).body.total;
    expect(all).toBeGreaterThan(0);
    // Only 003 (2024-07-19) can have been published in July 2024; undated articles drop out.
    const july = (await json<{ results: Array<{ published: { value: string | null } }> }>('/api/search?entity=Kim%20Jong%20Un&from=2024-07&to=2024-07')).body.results;
    expect(july.map((r) => r.published.value)).toEqual(['2024-07-19']);
    const none = (await json<{ total: number }>('/api/search?q=Shoigu&to=2020')).body.total;
    expect(none).toBe(0);
  });

  it('searches with hostile query text as data, not SQL', async () => {
    const { status, body } = await json<{ total: number }>(`/api/search?q=${encodeURIComponent("'); DROP TABLE articles; -- \" ) ( & | !")}`);
    expect(status).toBe(200);
    expect(body.total).toBe(0);
    expect((await t.store.counts()).articles).toBeGreaterThan(0);
  });

  it.each([
    ['/api/stories/not-an-id', 400, /not a story id/],
    ['/api/stories/S0123456789ABCDEF', 400, /not a story id/],
    ['/api/stories/s0123456789abcdef', 404, /no story/],
    ['/api/articles/a0123', 400, /not an article id/],
    ['/api/articles/a0123456789abcdef', 404, /no article/],
    ['/api/search?from=2024-13', 400, /'from' must be a date/],
    ['/api/search?from=2025&to=2024', 400, /after 'to'/],
    ['/api/search?limit=1000', 400, /'limit' must be a whole number from 1 to 100/],
    [`/api/search?q=${'x'.repeat(201)}`, 400, /at most 200/],
    ['/api/nothing', 404, /openapi/],
  ])('%s → %i as JSON {status, message}', async (path, status, message) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { status: number; message: string };
    expect(body).toEqual({ status, message: expect.stringMatching(message) });
  });
});

describe('POST /api/articles', () => {
  const post = (a: Hono, body: string, headers: Record<string, string> = {}) =>
    a.request('/api/articles', { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
  const article = (n: number) => ({
    title: `Lighthouse keepers vote to strike, round ${n}`,
    source: 'Coast Herald',
    published: '2025-05-0' + n,
    text: `The lighthouse keepers of the northern coast voted on Monday to strike over pay, their union said, in round ${n} of the dispute.\n\nThe strike would leave ${n * 3} lighthouses unattended for a week, the coastguard warned.`,
  });

  it('analyses a batch and reports each item, then recognises the same content', async () => {
    const res = await post(app, JSON.stringify([article(1), article(2), { title: 'no body' }]));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { summary: Record<string, number>; items: Array<{ status: string; articleIds: string[]; storyIds: string[]; reason: string | null; source: string }> };
    assertMatchesOpenApi('/api/articles', 'post', 200, body);
    expect(body.summary).toEqual({ inputs: 3, analysed: 2, unchanged: 0, failed: 1 });
    expect(body.items.map((i) => i.status)).toEqual(['analysed', 'analysed', 'failed']);
    expect(body.items[2]!.reason).toMatch(/no 'text' or 'html'/);
    expect(body.items[0]!.storyIds).toHaveLength(1);
    const stored = await t.store.getArticle(body.items[0]!.articleIds[0]!);
    expect(stored?.outlet).toBe('Coast Herald');

    const again = (await (await post(app, JSON.stringify(article(1)))).json()) as { items: Array<{ status: string; articleIds: string[] }> };
    expect(again.items.map((i) => i.status)).toEqual(['unchanged']);
    expect(again.items[0]!.articleIds).toEqual(body.items[0]!.articleIds);
  });

  it.each([
    ['{not json', {}, 400, /not valid JSON/],
    ['[]', {}, 400, /empty/],
    ['{"text":"x"}', { 'Content-Type': 'text/plain' }, 415, /application\/json/],
  ])('refuses %s', async (body, headers, status, message) => {
    const res = await post(app, body, headers);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { message: string }).message).toMatch(message);
  });

  it('refuses bodies over the limit with 413 before analysing them', async () => {
    const small = createApp(t.store, { maxBytes: 1024 });
    const before = (await t.store.counts()).articles;
    const res = await post(small, JSON.stringify({ text: 'word '.repeat(400) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toMatch(/over the .* limit/);
    expect((await t.store.counts()).articles).toBe(before);
  });

  it('needs the token when one is set, and refuses writes on a public address without one', async () => {
    const withToken = createApp(t.store, { token: 's3cret' });
    expect((await post(withToken, JSON.stringify(article(3)))).status).toBe(401);
    expect((await post(withToken, JSON.stringify(article(3)), { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post(withToken, JSON.stringify(article(3)), { Authorization: 'Bearer s3cret' })).status).toBe(200);

    const open = createApp(t.store, { host: '0.0.0.0' });
    const res = await post(open, JSON.stringify(article(4)));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toMatch(/--token/);
    // Reads stay open on a public address.
    expect((await open.request('/api/stories')).status).toBe(200);
    const guarded = createApp(t.store, { host: '0.0.0.0', token: 's3cret' });
    expect((await post(guarded, JSON.stringify(article(4)), { Authorization: 'Bearer s3cret' })).status).toBe(200);
  });
});

describe('pages', () => {
  it('send a Content-Security-Policy without inline script, and the other safety headers', async () => {
    for (const path of ['/', `/stories/${storyId}`, `/articles/${hostileId}`, '/ingest', '/api/stories', '/nowhere']) {
      const res = await get(path);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('carry no inline script or style: only /static/ files, which are served', async () => {
    for (const path of ['/', `/stories/${storyId}`, `/articles/${hostileId}`, '/ingest']) {
      const page = await (await get(path)).text();
      expect(page).not.toMatch(/<script(?![^>]*\bsrc="\/static\/)/i);
      // A real tag with an event handler or style (in text, `<` is escaped, so `<` starts a tag).
      expect(page).not.toMatch(/<style|<[a-z][^>]*\s(on[a-z]+|style)=/i);
    }
    expect((await get('/static/app.js')).headers.get('content-type')).toMatch(/javascript/);
    expect(await (await get('/static/style.css')).text()).toMatch(/\.article-text/);
    expect((await get('/static/nope.js')).status).toBe(404);
  });

  it.skipIf(!hasSeeds)('list the stories with counts and dates, newest activity first', async () => {
    const page = await (await get('/')).text();
    expect(page).toContain('Another Russian ally supports Moscow amid Ukraine’s Kursk operation');
    expect(page).toMatch(/5 articles · outlets unknown · published 2023-01-01 – 2025-12-31/);
  });

  it.skipIf(!hasSeeds)('search from the stories page: "Shoigu" shows the North Korea story with the article marked', async () => {
    const res = await get('/?q=Shoigu');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain(`/stories/${storyId}`);
    expect(page).toMatch(/<mark class="match">Shoigu<\/mark>/);
    expect(page).not.toContain('Netherlands snap election');
  });

  it.skipIf(!hasSeeds)('show a story: sources with dates, and every section filled from its articles', async () => {
    const page = await (await get(`/stories/${storyId}`)).text();
    expect(page).toContain('2024-07-19');
    expect(page).toContain('derived title');
    for (const id of ['briefing', 'timeline', 'claims', 'quotes', 'entities']) {
      expect(page).toMatch(new RegExp(`<section id="${id}">`));
      expect(page).not.toMatch(new RegExp(`<section id="${id}"><h2>[^<]+</h2><p class="none">`));
    }
    expect(page).toContain('C4ADS');
    expect(page).toContain('Krivoruchko');
  });

  it.skipIf(!hasSeeds)('show an article with its removed parts in place and the date evidence', async () => {
    const seed = (await t.store.getArticles((await t.store.getStory(storyId))!.articleIds)).find((a) => a.text.includes('Shoigu') && a.removed.length > 10)!;
    const page = await (await get(`/articles/${seed.id}`)).text();
    expect(page).toContain('Evidence: reports April 2025 in the past tense');
    expect(page).toMatch(/<p class="removed" data-reason="advertisement"><span class="reason">advertisement<\/span>by Taboola<\/p>/);
    // In place: the caption comes before the first paragraph, the Taboola block after the fifth.
    expect(page.indexOf('data-reason="caption"')).toBeLessThan(page.indexOf('told a visiting top Russian official'));
    expect(page.indexOf('by Taboola')).toBeGreaterThan(page.indexOf('contribution made by North Korean soldiers'));
    // The stories glued below it were split off; the page links them by title.
    expect(page).toMatch(/<dt>Split off<\/dt><dd>.*Netherlands snap election/s);
  });

  it('a merged story id redirects to the live story; bad ids are 400 and unknown ones 404, as pages', async () => {
    const bad = await get('/stories/<script>');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/text\/html/);
    const text = await bad.text();
    expect(text).toContain('&lt;script&gt;');
    expect(text).not.toContain('<script>');
    expect((await get('/articles/a0123456789abcdef')).status).toBe(404);
  });
});

describe('hostile article content renders as text', () => {
  const payloads = ['<script>window.__xss', '<img src=x onerror=', '<b>bridge</b>', '<svg onload=', "<a href='javascript:"];

  it.each([['the article page', () => `/articles/${hostileId}`], ['the story page', () => `/stories/${hostileStoryId}`], ['the search results', () => '/?q=harbour']])('on %s', async (_name, path) => {
    const page = await (await get(path())).text();
    for (const p of payloads) expect(page).not.toContain(p);
    expect(page).not.toMatch(/href="javascript:/i);
    // The words are there, as text: escaping kept them visible rather than dropping them.
    expect(page).toContain('Harbour council &lt;img src=x onerror=&quot;window.__xss=&#39;title&#39;&quot;&gt; approves &lt;b&gt;bridge&lt;/b&gt; repairs');
  });

  it('the javascript: URL is shown, not linked; the outlet with markup is text', async () => {
    const page = await (await get(`/articles/${hostileId}`)).text();
    expect(page).toContain('<span class="url">javascript:window.__xss=&quot;url&quot;;alert(1)</span>');
    expect(page).toContain('Gazette&lt;/title&gt;&lt;script&gt;window.__xss=&quot;outlet&quot;&lt;/script&gt;');
    // The article text is highlighted (quotes, figures, names), so its words may be split by <mark>s: compare the text.
    const shown = page.replace(/<\/?(?:mark|span)\b[^>]*>/g, '');
    expect(shown).toContain('&lt;script&gt;window.__xss=&quot;text&quot;;alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(page).not.toMatch(/<script>window/);
    expect(page).toContain('<p class="removed" data-reason="newsletter"><span class="reason">newsletter</span>Subscribe to our newsletter &lt;img src=x onerror=&quot;window.__xss=&#39;removed&#39;&quot;&gt;</p>');
  });
});

describe('the ingest form', () => {
  const form = (fields: Record<string, string | File>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k === 'file' ? 'files' : k, v);
    return data;
  };
  const submit = (a: Hono, data: FormData, headers: Record<string, string> = { Origin: 'http://localhost' }) =>
    a.request('/ingest', { method: 'POST', body: data, headers });
  const text = 'Volunteers planted four thousand oak saplings along the Varna river on Saturday, the parks office said.\n\nThe saplings replace trees lost in last winter\'s storms, and more planting is planned for the autumn.';

  it('analyses pasted text and uploaded files into the store, and links to the results', async () => {
    const res = await submit(app, form({
      content: text, title: 'Volunteers plant oaks by the Varna', source: 'Valley Post',
      file: new File([`<html><head><title>River cleanup</title></head><body><article><h1>River cleanup draws hundreds</h1><p>Hundreds of residents joined a cleanup of the Varna river banks on Sunday, collecting two tonnes of rubbish.</p><p>The council thanked the volunteers and promised more bins along the path.</p></article></body></html>`], 'cleanup.html', { type: 'text/html' }),
    }));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toMatch(/<td>paste<\/td><td class="analysed">analysed<\/td>/);
    expect(page).toMatch(/<td>upload\/cleanup\.html<\/td><td class="analysed">analysed<\/td>/);
    const ids = [...page.matchAll(/href="\/articles\/(a[0-9a-f]{16})"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(2);
    expect((await t.store.getArticle(ids[0]!))?.outlet).toBe('Valley Post');
    // The same paste again is recognised, not stored twice.
    expect(await (await submit(app, form({ content: text, title: 'Volunteers plant oaks by the Varna', source: 'Valley Post' }))).text()).toMatch(/class="unchanged">unchanged/);
  });

  it('reports a file it cannot use, and an empty submission', async () => {
    const page = await (await submit(app, form({ file: new File(['%PDF-1.4'], 'scan.pdf') }))).text();
    expect(page).toMatch(/class="failed">failed: unsupported file type &#39;\.pdf&#39;/);
    const empty = await submit(app, form({ content: '  ' }));
    expect(empty.status).toBe(400);
    expect(await empty.text()).toMatch(/nothing to analyse/);
  });

  it('refuses posts from other sites, and without the token when the server has one', async () => {
    const cross = await submit(app, form({ content: text }), { Origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect((await submit(app, form({ content: text }), {})).status).toBe(403);
    expect((await submit(app, form({ content: text }), { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);

    const withToken = createApp(t.store, { token: 's3cret' });
    expect(await (await withToken.request('/ingest')).text()).toMatch(/name="token"/);
    expect((await submit(withToken, form({ content: text }))).status).toBe(401);
    expect((await submit(withToken, form({ content: text, token: 's3cret' }))).status).toBe(200);

    const open = createApp(t.store, { host: '0.0.0.0' });
    expect(await (await open.request('/ingest')).text()).toMatch(/Writes are disabled/);
    expect((await submit(open, form({ content: text }))).status).toBe(403);
  });

  it('refuses uploads over the limit with 413', async () => {
    const small = createApp(t.store, { maxBytes: 2048 });
    const res = await submit(small, form({ file: new File(['x'.repeat(5000)], 'big.txt') }));
    expect(res.status).toBe(413);
  });

});

describe('host names', () => {
  it('answers only loopback host names when listening on loopback (DNS rebinding)', async () => {
    expect((await get('/api/stories', { Host: 'attacker.example:8080' })).status).toBe(421);
    expect((await get('/api/stories', { Host: '127.0.0.1:8080' })).status).toBe(200);
    expect((await get('/api/stories', { Host: 'localhost:8080' })).status).toBe(200);
    expect((await createApp(t.store, { host: '0.0.0.0', token: 't' }).request('/api/stories', { headers: { Host: 'news.example' } })).status).toBe(200);
  });
});

describe('merged stories', () => {
  const OLD = 's00000000000000aa';
  const LIVE = 's00000000000000bb';
  beforeAll(async () => {
    await t.store.write(async (tx) => {
      await tx.createStory(OLD, 'Old story');
      await tx.createStory(LIVE, 'Live story');
      await tx.insertArticle({
        id: 'a00000000000000aa', source: 'merge.txt', parentId: null, kind: 'text', url: null, outlet: null, raw: 'Merged text.', title: 'Merged', titleDerived: false,
        published: { value: null, earliest: null, latest: null, basis: 'unknown', evidence: null }, language: 'en', text: 'Merged text.', removed: [], diagnostics: [],
        stated: { title: null, dates: [], language: null },
      }, OLD, []);
      await tx.mergeStory(OLD, LIVE);
    });
  });

  it('the old id of a merged story redirects to the story it now lives in; the API answers with that story', async () => {
    const res = await get(`/stories/${OLD}`);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`/stories/${LIVE}`);
    const { body } = await json<Report>(`/api/stories/${OLD}`);
    assertValidReport(body);
    expect(body.stories[0]).toMatchObject({ id: LIVE, mergedFrom: [OLD], articleIds: ['a00000000000000aa'] });
  });
});
