/**
 * Reading pages on other cores. What an input needs before it is stored — clean, segment,
 * metadata, understand and the grouping features — is pure and costs about as much as storing it
 * (docs/benchmarks.md, "Whole analyze"); storing and grouping must run one input at a time, in input
 * order. Reader threads do the pure part of later inputs while the main thread stores earlier ones,
 * so on a machine with two cores or more `analyze` is bound by the store alone.
 *
 * Written here rather than taken from a pool library (piscina, workerpool): the one thing needed
 * beyond "run this in a thread" is taking a task back when the main thread is free before any
 * thread has started it (`take`), so the main thread never waits idle on a queued task — while the
 * threads load their models, say.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../article/article.ts';
import { groupFeatures, type GroupFeatures } from '../group/index.ts';
import { analysePage } from '../pipeline/index.ts';

/** A page read and ready to store: its articles with their analysis and grouping features, or why it has none. */
export type ReadPage = { ok: true; articles: Article[]; features: GroupFeatures[] } | { ok: false; source: string; reason: string };

/** The pure part of analysing one page, the same in a reader thread and in the main thread. */
export function readForStore(page: Article): ReadPage {
  let result: ReturnType<typeof analysePage>;
  try {
    result = analysePage(page);
  } catch (e) {
    // A crash in the analyser is a bug, but one input must not stop the batch.
    return { ok: false, source: page.source, reason: `the analyser failed on this input: ${(e as Error).message}` };
  }
  if (!result.ok) return result;
  return { ok: true, articles: result.articles, features: result.articles.map((a) => groupFeatures(a)) };
}

/** Reader threads beyond this add memory (a model set each) for little: the main thread's storing is the bound. */
export const MAX_READER_THREADS = 4;

/** One fewer than the cores (the main thread stores), at most MAX_READER_THREADS. */
export function defaultReaderThreads(): number {
  return Math.min(MAX_READER_THREADS, Math.max(0, availableParallelism() - 1));
}

/** Tasks sent to one thread before it answers: one at work and one waiting, so it never idles for a round trip. */
const IN_FLIGHT_PER_THREAD = 2;

export interface ReaderTask {
  /** Settles with the read page; rejects only if the thread died (the caller reads the page itself then). */
  readonly result: Promise<ReadPage>;
  /** Takes the task back if no thread has started it yet: true when the caller should read the page itself. */
  take(): boolean;
}

interface Queued {
  id: number;
  page: Article;
  resolve: (r: ReadPage) => void;
  reject: (e: Error) => void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  /** Tasks sent, in order: the thread works on the first, the others wait in its message queue. */
  busy: Map<number, Queued>;
  /** When the thread started on its first busy task. */
  since: number;
}

/**
 * Longest a thread may spend on one page. Scraped pages are hostile: a page built to make a
 * pattern backtrack could hold the batch forever. A thread past this is stopped and replaced, and
 * the page fails with a reason; the pages queued behind it are read as usual. (Pages read in the
 * main thread — the first few, and all with `--threads 0` — cannot be stopped this way.)
 */
export const READ_DEADLINE_MS = 60_000;

/** A page that took longer than the deadline: it fails, with this as its reason. */
export class ReadTimeout extends Error {}

export interface ReadersOptions {
  /** Called when a thread fails, stops, or is stopped for a page past its deadline. */
  onThreadError?: (message: string) => void;
  deadlineMs?: number;
}

export class Readers {
  private readonly threads: Thread[] = [];
  private readonly queue: Queued[] = [];
  private nextId = 0;
  private closed = false;
  private readonly onThreadError: (message: string) => void;
  private readonly deadlineMs: number;
  private readonly watch: NodeJS.Timeout;

  /** Starts `size` reader threads; they load the pipeline's modules and models in the background. */
  constructor(size: number, options: ReadersOptions = {}) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`reader threads: expected a positive integer, got ${size}`);
    this.onThreadError = options.onThreadError ?? (() => {});
    this.deadlineMs = options.deadlineMs ?? READ_DEADLINE_MS;
    if (!(this.deadlineMs > 0)) throw new RangeError(`reader deadline: expected a positive number of milliseconds, got ${this.deadlineMs}`);
    for (let i = 0; i < size; i++) this.threads.push(this.spawn());
    this.watch = setInterval(() => this.enforceDeadline(), Math.min(1000, Math.ceil(this.deadlineMs / 4)));
    this.watch.unref();
  }

  read(page: Article): ReaderTask {
    let queued!: Queued;
    const result = new Promise<ReadPage>((resolve, reject) => {
      queued = { id: this.nextId++, page, resolve, reject };
    });
    // Rejections are read when the caller comes to this page (`result.catch`), maybe later than
    // Node's unhandled-rejection check: marked handled here.
    result.catch(() => {});
    if (this.closed || this.threads.every((t) => t.dead)) {
      queued.reject(new Error('no reader thread is running'));
    } else {
      this.queue.push(queued);
      this.dispatch();
    }
    return {
      result,
      take: () => {
        const at = this.queue.indexOf(queued);
        if (at < 0) return false;
        this.queue.splice(at, 1);
        return true;
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watch);
    for (const q of this.queue.splice(0)) q.reject(new Error('the readers were closed'));
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private spawn(): Thread {
    const worker = new Worker(BOOT, { eval: true });
    const thread: Thread = { worker, ready: false, dead: false, busy: new Map(), since: 0 };
    worker.on('message', (m: { ready: true } | { id: number; page: ReadPage }) => {
      if (thread.dead) return;
      if ('ready' in m) {
        thread.ready = true;
      } else {
        const task = thread.busy.get(m.id);
        thread.busy.delete(m.id);
        thread.since = performance.now();
        task?.resolve(m.page);
      }
      this.dispatch();
    });
    const fail = (why: string) => {
      if (thread.dead) return;
      thread.dead = true;
      if (!this.closed) this.onThreadError(`${why}; its pages are read in the main thread`);
      // Its tasks are read again by the caller (`result` rejects); queued ones go to the others.
      for (const task of thread.busy.values()) task.reject(new Error(why));
      thread.busy.clear();
      if (this.threads.every((t) => t.dead)) for (const q of this.queue.splice(0)) q.reject(new Error(why));
    };
    worker.on('error', (e) => fail(`a reader thread failed: ${e.message}`));
    worker.on('exit', (code) => fail(`a reader thread stopped (exit code ${code})`));
    return thread;
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      while (thread.ready && !thread.dead && thread.busy.size < IN_FLIGHT_PER_THREAD && this.queue.length) {
        const task = this.queue.shift()!;
        if (thread.busy.size === 0) thread.since = performance.now();
        thread.busy.set(task.id, task);
        thread.worker.postMessage({ id: task.id, page: task.page });
      }
    }
  }

  /** Stops a thread past the deadline on its current page: that page fails, the others go back to the queue. */
  private enforceDeadline(): void {
    const now = performance.now();
    for (const [i, thread] of this.threads.entries()) {
      if (thread.dead || thread.busy.size === 0 || now - thread.since <= this.deadlineMs) continue;
      thread.dead = true;
      const [current, ...waiting] = thread.busy.values();
      thread.busy.clear();
      void thread.worker.terminate();
      const seconds = Math.round(this.deadlineMs / 100) / 10;
      this.onThreadError(`reading ${current!.page.source} took longer than ${seconds} s; its reader thread was stopped and another started`);
      current!.reject(new ReadTimeout(`reading this input took longer than ${seconds} s (a page built to stall the reader?): skipped`));
      this.queue.unshift(...waiting);
      if (!this.closed) this.threads[i] = this.spawn();
    }
  }
}

/**
 * The thread runs this repository's TypeScript through tsx, as bin/storyline does, whoever started
 * us (vitest, a bench script): it registers tsx's loader through its API (its `--import` entry
 * registers itself only in the main thread), then imports reader-thread.ts. (Node 20
 * does not apply `--import` in a worker's execArgv before loading its entry file.)
 */
const TSX_API = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
const BOOT = `import(${JSON.stringify(TSX_API)})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./reader-thread.ts', import.meta.url).href)}); });`;
