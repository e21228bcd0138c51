/**
 * Reader threads: pages read in other threads are stored exactly as if read in the main thread,
 * in input order, copies and bad inputs included; a task no thread has started is taken back.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { TOPICS, article } from '../../test/fixtures.ts';
import { prepare } from '../pipeline/index.ts';
import { openStore } from '../store/index.ts';
import { READERS_AFTER, analyzeInputs, analyzePaths } from './analyze.ts';
import { ReadTimeout, Readers, readForStore } from './readers.ts';

/**
 * About 17 MB of text: 2.4 s of reading on a quiet machine once warm (2026-12-07; the 4 MB page
 * used before was read in 0.7 s after the pipeline got faster, inside the one-second deadline, and
 * the deadline tests failed), far past a one-second deadline, which leaves a fresh thread's first
 * page, cold as it is, room on a machine loaded with other tests.
 */
const LONG = Array.from({ length: 32_000 }, (_, i) => article(TOPICS[i % TOPICS.length]!, i)).join('\n\n');

describe('reader threads', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'storyline-readers-'));
    // More inputs than are read before the threads start, from every topic, with a copy of an
    // earlier file late in the batch (stored by then? only the run itself knows) and a bad input.
    const n = READERS_AFTER + 24;
    for (let i = 0; i < n; i++) writeFileSync(join(dir, `${String(i).padStart(3, '0')}.txt`), article(TOPICS[i % TOPICS.length]!, i));
    writeFileSync(join(dir, '900-copy.txt'), article(TOPICS[(n - 2) % TOPICS.length]!, n - 2));
    writeFileSync(join(dir, '901-empty.txt'), '   \n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(readerThreads: number) {
    const store = await openStore(null);
    try {
      const notes: string[] = [];
      const outcome = await analyzePaths(store, [dir], { readerThreads, onNote: (_, m) => notes.push(m) });
      const articles = await store.getArticles(outcome.articleIds);
      // Story ids are drawn fresh: compare which articles share a story, by the first member's id.
      const first = new Map<string, string>();
      for (const a of articles) if (!first.has(a.storyId!)) first.set(a.storyId!, a.id);
      return {
        notes,
        summary: outcome.summary,
        errors: outcome.errors.map((e) => e.path),
        ids: outcome.articleIds,
        stories: articles.map((a) => [a.id, first.get(a.storyId!)]),
        analyses: articles.map((a) => a.analysis),
      };
    } finally {
      await store.close();
    }
  }

  it('stores what the main thread alone would store, in the same order', { timeout: 120_000 }, async () => {
    const alone = await run(0);
    const threaded = await run(2);
    expect(threaded.notes).toEqual([]);
    expect(alone.summary).toEqual({ inputs: READERS_AFTER + 26, analysed: READERS_AFTER + 24, unchanged: 1, failed: 1 });
    expect(threaded.summary).toEqual(alone.summary);
    expect(threaded.errors).toEqual(alone.errors);
    expect(threaded.ids).toEqual(alone.ids);
    expect(threaded.stories).toEqual(alone.stories);
    expect(threaded.analyses).toEqual(alone.analyses);
  });

  it('reads a page as the main thread does, and gives back a task no thread has started', { timeout: 60_000 }, async () => {
    const prepared = prepare({ source: 'one.txt', kind: 'text', content: article(TOPICS[0]!, 0) });
    if (!prepared.ok) throw new Error(prepared.reason);
    const readers = new Readers(1);
    try {
      // Just started: the thread is still loading, so the task is still queued and can be taken back.
      const early = readers.read(prepared.page);
      expect(early.take()).toBe(true);
      expect(early.take()).toBe(false);
      const task = readers.read(prepared.page);
      expect(await task.result).toEqual(readForStore(prepared.page));
      expect(task.take()).toBe(false);
    } finally {
      await readers.close();
    }
    await expect(readers.read(prepared.page).result).rejects.toThrow(/no reader thread/);
  });

  it('stops a thread that spends too long on a page: that page fails, the one behind it is read by a new thread', { timeout: 60_000 }, async () => {
    const long = prepare({ source: 'long.txt', kind: 'text', content: LONG });
    const short = prepare({ source: 'short.txt', kind: 'text', content: 'Short\n\nThe council met on Monday and agreed the budget.' });
    if (!long.ok || !short.ok) throw new Error('prepare failed');
    const notes: string[] = [];
    const readers = new Readers(1, { onThreadError: (m) => notes.push(m), deadlineMs: 1000 });
    try {
      // Wait for the thread to be ready, so that neither task is still queued when the first is sent.
      await readers.read(short.page).result;
      const slow = readers.read(long.page);
      const behind = readers.read(short.page);
      await expect(slow.result).rejects.toBeInstanceOf(ReadTimeout);
      expect(notes).toEqual([expect.stringMatching(/^reading long\.txt took longer than 1 s; its reader thread was stopped and another started$/)]);
      expect(await behind.result).toEqual(readForStore(short.page));
    } finally {
      await readers.close();
    }
  });

  it('a page its thread spends too long on becomes a failed input with the reason, and the batch goes on', { timeout: 120_000 }, async () => {
    const store = await openStore(null);
    const small = (i: number) => ({ ok: true as const, input: { source: `${i}.txt`, kind: 'text' as const, content: article(TOPICS[i % TOPICS.length]!, 500 + i) } });
    async function* inputs() {
      for (let i = 0; i < READERS_AFTER + 2; i++) yield small(i);
      // Time for the reader thread to load and read what it was sent: the long page then goes to
      // it at once, instead of being taken back by the main thread (which has no deadline).
      await sleep(8000);
      yield { ok: true as const, input: { source: 'long.txt', kind: 'text' as const, content: LONG } };
      for (let i = READERS_AFTER + 2; i < READERS_AFTER + 6; i++) yield small(i);
    }
    const notes: string[] = [];
    try {
      const outcome = await analyzeInputs(store, inputs(), { readerThreads: 1, readDeadlineMs: 1000, onNote: (_, m) => notes.push(m) });
      expect(outcome.errors).toEqual([{ path: 'long.txt', reason: 'reading this input took longer than 1 s (a page built to stall the reader?): skipped' }]);
      expect(outcome.summary).toEqual({ inputs: READERS_AFTER + 7, analysed: READERS_AFTER + 6, unchanged: 0, failed: 1 });
      expect(notes).toEqual(['reading long.txt took longer than 1 s; its reader thread was stopped and another started']);
      expect((await store.counts()).articles).toBe(READERS_AFTER + 6);
    } finally {
      await store.close();
    }
  });
});
