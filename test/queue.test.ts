/**
 * Scale-out, for real: `storyline ingest` to NATS JetStream, `storyline worker` processes into
 * PostgreSQL, and the faults they must survive, each checked by counting rows against inputs
 * (nothing lost, nothing stored twice):
 * - two workers at once give the same stories as one embedded `analyze`;
 * - a worker killed with SIGKILL mid-batch, then another started;
 * - an input that makes the analyser fail, or kills its worker every time: dead letters, the
 *   rest of the queue goes on, and `retry` puts them back;
 * - PostgreSQL restarted mid-run (the machine's shared server: a few seconds, this test only);
 * - NATS restarted mid-run (a private nats-server this test starts on its own port and folder).
 * Each test has its own schema and stream names and removes them. CI sets STORYLINE_REQUIRE_NATS
 * and STORYLINE_REQUIRE_PG, so a service that is down fails the run rather than skipping this.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeInputs } from '../src/analyze/index.ts';
import { openQueue } from '../src/queue/index.ts';
import { readInputs } from '../src/read/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { TOPICS, article } from './fixtures.ts';
import { dropSchema, haveNats, havePg, NATS_URL, pgQuery, run, schemaUrl, start, stop, suffix, tcpUp, waitFor } from './helpers.ts';
import { httpResponse, warcRecord } from './warc.ts';

const work = mkdtempSync(join(tmpdir(), 'storyline-queue-'));
const cleanups: Array<() => Promise<void>> = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) await stop(c, 'SIGKILL');
  for (const c of cleanups.reverse()) await c().catch(() => {});
  rmSync(work, { recursive: true, force: true });
});

interface Setup {
  schema: string;
  db: string;
  stream: string;
  queue: string;
  dir: string;
}

/** A schema, a stream and a folder of `n` invented articles (plus `extra` files), all removed afterwards. */
function setup(name: string, n: number, queue = NATS_URL, extra: Record<string, string | Buffer> = {}): Setup {
  const { schema, url } = schemaUrl();
  const stream = `T_${name}_${suffix()}`.toUpperCase();
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `a${String(i).padStart(4, '0')}.txt`), article(TOPICS[i % TOPICS.length]!, i));
  for (const [file, content] of Object.entries(extra)) writeFileSync(join(dir, file), content);
  cleanups.push(async () => {
    await dropSchema(schema);
    const q = await openQueue(queue, { stream }).catch(() => null);
    if (q) {
      await q.jsm.streams.delete(q.names.stream).catch(() => {});
      await q.jsm.streams.delete(q.names.deadStream).catch(() => {});
      await q.close();
    }
  });
  return { schema, db: url, stream, queue, dir };
}

const common = (s: Setup) => ['--queue', s.queue, '--stream', s.stream];
const worker = (s: Setup, extra: string[] = [], env: Record<string, string> = {}) => {
  const child = start(['worker', ...common(s), '--db', s.db, ...extra], env);
  children.push(child);
  return child;
};
const exited = (c: ChildProcess, ms: number) => waitFor(() => c.exitCode !== null || c.signalCode !== null, ms);

async function counts(schema: string): Promise<{ rows: number; distinct: number; sources: number }> {
  const [r] = await pgQuery<{ rows: string; distinct: string; sources: string }>(
    `SELECT (SELECT count(*) FROM ${schema}.articles) AS rows, (SELECT count(DISTINCT id) FROM ${schema}.articles) AS distinct,
            (SELECT count(DISTINCT source) FROM ${schema}.article_sources) AS sources`,
  ).catch(() => [{ rows: '0', distinct: '0', sources: '0' }]);
  return { rows: Number(r!.rows), distinct: Number(r!.distinct), sources: Number(r!.sources) };
}

async function partition(store: Store): Promise<string[][]> {
  const stories = await store.listStories({ limit: 10_000 });
  return stories.map((s) => [...s.articleIds].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

async function ingest(s: Setup, paths = [s.dir]): Promise<{ published: number; duplicates: number; failed: number }> {
  const r = await run(['ingest', ...paths, ...common(s), '--db', s.db, '--format', 'json']);
  expect([0, 2], r.stderr).toContain(r.code);
  return JSON.parse(r.stdout) as { published: number; duplicates: number; failed: number };
}

async function status(s: Setup): Promise<{ depth: number; deadLetters: number; recentDead: Array<{ source: string; error: string; deliveries: number }>; store: { articles: number; storedLastMinute: number } }> {
  const r = await run(['status', ...common(s), '--db', s.db, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const page = (title: string, text: string) => `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p></article></body></html>`;
/** A small CC-NEWS-like archive: two pages, a redirect and a request record. */
function archive(): Buffer {
  const records = [
    warcRecord('request', 'https://tide.example/harbour', Buffer.from('GET /harbour HTTP/1.1\r\nHost: tide.example\r\n\r\n'), 'application/http; msgtype=request'),
    warcRecord('response', 'https://tide.example/harbour', httpResponse('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, page('Harbour wall repaired before winter storms', 'Engineers in Port Alder finished repairing the harbour wall on Friday, two weeks before the storm season. The council paid for the work from its flood reserve.'))),
    warcRecord('response', 'https://tide.example/old', httpResponse('301 Moved Permanently', { Location: '/harbour' }, '')),
    warcRecord('response', 'https://tide.example/ferry', httpResponse('200 OK', { 'Content-Type': 'text/html' }, page('Night ferry to Skellan cancelled for repairs', 'The night ferry to Skellan will not sail this week while its engines are overhauled, the operator said. Day crossings continue as normal.'))),
  ];
  return Buffer.concat(records.map((r) => gzipSync(r)));
}

describe.skipIf(!havePg || !haveNats)('scale-out on PostgreSQL and NATS JetStream', () => {
  it('two workers at once store every input once, in the same stories as one embedded analyze', async () => {
    const s = setup('two', 60, NATS_URL, { 'crawl.warc.gz': archive() });
    const first = await ingest(s);
    expect(first).toMatchObject({ published: 62, duplicates: 0, failed: 0 });
    // Ingesting again queues nothing twice: same source and content, same message id.
    expect(await ingest(s)).toMatchObject({ published: 0, duplicates: 62 });

    const workers = [worker(s, ['--exit-when-empty']), worker(s, ['--exit-when-empty'])];
    for (const w of workers) expect(await exited(w, 120_000), w.log()).toBe(true);
    for (const w of workers) expect(w.exitCode, w.log()).toBe(0);
    // Both took part (JetStream spread the work), and together stored each input once.
    for (const w of workers) expect(w.log()).toMatch(/[1-9]\d* stored/);
    expect(await counts(s.schema)).toEqual({ rows: 62, distinct: 62, sources: 62 });

    const st = await status(s);
    expect(st).toMatchObject({ depth: 0, deadLetters: 0, store: { articles: 62, storedLastMinute: 62 } });

    const server = await openStore(s.db);
    const embedded = await openStore(null);
    try {
      await analyzeInputs(embedded, readInputs([s.dir]));
      const expected = await partition(embedded);
      expect(expected.length).toBeGreaterThanOrEqual(4);
      expect(await partition(server)).toEqual(expected);
    } finally {
      await server.close();
      await embedded.close();
    }
  }, 240_000);

  it('a worker killed with SIGKILL mid-batch loses nothing: another finishes, each input stored once', async () => {
    const s = setup('kill', 80);
    expect(await ingest(s)).toMatchObject({ published: 80 });
    const a = worker(s, ['--ack-wait', '2']);
    expect(await waitFor(async () => (await counts(s.schema)).rows >= 15, 90_000), a.log()).toBe(true);
    await stop(a, 'SIGKILL');
    const stored = (await counts(s.schema)).rows;
    expect(stored, 'killed mid-run').toBeLessThan(80);
    const b = worker(s, ['--exit-when-empty']);
    expect(await exited(b, 120_000), b.log()).toBe(true);
    expect(await counts(s.schema)).toEqual({ rows: 80, distinct: 80, sources: 80 });
    expect((await status(s)).deadLetters).toBe(0);
  }, 240_000);

  it('poison inputs go to the dead letters without blocking the queue, and retry puts them back', async () => {
    const s = setup('poison', 24, NATS_URL, {
      'poison-1.txt': `${article(TOPICS[0]!, 101)}POISON-MARK\n`,
      'poison-2.txt': `${article(TOPICS[1]!, 102)}POISON-MARK\n`,
      'killer.txt': `${article(TOPICS[2]!, 103)}KILLER-MARK\n`,
      'empty-page.html': '<html><body><nav>Home</nav></body></html>',
    });
    expect(await ingest(s)).toMatchObject({ published: 28 });

    // Every worker's analyser throws on the two POISON inputs (dead letters at once, with the
    // error) and every worker dies on the KILLER input; a supervisor restarts them, as systemd or
    // Kubernetes would, until the queue is empty.
    const env = { STORYLINE_TEST_POISON: 'POISON-MARK', STORYLINE_TEST_POISON_KILL: 'KILLER-MARK' };
    let deaths = 0;
    for (let i = 0; i < 8; i++) {
      const w = worker(s, ['--exit-when-empty', '--ack-wait', '1'], env);
      expect(await exited(w, 120_000), w.log()).toBe(true);
      if (w.signalCode !== 'SIGKILL') break;
      deaths++;
    }
    const st = await status(s);
    expect(st.depth).toBe(0);
    const dead = Object.fromEntries(st.recentDead.map((d) => [d.source.split('/').pop(), d]));
    expect(Object.keys(dead).sort()).toEqual(['empty-page.html', 'killer.txt', 'poison-1.txt', 'poison-2.txt']);
    expect(dead['poison-1.txt']!.error).toMatch(/analyser crashed/);
    expect(dead['empty-page.html']!.error).toMatch(/no article text/);
    expect(dead['killer.txt']!.error).toMatch(/delivered 4 times without being acknowledged/);
    expect(deaths, 'the killer input took down three workers, then was set aside').toBe(3);
    expect(await counts(s.schema)).toMatchObject({ rows: 24, distinct: 24 });

    const text = await run(['status', ...common(s), '--db', s.db, '--format', 'text']);
    expect(text.stdout).toMatch(/dead letters: 4/);
    const retry = await run(['retry', ...common(s)]);
    expect(retry.stdout).toMatch(/requeued 4 dead letter/);
    const again = worker(s, ['--exit-when-empty']);
    expect(await exited(again, 120_000), again.log()).toBe(true);
    expect(await counts(s.schema)).toMatchObject({ rows: 27, distinct: 27 });
    // The page with no article fails again, honestly, and is a dead letter again.
    expect((await status(s)).recentDead.map((d) => d.source.split('/').pop())).toEqual(['empty-page.html']);
  }, 300_000);

  it('PostgreSQL restarted mid-run: the worker waits for it and nothing is lost', async () => {
    const s = setup('pgrestart', 80);
    expect(await ingest(s)).toMatchObject({ published: 80 });
    const w = worker(s, ['--exit-when-empty', '--ack-wait', '5']);
    expect(await waitFor(async () => (await counts(s.schema)).rows >= 10, 90_000), w.log()).toBe(true);
    expect((await counts(s.schema)).rows, 'restarted mid-run').toBeLessThan(80);
    const version = readdirSync('/etc/postgresql')[0]!;
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart', '-m', 'fast'], { stdio: 'ignore', timeout: 60_000 });
    expect(await exited(w, 180_000), w.log()).toBe(true);
    expect(w.exitCode, w.log()).toBe(0);
    expect(await counts(s.schema)).toEqual({ rows: 80, distinct: 80, sources: 80 });
    expect((await status(s)).deadLetters, w.log()).toBe(0);
  }, 300_000);

  it('NATS restarted mid-run: work resumes, nothing lost or doubled', async () => {
    // A private server (own port, own storage folder), so restarting it disturbs no one else.
    const port = 14_000 + Math.floor(Math.random() * 2000);
    const storeDir = join(work, 'nats-data');
    const startNats = () => {
      const p = spawn('/usr/sbin/nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
      children.push(p);
      return p;
    };
    let nats = startNats();
    expect(await waitFor(() => tcpUp('127.0.0.1', port, 500), 15_000)).toBe(true);
    const s = setup('natsrestart', 80, `nats://127.0.0.1:${port}`);
    expect(await ingest(s)).toMatchObject({ published: 80 });
    const w = worker(s, ['--exit-when-empty', '--ack-wait', '3']);
    expect(await waitFor(async () => (await counts(s.schema)).rows >= 10, 90_000), w.log()).toBe(true);
    expect((await counts(s.schema)).rows, 'restarted mid-run').toBeLessThan(80);
    await stop(nats, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    nats = startNats();
    expect(await waitFor(() => tcpUp('127.0.0.1', port, 500), 15_000)).toBe(true);
    expect(await exited(w, 180_000), w.log()).toBe(true);
    expect(await counts(s.schema)).toEqual({ rows: 80, distinct: 80, sources: 80 });
    expect((await status(s)).depth).toBe(0);
    await stop(nats, 'SIGTERM');
  }, 300_000);
});
