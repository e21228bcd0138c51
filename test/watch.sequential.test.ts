/**
 * `storyline watch DIR`: files a scraper drops into a folder are analysed once they stop growing
 * (never half-written), temporary files are ignored, and with --queue they go to the workers.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openQueue } from '../src/queue/index.ts';
import type { Report } from '../src/report/schema.ts';
import { TOPICS, article } from './fixtures.ts';
import { dropSchema, haveNats, havePg, NATS_URL, pgQuery, run, schemaUrl, start, stop, suffix, waitFor } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'storyline-watch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('storyline watch', () => {
  it('analyses each file once it has stopped growing, and ignores temporary files', async () => {
    const dir = join(work, 'incoming');
    const db = join(work, 'db');
    mkdirSync(dir, { recursive: true });
    const w = start(['watch', dir, '--db', db, '--interval', '200', '--settle', '1500']);
    try {
      writeFileSync(join(dir, 'flood.txt'), article(TOPICS[0]!, 0));
      // A scraper still writing: half now, the rest within the settle time.
      const strike = article(TOPICS[1]!, 0);
      const cut = strike.indexOf('\n', strike.length / 2);
      writeFileSync(join(dir, 'strike.txt'), strike.slice(0, cut));
      writeFileSync(join(dir, 'page.html.part'), '<p>half a page');
      await new Promise((r) => setTimeout(r, 700));
      appendFileSync(join(dir, 'strike.txt'), strike.slice(cut));
      expect(await waitFor(() => (w.log().match(/analysed \//g) ?? []).length >= 2, 60_000), w.log()).toBe(true);
      await new Promise((r) => setTimeout(r, 2000)); // nothing more should come
    } finally {
      await stop(w, 'SIGTERM');
    }
    expect(w.exitCode, w.log()).toBe(0);
    expect(w.log()).not.toMatch(/\.part|skipped/);
    const listed = JSON.parse((await run(['articles', '--db', db, '--format', 'json'])).stdout) as Report;
    expect(listed.articles.map((a) => a.source.split('/').pop()).sort()).toEqual(['flood.txt', 'strike.txt']);
    expect(listed.articles.find((a) => a.source.endsWith('strike.txt'))!.text).toContain(`Report number 0 on this subject was filed from ${TOPICS[1]!.place}.`);
  }, 120_000);

  it.skipIf(!havePg || !haveNats)('with --queue, queues the files for the workers', async () => {
    const dir = join(work, 'queued');
    mkdirSync(dir, { recursive: true });
    const stream = `T_WATCH_${suffix()}`.toUpperCase();
    const { schema, url } = schemaUrl();
    try {
      const w = start(['watch', dir, '--queue', NATS_URL, '--stream', stream, '--interval', '200', '--settle', '500']);
      for (let i = 0; i < 3; i++) writeFileSync(join(dir, `c${i}.txt`), article(TOPICS[2]!, i));
      expect(await waitFor(() => (w.log().match(/queued \//g) ?? []).length >= 3, 60_000), w.log()).toBe(true);
      await stop(w, 'SIGTERM');
      const r = await run(['worker', '--queue', NATS_URL, '--stream', stream, '--db', url, '--exit-when-empty']);
      expect(r.code, r.stderr).toBe(0);
      const [row] = await pgQuery<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.articles`);
      expect(Number(row!.n)).toBe(3);
    } finally {
      await dropSchema(schema);
      const q = await openQueue(NATS_URL, { stream });
      await q.jsm.streams.delete(q.names.stream);
      await q.jsm.streams.delete(q.names.deadStream);
      await q.close();
    }
  }, 120_000);
});
