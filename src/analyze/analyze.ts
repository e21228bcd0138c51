/**
 * `analyze`: read every input, run the pipeline, store each input's articles and their story
 * assignment in one transaction. A bad input becomes an error entry, never an exception: the
 * batch goes on (per-item status, like a batch API).
 */
import type { RawInput } from '../article/article.ts';
import { applyGroup, groupAndStore, groupFeatures, planGroup, type GroupOptions, type GroupPlan } from '../group/index.ts';
import { analysePage, prepare } from '../pipeline/index.ts';
import { readInputs, type ReadOptions } from '../read/index.ts';
import type { Store } from '../store/index.ts';
import { ANALYSIS_VERSION, analyseText } from '../understand/index.ts';

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
}

export async function analyzeInputs(store: Store, inputs: AsyncIterable<{ ok: true; input: RawInput } | { ok: false; path: string; reason: string }>, options: AnalyzeOptions = {}): Promise<AnalyzeOutcome> {
  const summary: AnalyzeSummary = { inputs: 0, analysed: 0, unchanged: 0, failed: 0 };
  const errors: InputError[] = [];
  const articleIds = new Set<string>();
  const merges: AnalyzeOutcome['merges'] = [];
  const splits: AnalyzeOutcome['splits'] = [];
  let replanned = 0;
  const fail = (path: string, reason: string) => {
    const e = { path, reason };
    errors.push(e);
    summary.failed++;
    options.onError?.(e);
  };

  for await (const item of inputs) {
    summary.inputs++;
    if (!item.ok) {
      fail(item.path, item.reason);
    } else {
      await analyseOne(item.input);
    }
    options.onInput?.(summary, item.ok ? item.input.source : item.path);
  }
  return { summary, errors, articleIds: [...articleIds], merges, splits, replanned };

  async function analyseOne(input: RawInput) {
    const prepared = prepare(input);
    if (!prepared.ok) {
      fail(prepared.source, prepared.reason);
      return;
    }
    const { page } = prepared;
    if ((await store.knownIds([page.id])).has(page.id)) {
      // Already stored: record where else it came from; its stories are in the report all the same.
      const ids = [page.id, ...(await store.childIds(page.id))];
      await store.write((tx) => tx.addSource(page.id, input.source));
      await reread(store, ids);
      summary.unchanged++;
      for (const id of ids) articleIds.add(id);
      return;
    }
    let result: ReturnType<typeof analysePage>;
    try {
      result = analysePage(page);
    } catch (e) {
      // A crash in the analyser is a bug, but one input must not stop the batch.
      fail(input.source, `the analyser failed on this input: ${(e as Error).message}`);
      return;
    }
    if (!result.ok) {
      fail(result.source, result.reason);
      return;
    }
    for (const d of result.articles[0]!.diagnostics) if (d.level === 'warning') options.onWarning?.(input.source, d.message);
    const { articles } = result;
    const features = articles.map((a) => groupFeatures(a));
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
    if (stored) summary.analysed++;
    else summary.unchanged++;
    for (const a of articles) articleIds.add(a.id);
  }
}

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
