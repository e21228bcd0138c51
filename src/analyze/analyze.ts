/**
 * `analyze`: read every input, run the pipeline, store each input's articles and their story
 * assignment in one transaction. A bad input becomes an error entry, never an exception: the
 * batch goes on (per-item status, like a batch API).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Article, RawInput } from '../article/article.ts';
import { applyGroup, groupAndStore, planGroup, type GroupOptions, type GroupPlan } from '../group/index.ts';
import { prepare } from '../pipeline/index.ts';
import { readInputs, type ReadOptions } from '../read/index.ts';
import type { Store } from '../store/index.ts';
import { ANALYSIS_VERSION, analyseText } from '../understand/index.ts';
import { ReadTimeout, Readers, readForStore, type ReadPage, type ReaderTask } from './readers.ts';

export interface InputError {
  path: string;
  reason: string;
}

export interface AnalyzeSummary {
  inputs: number;
  analysed: number;
  unchanged: number;
  failed: number;
}

export interface AnalyzeOutcome {
  summary: AnalyzeSummary;
  errors: InputError[];
  /** Articles of this run (new and already stored), in input order. */
  articleIds: string[];
  /** Stories that were merged into others during this run: old id → new id. */
  merges: Array<{ from: string; into: string }>;
  /** Stories split off others during this run: new id, and the story its articles came from. */
  splits: Array<{ id: string; from: string }>;
  /** Articles whose grouping, planned outside the write lock, was planned again under it (another writer stored a related article meanwhile). */
  replanned: number;
}

export interface AnalyzeOptions extends GroupOptions, ReadOptions {
  /** Called after each input, for progress display. */
  onInput?: (summary: AnalyzeSummary, source: string) => void;
  /** Called for each warning an analysed input carries (a guessed charset, lost characters). */
  onWarning?: (source: string, message: string) => void;
  /** Called for each bad input as it is found (the CLI prints one line per bad input). */
  onError?: (error: InputError) => void;
  /**
   * Threads that read pages (clean → understand, grouping features) while the main thread stores
   * earlier ones; 0 (the default) reads every page in the main thread. Started only once more than
   * READERS_AFTER inputs have come. The stories are the same either way: pages are stored in input order.
   */
  readerThreads?: number;
  /** Longest a reader thread may spend on one page before it fails (default READ_DEADLINE_MS). */
  readDeadlineMs?: number;
}

export async function analyzeInputs(store: Store, inputs: AsyncIterable<Item>, options: AnalyzeOptions = {}): Promise<AnalyzeOutcome> {
  const summary: AnalyzeSummary = { inputs: 0, analysed: 0, unchanged: 0, failed: 0 };
  const errors: InputError[] = [];
  const articleIds = new Set<string>();
  const merges: AnalyzeOutcome['merges'] = [];
  const splits: AnalyzeOutcome['splits'] = [];
  /** Pages stored by this run: a later input with the same content is a copy, even before the store could say so. */
  const storedNow = new Set<string>();
  let replanned = 0;
  const fail = (path: string, reason: string) => {
    const e = { path, reason };
    errors.push(e);
    summary.failed++;
    options.onError?.(e);
  };

  // Inputs are begun as they are read (decoded, looked up, sent to a reader thread) and finished
  // (stored) strictly in input order, at most AHEAD_PER_THREAD per thread behind: the same stories
  // whatever the threads do.
  const threads = options.readerThreads ?? 0;
  let readers = null as Readers | null;
  const begun: Begun[] = [];
  // Inputs are decoded and looked up in the store a window at a time: one query tells which of
  // them are stored already, instead of one query an input (0.4 ms each on the embedded engine).
  // Inputs that come quickly (files) are taken together; from a slow source (a pipe, a watched
  // folder) what has come is begun at once instead of waiting for the window to fill.
  let window: Item[] = [];
  let windowBytes = 0;
  const iterator = inputs[Symbol.asyncIterator]();
  try {
    let next = iterator.next();
    for (;;) {
      const got = window.length ? await Promise.race([next, delay(LOOKUP_WAIT_MS, SLOW)]) : await next;
      if (got === SLOW) {
        await beginWindow();
        continue;
      }
      if (got.done) break;
      next = iterator.next();
      window.push(got.value);
      windowBytes += got.value.ok ? (got.value.input.bytes?.byteLength ?? got.value.input.content?.length ?? 0) : 0;
      if (window.length >= LOOKUP_WINDOW || windowBytes >= LOOKUP_WINDOW_BYTES) await beginWindow();
    }
    await beginWindow();
    while (begun.length) await finish(begun.shift()!);
  } finally {
    await iterator.return?.();
    await readers?.close();
  }
  return { summary, errors, articleIds: [...articleIds], merges, splits, replanned };

  async function beginWindow(): Promise<void> {
    const steps = window.map(decode);
    window = [];
    windowBytes = 0;
    const ids = steps.flatMap((s) => (s.kind === 'new' ? [s.page.id] : []));
    const known = ids.length ? await store.knownIds(ids) : new Set<string>();
    for (const step of steps) {
      // Inputs come in before this one: those finished and those begun.
      if (threads > 0 && !readers && summary.inputs + begun.length >= READERS_AFTER) readers = new Readers(threads, { onThreadError: (m) => options.onNote?.('analyze', m), deadlineMs: options.readDeadlineMs });
      if (step.kind === 'new' && known.has(step.page.id)) begun.push({ kind: 'known', input: step.input, page: step.page });
      else if (step.kind === 'new') begun.push({ ...step, task: readers?.read(step.page) ?? null });
      else begun.push(step);
      while (begun.length > (readers ? threads * AHEAD_PER_THREAD : 0)) await finish(begun.shift()!);
    }
  }

  function decode(item: Item): Begun {
    if (!item.ok) return { kind: 'failed', source: item.path, reason: item.reason };
    const prepared = prepare(item.input);
    if (!prepared.ok) return { kind: 'failed', source: prepared.source, reason: prepared.reason };
    return { kind: 'new', input: item.input, page: prepared.page, task: null };
  }

  async function finish(step: Begun): Promise<void> {
    summary.inputs++;
    if (step.kind === 'failed') fail(step.source, step.reason);
    else if (step.kind === 'known' || storedNow.has(step.page.id)) await unchanged(step.input, step.page);
    else await storeRead(step.input, step.page, await read(step));
    options.onInput?.(summary, step.kind === 'failed' ? step.source : step.input.source);
  }

  /**
   * The page read: by its thread, or here when no thread has started it yet or its thread died.
   * A page its thread spent too long on fails (READ_DEADLINE_MS).
   */
  async function read(step: Begun & { kind: 'new' }): Promise<ReadPage> {
    if (!step.task || step.task.take()) return readForStore(step.page);
    return step.task.result.catch((e: Error) => (e instanceof ReadTimeout ? { ok: false, source: step.page.source, reason: e.message } : readForStore(step.page)));
  }

  /** Already stored: record where else it came from; its stories are in the report all the same. */
  async function unchanged(input: RawInput, page: Article) {
    const ids = [page.id, ...(await store.childIds(page.id))];
    await store.write((tx) => tx.addSource(page.id, input.source));
    await reread(store, ids);
    summary.unchanged++;
    for (const id of ids) articleIds.add(id);
  }

  /** A page read: its articles grouped and stored in one transaction, or its failure recorded. */
  async function storeRead(input: RawInput, page: Article, result: ReadPage) {
    if (!result.ok) {
      fail(result.source, result.reason);
      return;
    }
    for (const d of result.articles[0]!.diagnostics) if (d.level === 'warning') options.onWarning?.(input.source, d.message);
    const { articles, features } = result;
    // On a shared server grouping is planned outside the write lock, where other workers do the
    // same side by side, and only checked and written under it (docs/architecture.md, "Several
    // writers"). The embedded store has one writer: it plans inside its transaction, nothing to check.
    let plans: GroupPlan[] | null = null;
    if (!store.exclusive) {
      const view = store.view();
      plans = [];
      for (const [i, article] of articles.entries()) plans.push(await planGroup(view, article, options, features[i]));
    }
    const stored = await store.write(async (tx) => {
      // Checked again under the write lock: another worker may have stored the same content (a
      // redelivered queue message) while this one was analysing it.
      if (plans && (await tx.articleExists(page.id))) {
        await tx.addSource(page.id, input.source);
        return false;
      }
      // The articles of one page were planned without their siblings: those stored first are late
      // for the next plans, which are then made again under the lock.
      for (const [i, article] of articles.entries()) {
        const outcome = plans ? await applyGroup(tx, plans[i]!, options) : await groupAndStore(tx, article, options, features[i]);
        merges.push(...outcome.merged);
        splits.push(...outcome.split);
        if (outcome.replanned) replanned++;
      }
      return true;
    });
    storedNow.add(page.id);
    if (stored) summary.analysed++;
    else summary.unchanged++;
    for (const a of articles) articleIds.add(a.id);
  }
}

/** Inputs read in the main thread before reader threads are started: a handful of files is done before threads could load. */
export const READERS_AFTER = 16;
/** Inputs begun ahead of the one being stored, per reader thread: enough to keep every thread busy, few enough to bound memory. */
const AHEAD_PER_THREAD = 4;
/** Inputs decoded and looked up in the store together, at most (and at most this many bytes of them: inputs can be large). */
const LOOKUP_WINDOW = 16;
const LOOKUP_WINDOW_BYTES = 4 * 1024 * 1024;
/** How long the next input may take to come before the window is begun without it. */
const LOOKUP_WAIT_MS = 2;
const SLOW = Symbol('slow source');

type Item = { ok: true; input: RawInput } | { ok: false; path: string; reason: string };

type Begun =
  | { kind: 'failed'; source: string; reason: string }
  | { kind: 'known'; input: RawInput; page: Article }
  | { kind: 'new'; input: RawInput; page: Article; task: ReaderTask | null };

/**
 * Articles stored by an older understand stage are read again (their text and date do not change,
 * so their story does not either): an upgrade shows in the report without re-importing anything.
 */
async function reread(store: Store, ids: string[]): Promise<void> {
  for (const id of await store.staleAnalysis(ids, ANALYSIS_VERSION)) {
    const article = await store.getArticle(id);
    if (!article) continue;
    const analysis = analyseText(article.text, article.published);
    await store.write((tx) => tx.setAnalysis(id, analysis));
  }
}

export async function analyzePaths(store: Store, paths: string[], options: AnalyzeOptions = {}): Promise<AnalyzeOutcome> {
  return analyzeInputs(store, readInputs(paths, options), options);
}
