/**
 * `npm run bench:web`: server time of the web app's pages with a warm store, in-process
 * (`app.request`, no network): the seed corpus's story page, and the stories list and a search
 * with --articles N synthetic articles (default 10,000) in the store beside the seeds.
 * Prints one JSON object; record the figures in docs/benchmarks.md.
 *
 *   npm run bench:web
 *   npm run bench:web -- --articles 2000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { analyzePaths } from '../src/analyze/index.ts';
import { UNKNOWN_DATE, type Article } from '../src/article/article.ts';
import { createApp } from '../src/serve/index.ts';
import { openStore } from '../src/store/index.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'seeds');
const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, runs: { type: 'string', default: '20' } } });
const n = Number(values.articles);
const runs = Number(values.runs);

// Synthetic articles: enough distinct words for a realistic full-text index; 5 articles per story.
const WORDS = 'harbour council bridge repairs ferry storm minister budget election strike union court ruling river flood school hospital railway airport tariff export harvest drought wildfire vaccine'.split(' ');
function synthetic(i: number): Article {
  const w = (k: number) => WORDS[(i * 7 + k * 13) % WORDS.length]!;
  const text = Array.from({ length: 6 }, (_, p) => `Paragraph ${p} of report ${i}: the ${w(p)} and the ${w(p + 1)} were discussed by officials in district ${i % 97}, who said the ${w(p + 2)} would take ${i % 12} weeks.`).join('\n\n');
  const day = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  return {
    id: `a${(0xb000000000000000n + BigInt(i)).toString(16)}`, source: `bench/${i}.txt`, parentId: null, kind: 'text', url: `https://outlet${i % 40}.example/${i}`, outlet: null, raw: text,
    title: `Report ${i} on the ${w(0)} and the ${w(3)}`, titleDerived: false, published: i % 5 === 0 ? UNKNOWN_DATE : { value: day, earliest: day, latest: day, basis: 'explicit', evidence: day },
    language: 'en', text, removed: [{ text: 'Share this', reason: 'share' }], diagnostics: [], stated: { title: null, dates: [], language: null },
  };
}

async function time(label: string, request: () => Response | Promise<Response>): Promise<Record<string, number | string>> {
  for (let i = 0; i < 3; i++) await (await request()).text();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await request();
    await res.text();
    ms.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
  }
  ms.sort((a, b) => a - b);
  return { page: label, medianMs: Number(ms[Math.floor(ms.length / 2)]!.toFixed(1)), p95Ms: Number(ms[Math.floor(ms.length * 0.95)]!.toFixed(1)) };
}

const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-web-'));
try {
  const store = await openStore(join(dir, 'db'));
  await analyzePaths(store, [SEEDS]);
  const seedStory = (await store.listStories()).find((s) => s.articleIds.length === 5);
  if (!seedStory) throw new Error(`the seed story was not found: is ../shared/corpus/seeds at ${SEEDS}?`);
  const app = createApp(store);
  const results = [await time('story page (seed corpus)', () => app.request(`/stories/${seedStory.id}`))];
  const t0 = performance.now();
  for (let start = 0; start < n; start += 500) {
    await store.write(async (tx) => {
      for (let i = start; i < Math.min(n, start + 500); i++) {
        const story = `s${(0xc000000000000000n + BigInt(Math.floor(i / 5))).toString(16)}`;
        if (i % 5 === 0) await tx.createStory(story, `Bench story ${i / 5}`);
        await tx.insertArticle(synthetic(i), story, []);
      }
    });
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  results.push(
    await time(`stories page (${n} more articles)`, () => app.request('/')),
    await time('story page (seed corpus, with them)', () => app.request(`/stories/${seedStory.id}`)),
    await time('search "ferry storm"', () => app.request('/?q=ferry%20storm')),
    await time('API search with a date range', () => app.request('/api/search?q=bridge&from=2024-03&to=2024-04')),
  );
  process.stdout.write(`${JSON.stringify({ articles: (await store.counts()).articles, loadSeconds: Number(loadSeconds.toFixed(1)), runs, results }, null, 2)}\n`);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
