/**
 * WARC and WARC.gz input, on archives built here from our own invented pages (the record layout
 * of ISO 28500 / WARC 1.0 as Common Crawl's CC-NEWS writes it: response records holding an HTTP
 * response, gzipped one member per record), including the damage real downloads suffer.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../pipeline/index.ts';
import { readInputs, type ReadItem } from './index.ts';
import { httpResponse, warcRecord } from '../../test/warc.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'storyline-warc-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const page = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><nav>Home | World</nav><article><h1>${title}</h1>${body}</article></body></html>`;

const FERRY = page('Ferry service resumes on the Lindholm route', '<p>The ferry between Lindholm and the mainland sailed again on Monday after a week of storms.</p><p>The operator said crossings would run every two hours until the timetable is back to normal.</p>');
const MARKET = 'Marché de Sélange : les étals rouvrent après l’incendie. Les commerçants ont installé leurs stands sur la place.';
const MARKET_HTML = page('Le marché rouvre', `<p>${MARKET}</p><p>La mairie a promis une aide à chaque famille touchée.</p>`);

function archive(): Buffer[] {
  return [
    warcRecord('warcinfo', '', Buffer.from('software: test\r\n'), 'application/warc-fields'),
    warcRecord('request', 'https://news.example/ferry', Buffer.from('GET /ferry HTTP/1.1\r\nHost: news.example\r\n\r\n'), 'application/http; msgtype=request'),
    warcRecord('response', 'https://news.example/ferry', httpResponse('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, FERRY)),
    warcRecord('response', 'https://news.example/gone', httpResponse('404 Not Found', { 'Content-Type': 'text/html' }, '<p>Not here</p>')),
    warcRecord('response', 'https://news.example/logo.png', httpResponse('200 OK', { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47]))),
    // The charset is declared only in the HTTP header, as many servers do: the page must decode by it.
    warcRecord('response', 'https://journal.example/marche', httpResponse('200 OK', { 'Content-Type': 'text/html; charset=ISO-8859-1' }, iconv.encode(MARKET_HTML, 'win1252'))),
    warcRecord('metadata', 'https://news.example/ferry', Buffer.from('fetchTimeMs: 120\r\n'), 'application/warc-fields'),
  ];
}

async function read(path: string): Promise<{ items: ReadItem[]; notes: string[] }> {
  const items: ReadItem[] = [];
  const notes: string[] = [];
  for await (const item of readInputs([path], { onNote: (_, m) => notes.push(m) })) items.push(item);
  return { items, notes };
}

describe.each([
  ['.warc', (records: Buffer[]) => Buffer.concat(records)],
  ['.warc.gz', (records: Buffer[]) => Buffer.concat(records.map((r) => gzipSync(r)))],
])('a %s archive', (ext, pack) => {
  it('gives one input per HTML response, with its URL and HTTP charset, and counts what it skipped', async () => {
    const path = join(dir, `crawl${ext}`);
    await writeFile(path, pack(archive()));
    const { items, notes } = await read(path);
    expect(items.map((i) => (i.ok ? [i.input.source, i.input.url] : i))).toEqual([
      [`${path}#3`, 'https://news.example/ferry'],
      [`${path}#6`, 'https://journal.example/marche'],
    ]);
    expect(notes).toEqual(['skipped 5 of 7 WARC records: 1 warcinfo records, 1 request records, 1 HTTP 404, 1 not HTML (image/png), 1 metadata records']);
    const [ferry, market] = items.map((i) => (i.ok ? analyse(i.input) : null));
    expect(ferry?.ok && ferry.articles[0]!.title).toBe('Ferry service resumes on the Lindholm route');
    expect(market?.ok && market.articles[0]!.text).toContain('les étals rouvrent après l’incendie');
  });

  it('reports a truncated last record as an error, after the records before it', async () => {
    const path = join(dir, `cut${ext}`);
    const whole = pack(archive().slice(0, 3));
    await writeFile(path, whole.subarray(0, whole.length - 80));
    const { items } = await read(path);
    expect(items.filter((i) => i.ok)).toHaveLength(0);
    expect(items.filter((i) => !i.ok).map((i) => !i.ok && i.reason)).toEqual([expect.stringMatching(/^truncated/)]);
    const complete = join(dir, `cut-after${ext}`);
    await writeFile(complete, Buffer.concat([pack(archive().slice(0, 3)), whole.subarray(0, whole.length - 80)]));
    const after = await read(complete);
    expect(after.items.map((i) => i.ok)).toEqual([true, false]);
  });
});

it('reports corrupt gzip data and a file that is no WARC at all, without crashing', async () => {
  const gz = Buffer.concat(archive().map((r) => gzipSync(r)));
  const third = gzipSync(archive()[0]!).length + gzipSync(archive()[1]!).length + 30;
  gz[third] = gz[third]! ^ 0xff;
  await writeFile(join(dir, 'bad.warc.gz'), gz);
  const bad = await read(join(dir, 'bad.warc.gz'));
  expect(bad.items.at(-1)).toMatchObject({ ok: false, reason: expect.stringMatching(/truncated or corrupt WARC data after 2 record/) });

  await writeFile(join(dir, 'notes.warc'), 'These are my notes, not a web archive.\n');
  const junk = await read(join(dir, 'notes.warc'));
  expect(junk.items).toEqual([{ ok: false, path: join(dir, 'notes.warc'), reason: expect.stringMatching(/^not a WARC file/) }]);
});

it('refuses a record over the size limit and goes on with the next', async () => {
  const big = page('Big', `<p>${'word '.repeat(5000)}</p>`);
  const path = join(dir, 'big.warc');
  await writeFile(path, Buffer.concat([warcRecord('response', 'https://x.example/big', httpResponse('200 OK', { 'Content-Type': 'text/html' }, big)), archive()[2]!]));
  const items: ReadItem[] = [];
  for await (const item of readInputs([path], { maxBytes: 10_000 })) items.push(item);
  expect(items.map((i) => i.ok)).toEqual([false, true]);
  expect(items[0]).toMatchObject({ reason: expect.stringMatching(/over the 10000-byte limit/) });
});
