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
  busy: Map<number, Queued>;
}

export class Readers {
  private readonly threads: Thread[] = [];
  private readonly queue: Queued[] = [];
  private nextId = 0;
  private closed = false;

  /** Starts `size` reader threads; they load the pipeline's modules and models in the background. */
  constructor(size: number, private readonly onThreadError: (message: string) => void = () => {}) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`reader threads: expected a positive integer, got ${size}`);
    for (let i = 0; i < size; i++) this.threads.push(this.spawn());
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
    for (const q of this.queue.splice(0)) q.reject(new Error('the readers were closed'));
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private spawn(): Thread {
    const worker = new Worker(BOOT, { eval: true });
    const thread: Thread = { worker, ready: false, dead: false, busy: new Map() };
    worker.on('message', (m: { ready: true } | { id: number; page: ReadPage }) => {
      if ('ready' in m) {
        thread.ready = true;
      } else {
        const task = thread.busy.get(m.id);
        thread.busy.delete(m.id);
        task?.resolve(m.page);
      }
      this.dispatch();
    });
    const fail = (why: string) => {
      if (thread.dead) return;
      thread.dead = true;
      if (!this.closed) this.onThreadError(why);
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
        thread.busy.set(task.id, task);
        thread.worker.postMessage({ id: task.id, page: task.page });
      }
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
