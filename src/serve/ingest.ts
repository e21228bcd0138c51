/**
 * Analysing what arrives over HTTP (the API's POST /api/articles and the ingest form) with the same
 * code as `storyline analyze`, one input at a time so each gets its own status. Writes are queued:
 * concurrent requests would otherwise both see an input as new and race to store it.
 */
import type { RawInput } from '../article/article.ts';
import { analyzeInputs } from '../analyze/index.ts';
import type { ReadItem } from '../read/index.ts';
import type { Store } from '../store/index.ts';

export type IngestStatus = 'analysed' | 'unchanged' | 'failed';

export interface IngestResult {
  /** Position in the request (0-based). */
  index: number;
  source: string;
  status: IngestStatus;
  /** The articles the input gave (a page can be split into several); empty when it failed. */
  articleIds: string[];
  /** The stories those articles are in now (after any merge this batch caused). */
  storyIds: string[];
  /** Why it failed; null otherwise. */
  reason: string | null;
}

export type Ingest = (items: ReadItem[]) => Promise<IngestResult[]>;

export function ingester(store: Store): Ingest {
  let queue: Promise<unknown> = Promise.resolve();
  return (items) => {
    const run = queue.then(() => analyseEach(store, items));
    queue = run.catch(() => {});
    return run;
  };
}

async function* one(input: RawInput): AsyncGenerator<{ ok: true; input: RawInput }> {
  yield { ok: true, input };
}

async function analyseEach(store: Store, items: ReadItem[]): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const [index, item] of items.entries()) {
    if (!item.ok) {
      results.push({ index, source: item.path, status: 'failed', articleIds: [], storyIds: [], reason: item.reason });
      continue;
    }
    const outcome = await analyzeInputs(store, one(item.input));
    const status: IngestStatus = outcome.summary.analysed ? 'analysed' : outcome.summary.unchanged ? 'unchanged' : 'failed';
    results.push({ index, source: item.input.source, status, articleIds: outcome.articleIds, storyIds: [], reason: outcome.errors[0]?.reason ?? null });
  }
  // Stories are read at the end: a later input of the batch can merge the story an earlier one joined.
  const articles = await store.getArticles(results.flatMap((r) => r.articleIds));
  const storyOf = new Map(articles.map((a) => [a.id, a.storyId]));
  for (const r of results) r.storyIds = [...new Set(r.articleIds.map((id) => storyOf.get(id)).filter((s): s is string => Boolean(s)))];
  return results;
}
