/**
 * `npm run bench`: throughput and memory of `analyze` on a corpus built from the shared data.
 *
 * The corpus: BASIL article bodies (JSON) and WikiRef texts (cp1252 .txt) from ../shared/data,
 * repeated to --articles N (default 5,000). Each copy is made distinct (paragraphs rotated and a
 * numbered line added), since identical copies would be recognised by content and skipped.
 * Prints one JSON object; record the figures in docs/benchmarks.md.
 *
 *   npm run bench                      # 2,000 articles, then grouping at 10,000 and 100,000 stored
 *   npm run bench -- --articles 1000 --scale 2000,20000   # quicker
 *
 * The second part (bench/scale.ts) measures the per-article grouping cost with 10,000 and
 * 100,000 articles already stored, and the peak memory.
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { analyzePaths } from '../src/analyze/index.ts';
import { analyse } from '../src/pipeline/index.ts';
import { readInputs } from '../src/read/index.ts';
import { openStore } from '../src/store/index.ts';
import { runScale } from './scale.ts';

const DATA = join(import.meta.dirname, '..', '..', 'shared', 'data', 'clustering');

const { values } = parseArgs({ options: { articles: { type: 'string', default: '2000' }, scale: { type: 'string', default: '10000,100000' } } });
const target = Number(values.articles);

function sources(): Array<{ title: string; paragraphs: string[] }> {
  const out: Array<{ title: string; paragraphs: string[] }> = [];
  const basil = join(DATA, 'basil-dev');
  for (const year of readdirSync(basil).sort()) {
    for (const f of readdirSync(join(basil, year)).sort()) {
      const d = JSON.parse(readFileSync(join(basil, year, f), 'utf8')) as { title: string; 'body-paragraphs': string[][] };
      out.push({ title: d.title, paragraphs: d['body-paragraphs'].map((p) => p.join(' ')) });
    }
  }
  const wiki = join(DATA, 'wikiref220');
  for (const f of readdirSync(wiki).filter((f) => f.endsWith('.txt') && f !== 'readme.txt').sort()) {
    const [title = '', ...rest] = iconv.decode(readFileSync(join(wiki, f)), 'win1252').split('\n');
    out.push({ title, paragraphs: rest.map((l) => l.trim()).filter(Boolean) });
  }
  return out;
}

function buildCorpus(dir: string, n: number): { files: number; bytes: number } {
  const base = sources();
  if (base.length === 0) throw new Error(`no shared data under ${DATA}`);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const src = base[i % base.length]!;
    const copy = Math.floor(i / base.length);
    const k = src.paragraphs.length ? copy % src.paragraphs.length : 0;
    const paras = [...src.paragraphs.slice(k), ...src.paragraphs.slice(0, k)];
    const text = `${src.title}\n\n${paras.join('\n\n')}\n\nThis is copy ${copy} of the article, number ${i}.\n`;
    const sub = join(dir, String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${String(i).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: n, bytes };
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const work = mkdtempSync(join(tmpdir(), 'storyline-bench-'));
try {
  const corpusDir = join(work, 'corpus');
  const corpus = buildCorpus(corpusDir, target);

  // 1. The per-input pipeline alone (read, decode, clean, segment, metadata): no store.
  let t = performance.now();
  let pipelineArticles = 0;
  for await (const item of readInputs([corpusDir])) {
    if (!item.ok) continue;
    const r = analyse(item.input);
    if (r.ok) pipelineArticles += r.articles.length;
  }
  const pipelineSeconds = (performance.now() - t) / 1000;

  // 2. The whole `analyze`: pipeline, grouping and the embedded store on disk.
  const store = await openStore(join(work, 'db'));
  t = performance.now();
  const outcome = await analyzePaths(store, [corpusDir]);
  const analyzeSeconds = (performance.now() - t) / 1000;
  const counts = await store.counts();

  // 3. Re-running on the same files: everything is recognised and skipped.
  t = performance.now();
  const again = await analyzePaths(store, [corpusDir]);
  const rerunSeconds = (performance.now() - t) / 1000;
  await store.close();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

  console.log(JSON.stringify({
    task: 'bench:analyze',
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    inputs: corpus.files,
    corpusMB: +(corpus.bytes / 1e6).toFixed(1),
    pipeline: { articles: pipelineArticles, seconds: +pipelineSeconds.toFixed(2), articlesPerSecond: +(pipelineArticles / pipelineSeconds).toFixed(1) },
    analyze: {
      analysed: outcome.summary.analysed,
      failed: outcome.summary.failed,
      articles: counts.articles,
      stories: counts.stories,
      seconds: +analyzeSeconds.toFixed(2),
      articlesPerSecond: +(counts.articles / analyzeSeconds).toFixed(1),
    },
    rerun: { unchanged: again.summary.unchanged, seconds: +rerunSeconds.toFixed(2), inputsPerSecond: +(again.summary.inputs / rerunSeconds).toFixed(1) },
    peakRssMB: Math.round(peakRss / 1e6),
  }, null, 2));
} finally {
  clearInterval(sampler);
  rmSync(work, { recursive: true, force: true });
}

console.log(JSON.stringify(await runScale(values.scale!.split(',').map(Number), 100), null, 2));
