/**
 * `npm run bench`: throughput and memory of `analyze` on a corpus built from the shared data.
 *
 * The corpus: BASIL article bodies (JSON) and WikiRef texts (cp1252 .txt) from ../shared/data,
 * repeated to --articles N (default 2,000). Each copy is made distinct (paragraphs rotated and a
 * numbered line added), since identical copies would be recognised by content and skipped.
 * Measured: the pipeline alone, the whole `analyze` on one core (`analyze`) and with the reader
 * threads the CLI starts by default (`analyzeWithReaderThreads`), and a re-run. Prints JSON
 * objects; record the figures in docs/benchmarks.md.
 *
 *   npm run bench                      # 2,000 articles, then grouping at 10,000 and 100,000 stored
 *   npm run bench -- --articles 1000 --scale 2000,20000   # quicker
 *
 * First, extraction from HTML (bench/extraction.ts): pages per second and peak memory of Storyline
 * and of Readability.js on linkedom on the three extraction sets (`npm run bench:extraction` alone).
 *
 * The second part (bench/scale.ts) measures the per-article grouping cost with 10,000 and
 * 100,000 articles already stored, and the peak memory. Scale-out with worker processes on
 * PostgreSQL and NATS: `npm run bench:workers` (bench/workers.ts); web pages: `npm run bench:web`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzePaths, defaultReaderThreads } from '../src/analyze/index.ts';
import { analyse } from '../src/pipeline/index.ts';
import { readInputs } from '../src/read/index.ts';
import { openStore } from '../src/store/index.ts';
import { buildCorpus, header } from './corpus.ts';
import { runExtractionBench } from './extraction.ts';
import { runScale } from './scale.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '2000' }, scale: { type: 'string', default: '10000,100000' }, 'extraction-passes': { type: 'string', default: '3' } } });
const target = Number(values.articles);

// 0. Extraction from HTML against Readability.js on linkedom (bench/extraction.ts): each run of a
//    system on a set in its own child process, one at a time, before this process allocates anything.
console.log(JSON.stringify(runExtractionBench(Number(values['extraction-passes'])), null, 2));

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const work = mkdtempSync(join(tmpdir(), 'storyline-bench-'));
try {
  const corpusDir = join(work, 'corpus');
  const corpus = buildCorpus(corpusDir, target);

  // 1. The per-input pipeline alone (read, decode, clean, segment, metadata, understand): no store.
  let t = performance.now();
  let pipelineArticles = 0;
  for await (const item of readInputs([corpusDir])) {
    if (!item.ok) continue;
    const r = analyse(item.input);
    if (r.ok) pipelineArticles += r.articles.length;
  }
  const pipelineSeconds = (performance.now() - t) / 1000;

  // 2. The whole `analyze` (pipeline, grouping, the embedded store on disk) on one core, then with
  //    the reader threads `storyline analyze` starts by default (src/analyze/readers.ts), each into a
  //    store of its own. The stories must be the same.
  const wholeAnalyze = async (name: string, readerThreads: number) => {
    const store = await openStore(join(work, name));
    const start = performance.now();
    const outcome = await analyzePaths(store, [corpusDir], { readerThreads });
    const seconds = (performance.now() - start) / 1000;
    const counts = await store.counts();
    const result = {
      readerThreads,
      analysed: outcome.summary.analysed,
      failed: outcome.summary.failed,
      articles: counts.articles,
      stories: counts.stories,
      seconds: +seconds.toFixed(2),
      articlesPerSecond: +(counts.articles / seconds).toFixed(1),
    };
    return { store, result };
  };
  const oneCore = await wholeAnalyze('db-one-core', 0);
  await oneCore.store.close();
  const threaded = await wholeAnalyze('db', defaultReaderThreads());
  const { store } = threaded;

  // 3. Re-running on the same files: everything is recognised and skipped.
  t = performance.now();
  const again = await analyzePaths(store, [corpusDir]);
  const rerunSeconds = (performance.now() - t) / 1000;
  await store.close();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

  console.log(JSON.stringify({
    ...header('bench:analyze', corpus),
    pipeline: { articles: pipelineArticles, seconds: +pipelineSeconds.toFixed(2), articlesPerSecond: +(pipelineArticles / pipelineSeconds).toFixed(1) },
    analyze: oneCore.result,
    analyzeWithReaderThreads: threaded.result,
    rerun: { unchanged: again.summary.unchanged, seconds: +rerunSeconds.toFixed(2), inputsPerSecond: +(again.summary.inputs / rerunSeconds).toFixed(1) },
    peakRssMB: Math.round(peakRss / 1e6),
  }, null, 2));
} finally {
  clearInterval(sampler);
  rmSync(work, { recursive: true, force: true });
}

console.log(JSON.stringify(await runScale(values.scale!.split(',').map(Number), 100), null, 2));
