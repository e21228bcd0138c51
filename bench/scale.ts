/**
 * Grouping at scale: the per-article cost of `groupAndStore` (candidates from the term index,
 * near-duplicate lookup, re-clustering the neighbourhood, events, store writes) with 10,000 and
 * with 100,000 articles already stored, and the peak memory. Part of `npm run bench`; alone:
 *
 *   node --import tsx bench/scale.ts                       # 10,000 and 100,000
 *   node --import tsx bench/scale.ts --sizes 2000,20000    # quicker
 *
 * The big store is built cheaply: synthetic articles (paragraphs of BASIL and WikiRef texts from
 * ../shared/data, recombined into stories of five articles that share a made-up name) are grouped
 * by construction and bulk-inserted with their features (`StoreTx.bulkInsertGrouped`); the
 * features of a synthetic article are combined from precomputed paragraph features (term vectors
 * summed, MinHash signatures taken elementwise min, which is the signature of the union). The
 * measured articles then go through the real per-article path, one transaction each, as `analyze`
 * runs them.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { UNKNOWN_DATE, type Article } from '../src/article/article.ts';
import { bands, groupAndStore, groupFeatures, type GroupFeatures } from '../src/group/index.ts';
import { openStore, type StoreTx, type TermWeight } from '../src/store/index.ts';


const DATA = join(import.meta.dirname, '..', '..', 'shared', 'data', 'clustering');
const PER_STORY = 5;

interface Doc {
  title: string;
  paragraphs: Array<{ text: string; f: GroupFeatures }>;
  titleVector: TermWeight[];
}

export function baseDocs(): Doc[] {
  const raw: Array<{ title: string; paragraphs: string[] }> = [];
  const basil = join(DATA, 'basil-dev');
  for (const year of readdirSync(basil).sort()) {
    for (const f of readdirSync(join(basil, year)).sort()) {
      const d = JSON.parse(readFileSync(join(basil, year, f), 'utf8')) as { title: string; 'body-paragraphs': string[][] };
      raw.push({ title: d.title, paragraphs: d['body-paragraphs'].map((p) => p.join(' ')) });
    }
  }
  const wiki = join(DATA, 'wikiref220');
  for (const f of readdirSync(wiki).filter((f) => f.endsWith('.txt') && f !== 'readme.txt').sort()) {
    const [title = '', ...rest] = iconv.decode(readFileSync(join(wiki, f)), 'win1252').split('\n');
    raw.push({ title: title.trim(), paragraphs: rest.map((l) => l.trim()).filter((l) => l.split(/\s+/).length > 12) });
  }
  const article = (title: string, text: string) => ({ title, titleDerived: false, text, published: UNKNOWN_DATE });
  return raw
    .filter((d) => d.paragraphs.length >= 3)
    .map((d) => ({
      title: d.title,
      paragraphs: d.paragraphs.slice(0, 12).map((text) => ({ text, f: groupFeatures(article('', text)) })),
      titleVector: groupFeatures(article(d.title, '')).title,
    }));
}

/** mulberry32: a seeded generator, so every run builds the same corpus. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hex(n: number, prefix: string): string {
  return `${prefix}${n.toString(16).padStart(16, '0')}`;
}

/** Synthetic article `i` (story `i / PER_STORY`): two paragraphs of its story's base text, one of another, the story's own name. */
export function synth(docs: Doc[], i: number): { article: Article; features: GroupFeatures; story: number } {
  const story = Math.floor(i / PER_STORY);
  const rand = rng(i + 1);
  const base = docs[story % docs.length]!;
  const other = docs[Math.floor(rand() * docs.length)]!;
  const pick = (d: Doc) => d.paragraphs[Math.floor(rand() * d.paragraphs.length)]!;
  const paras = [pick(base), pick(base), pick(other)];
  const name = `Zorvath${story.toString(36)}`;
  const sum = new Map<string, number>([[`=${name.toLowerCase()}`, 0.5], [name.toLowerCase(), 0.3]]);
  for (const p of paras) for (const t of p.f.vector) sum.set(t.term, (sum.get(t.term) ?? 0) + t.weight);
  const top = [...sum].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 40);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  const minhash = paras[0]!.f.minhash.map((_, k) => Math.min(...paras.map((p) => p.f.minhash[k] ?? 0xffffffff)));
  const day = 19000 + Math.floor(story / 40) + Math.floor(rand() * 3);
  const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
  const title = `${base.title} (${name})`;
  const text = `${paras.map((p) => p.text).join('\n\n')}\n\n${name} officials commented on the matter.`;
  const article: Article = {
    id: hex(i, 'a'), source: `synthetic:${i}`, parentId: null, kind: 'text', url: null, outlet: null, raw: '', title, titleDerived: false,
    published: { value: date, earliest: date, latest: date, basis: 'explicit', evidence: null }, language: 'en', text, removed: [], diagnostics: [],
    stated: { title: null, dates: [], language: null },
  };
  const features: GroupFeatures = {
    vector: top.map(([term, w]) => ({ term, weight: w / norm })), title: base.titleVector, entities: [], from: day, to: day, days: [], minhash,
  };
  return { article, features, story };
}

export async function runScale(sizes: number[], sample: number): Promise<Record<string, unknown>> {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const work = mkdtempSync(join(tmpdir(), 'storyline-scale-'));
  const docs = baseDocs();
  const store = await openStore(join(work, 'db'));
  const out: Array<Record<string, unknown>> = [];
  try {
    let stored = 0;
    let next = 0;
    for (const size of sizes) {
      const t = performance.now();
      while (stored < size) {
        const batch: Parameters<StoreTx["bulkInsertGrouped"]>[0] = [];
        for (let k = 0; k < 2000 && stored < size; k++, stored++, next++) {
          const { article, features, story } = synth(docs, next);
          batch.push({ article, storyId: hex(story, 's'), eventId: hex(story, 'e'), extras: { features, component: `c${story}`, duplicateOf: null, bands: bands(features.minhash) } });
        }
        await store.write((tx) => tx.bulkInsertGrouped(batch));
      }
      // The bulk load bypasses the per-article path that keeps the store vacuumed and analysed as
      // it grows (Store.maintain): caught up here, in the load time, so that the measured articles
      // see the store as incremental growth would have left it, not a one-off VACUUM of all of it.
      await store.maintain();
      const loadSeconds = (performance.now() - t) / 1000;
      // The measured articles: new articles of stored stories and of new ones, through the real path.
      const times: number[] = [];
      for (let k = 0; k < sample; k++) {
        const i = k % 2 === 0 ? Math.floor((k * 7919) % next) : next + 1_000_000 + k;
        const { article } = synth(docs, i);
        const fresh = { ...article, id: hex(10_000_000 + next + k, 'a'), source: `measured:${size}:${k}` };
        const t0 = performance.now();
        await store.write((tx) => groupAndStore(tx, fresh));
        times.push(performance.now() - t0);
      }
      stored += sample;
      next += sample;
      times.sort((a, b) => a - b);
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      out.push({ stored: size, loadSeconds: +loadSeconds.toFixed(1), measured: sample, msPerArticle: +mean.toFixed(1), p50: +times[Math.floor(times.length / 2)]!.toFixed(1), p95: +times[Math.floor(times.length * 0.95)]!.toFixed(1) });
    }
  } finally {
    await store.close();
    clearInterval(sampler);
    rmSync(work, { recursive: true, force: true });
  }
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  const first = out[0]!.msPerArticle as number;
  const last = out.at(-1)!.msPerArticle as number;
  return { task: 'bench:grouping-scale', runs: out, ratio: +(last / first).toFixed(2), peakRssMB: Math.round(peakRss / 1e6) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' }, sample: { type: 'string', default: '200' } } });
  console.log(JSON.stringify(await runScale(values.sizes!.split(',').map(Number), Number(values.sample)), null, 2));
}
