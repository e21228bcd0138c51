/**
 * The harness of the scale-out tests (queue.sequential.test.ts, restart.sequential.test.ts): a schema, a
 * stream and a folder of invented articles per test, removed afterwards; workers started as
 * child processes; row counts to check against the inputs.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { openQueue } from '../src/queue/index.ts';
import type { Store } from '../src/store/index.ts';
import { TOPICS, article } from './fixtures.ts';
import { dropSchema, NATS_URL, pgQuery, run, schemaUrl, start, stop, suffix, waitFor } from './helpers.ts';
import { httpResponse, warcRecord } from './warc.ts';

export const work = mkdtempSync(join(tmpdir(), 'storyline-queue-'));
const cleanups: Array<() => Promise<void>> = [];
export const children: ChildProcess[] = [];

/** For afterAll: ends the children still running, drops the schemas and streams, removes files. */
export async function cleanUp(): Promise<void> {
  for (const c of children) await stop(c, 'SIGKILL');
  for (const c of cleanups.reverse()) await c().catch(() => {});
  rmSync(work, { recursive: true, force: true });
}

export interface Setup {
  schema: string;
  db: string;
  stream: string;
  queue: string;
  dir: string;
}

/** A schema, a stream and a folder of `n` invented articles (plus `extra` files), all removed afterwards. */
export function setup(name: string, n: number, queue = NATS_URL, extra: Record<string, string | Buffer> = {}): Setup {
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

export const common = (s: Setup) => ['--queue', s.queue, '--stream', s.stream];
export const worker = (s: Setup, extra: string[] = [], env: Record<string, string> = {}) => {
  const child = start(['worker', ...common(s), '--db', s.db, ...extra], env);
  children.push(child);
  return child;
};
export const exited = (c: ChildProcess, ms: number) => waitFor(() => c.exitCode !== null || c.signalCode !== null, ms);

export async function counts(schema: string): Promise<{ rows: number; distinct: number; sources: number }> {
  const [r] = await pgQuery<{ rows: string; distinct: string; sources: string }>(
    `SELECT (SELECT count(*) FROM ${schema}.articles) AS rows, (SELECT count(DISTINCT id) FROM ${schema}.articles) AS distinct,
            (SELECT count(DISTINCT source) FROM ${schema}.article_sources) AS sources`,
  ).catch(() => [{ rows: '0', distinct: '0', sources: '0' }]);
  return { rows: Number(r!.rows), distinct: Number(r!.distinct), sources: Number(r!.sources) };
}

export async function partition(store: Store): Promise<string[][]> {
  const stories = await store.listStories({ limit: 10_000 });
  return stories.map((s) => [...s.articleIds].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

export async function ingest(s: Setup, paths = [s.dir]): Promise<{ published: number; duplicates: number; failed: number }> {
  const r = await run(['ingest', ...paths, ...common(s), '--db', s.db, '--format', 'json']);
  expect([0, 2], r.stderr).toContain(r.code);
  return JSON.parse(r.stdout) as { published: number; duplicates: number; failed: number };
}

export async function status(s: Setup): Promise<{ depth: number; deadLetters: number; recentDead: Array<{ source: string; error: string; deliveries: number }>; store: { articles: number; storedLastMinute: number } }> {
  const r = await run(['status', ...common(s), '--db', s.db, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

export const page = (title: string, text: string) => `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p></article></body></html>`;
/** A small CC-NEWS-like archive: two pages, a redirect and a request record. */
export function archive(): Buffer {
  const records = [
    warcRecord('request', 'https://tide.example/harbour', Buffer.from('GET /harbour HTTP/1.1\r\nHost: tide.example\r\n\r\n'), 'application/http; msgtype=request'),
    warcRecord('response', 'https://tide.example/harbour', httpResponse('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, page('Harbour wall repaired before winter storms', 'Engineers in Port Alder finished repairing the harbour wall on Friday, two weeks before the storm season. The council paid for the work from its flood reserve.'))),
    warcRecord('response', 'https://tide.example/old', httpResponse('301 Moved Permanently', { Location: '/harbour' }, '')),
    warcRecord('response', 'https://tide.example/ferry', httpResponse('200 OK', { 'Content-Type': 'text/html' }, page('Night ferry to Skellan cancelled for repairs', 'The night ferry to Skellan will not sail this week while its engines are overhauled, the operator said. Day crossings continue as normal.'))),
  ];
  return Buffer.concat(records.map((r) => gzipSync(r)));
}

