/**
 * RSS and Atom feeds (files and URLs) and URL fetching, against HTTP servers this test starts on
 * loopback: redirects, size and time limits, the User-Agent, and --fetch of an item's link.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../pipeline/index.ts';
import { statedDate } from './feed.ts';
import { fetchUrl, USER_AGENT } from './fetch.ts';
import { readInputs, type ReadItem, type ReadOptions } from './index.ts';

const STORY = '<p>The Halvard lighthouse was relit on Saturday after a two-year restoration paid for by the harbour town.</p><p>Volunteers repainted the tower and replaced the lantern glass.</p>';
const rss = (base: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Gazette</title><link>${base}/</link>
  <item><title>Lighthouse relit after restoration</title><link>${base}/lighthouse</link>
    <pubDate>Sat, 08 Mar 2025 23:30:00 -0500</pubDate>
    <description>Short teaser &secret;</description>
    <content:encoded><![CDATA[${STORY}]]></content:encoded></item>
  <item><title>Council votes on the new quay</title><link>${base}/quay</link><description>&lt;p&gt;The council approved the new quay by seven votes to two after a long debate about its cost.&lt;/p&gt;</description></item>
  <item><title>Link only</title><link>${base}/missing</link></item>
</channel></rss>`;
const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier</title>
  <entry><title type="html">Orchard &lt;em&gt;harvest&lt;/em&gt; breaks record</title>
    <link rel="alternate" href="https://courier.example/harvest"/><link rel="edit" href="https://courier.example/edit/1"/>
    <published>2025-09-14T08:00:00+02:00</published><updated>2025-09-15T08:00:00+02:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Orchards in the Selva valley picked more apples this autumn than in any year since records began.</p></div></content></entry>
</feed>`;

let server: Server;
let base = '';
const seen: Array<{ url: string; ua: string | undefined }> = [];
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/feed': (_, res) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(base)),
  '/lighthouse': (_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><head><title>Lighthouse relit | Harbour Gazette</title></head><body><article><h1>Lighthouse relit after restoration</h1>${STORY}<p>The full page has this closing paragraph about the opening ceremony and the brass band.</p></article></body></html>`),
  '/quay': (_, res) => res.writeHead(302, { location: '/quay-final' }).end(),
  '/quay-final': (_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><article><h1>Council votes on the new quay</h1><p>The council approved the new quay by seven votes to two after a long debate about its cost and the fishing fleet.</p></article></body></html>'),
  '/loop': (_, res) => res.writeHead(301, { location: '/loop' }).end(),
  '/huge': (_, res) => {
    // No Content-Length: the limit must hold while the body streams in.
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const push = () => {
      while (sent < 100 && res.write(chunk)) sent++;
      if (sent < 100) res.once('drain', push);
      else res.end();
    };
    push();
  },
  '/slow': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<p>start');
    setTimeout(() => res.end('</p>'), 5000).unref();
  },
  '/image': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50])),
  '/ftp-redirect': (_, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', ua: req.headers['user-agent'] });
    const route = routes[req.url ?? ''];
    if (route) route(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function read(paths: string[], opts: ReadOptions = {}): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readInputs(paths, opts)) items.push(item);
  return items;
}

describe('feed files', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storyline-feed-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('turns each RSS item into an input with its content, link, title, date and outlet', async () => {
    await writeFile(join(dir, 'gazette.rss'), rss('https://gazette.example'));
    const items = await read([join(dir, 'gazette.rss')]);
    expect(items[0]).toMatchObject({
      ok: true,
      input: { source: `${join(dir, 'gazette.rss')}#1`, kind: 'html', url: 'https://gazette.example/lighthouse', title: 'Lighthouse relit after restoration', published: '2025-03-08T23:30:00', outlet: 'Harbour Gazette' },
    });
    // content:encoded wins over the teaser; the DOCTYPE's external entity is not expanded.
    expect(items[0]!.ok && items[0]!.input.content).toContain('Halvard lighthouse was relit');
    expect(JSON.stringify(items)).not.toContain('secret');
    expect(items[1]!.ok && items[1]!.input.content).toContain('<p>The council approved');
    expect(items[2]).toEqual({ ok: false, path: `${join(dir, 'gazette.rss')}#3`, reason: expect.stringMatching(/no content or description \(add --fetch/) });
    const result = items[0]!.ok ? analyse(items[0]!.input) : null;
    expect(result?.ok && result.articles[0]).toMatchObject({ title: 'Lighthouse relit after restoration', published: { value: '2025-03-08', basis: 'explicit' } });
  });

  it('reads Atom entries: the alternate link, the published date, xhtml content', async () => {
    await writeFile(join(dir, 'courier.atom'), atom);
    const [item] = await read([join(dir, 'courier.atom')]);
    expect(item).toMatchObject({ ok: true, input: { url: 'https://courier.example/harvest', title: 'Orchard harvest breaks record', published: '2025-09-14T08:00:00+02:00', outlet: 'Valley Courier' } });
    expect(item!.ok && item!.input.content).toContain('<p>Orchards in the Selva valley');
  });

  it('says so when an .xml file is not a feed, or a feed has no items', async () => {
    await writeFile(join(dir, 'sitemap.xml'), '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
    await writeFile(join(dir, 'empty.rss'), '<rss version="2.0"><channel><title>Nothing</title></channel></rss>');
    expect(await read([join(dir, 'sitemap.xml'), join(dir, 'empty.rss')])).toEqual([
      { ok: false, path: join(dir, 'sitemap.xml'), reason: expect.stringMatching(/^not an RSS or Atom feed/) },
      { ok: false, path: join(dir, 'empty.rss'), reason: 'the RSS feed has no items' },
    ]);
  });

  it('keeps an RFC 822 date in the feed\'s own time zone', () => {
    expect(statedDate('Sat, 08 Mar 2025 23:30:00 -0500')).toBe('2025-03-08T23:30:00');
    expect(statedDate('8 March 2025')).toBe('2025-03-08');
    expect(statedDate('2025-03-08')).toBe('2025-03-08');
  });
});

describe('URLs', () => {
  it('reads a feed URL, and with fetchLinks analyses each linked page (following a redirect)', async () => {
    const items = await read([`${base}/feed`], { fetchLinks: true });
    expect(items.map((i) => (i.ok ? i.input.url : i.reason))).toEqual([`${base}/lighthouse`, `${base}/quay-final`, expect.stringMatching(/^fetching .*\/missing: HTTP 404/)]);
    const lighthouse = items[0]!.ok ? analyse(items[0]!.input) : null;
    expect(lighthouse?.ok && lighthouse.articles[0]!.text).toContain('brass band');
    // The feed's date is kept for the fetched page.
    expect(lighthouse?.ok && lighthouse.articles[0]!.published.value).toBe('2025-03-08');
    expect(seen.filter((s) => s.url === '/lighthouse').every((s) => s.ua === USER_AGENT)).toBe(true);
  });

  it('reads a page URL as one input', async () => {
    const items = await read([`${base}/lighthouse`]);
    expect(items).toEqual([{ ok: true, input: expect.objectContaining({ source: `${base}/lighthouse`, kind: 'html', contentType: 'text/html; charset=utf-8' }) }]);
  });

  it('bounds redirects, size and time, and refuses other schemes and non-pages', async () => {
    expect(await fetchUrl(`${base}/loop`, { maxRedirects: 3 })).toMatchObject({ ok: false, reason: 'more than 3 redirects' });
    expect(await fetchUrl(`${base}/huge`, { maxBytes: 1024 * 1024 })).toMatchObject({ ok: false, reason: expect.stringMatching(/over the 1048576-byte limit/) });
    const t = Date.now();
    expect(await fetchUrl(`${base}/slow`, { timeoutMs: 500 })).toMatchObject({ ok: false, reason: 'no complete answer within 500 ms' });
    expect(Date.now() - t).toBeLessThan(3000);
    expect(await fetchUrl(`${base}/ftp-redirect`)).toMatchObject({ ok: false, reason: 'only http and https URLs are fetched, not file:' });
    expect(await read([`${base}/image`])).toEqual([{ ok: false, path: `${base}/image`, reason: 'not a page or a feed (Content-Type image/png)' }]);
    const free = createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
    const port = (free.address() as AddressInfo).port;
    await new Promise((r) => free.close(r));
    expect(await fetchUrl(`http://127.0.0.1:${port}/`, { timeoutMs: 2000 })).toMatchObject({ ok: false, reason: 'cannot fetch: ECONNREFUSED' });
  });
});
