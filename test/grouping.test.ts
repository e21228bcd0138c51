/**
 * Grouping does not depend on the order articles arrive in: the seed pages and a slice of
 * WikiRef analysed one at a time in shuffled orders give the same partition into stories.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeInputs, analyzePaths } from '../src/analyze/index.ts';
import type { RawInput } from '../src/article/article.ts';
import { loadWikiref } from '../src/eval/clustering.ts';
import { readInputs } from '../src/read/index.ts';
import { openStore } from '../src/store/index.ts';
import { SEEDS, SHARED_DATA, hasSeeds } from './seeds.ts';

/** Deterministic shuffle (mulberry32), so a failure can be replayed. */
function shuffle<T>(items: T[], seed: number): T[] {
  let s = seed;
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The partition of article ids into stories, in a canonical form. */
async function partition(inputs: RawInput[]): Promise<string[][]> {
  const store = await openStore(null);
  try {
    async function* items() {
      for (const input of inputs) yield { ok: true as const, input };
    }
    await analyzeInputs(store, items());
    const stories = await store.listStories({ limit: 10_000 });
    return stories.map((s) => [...s.articleIds].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
  } finally {
    await store.close();
  }
}

const WIKIREF = join(SHARED_DATA, 'clustering', 'wikiref220');

describe.skipIf(!hasSeeds || !existsSync(WIKIREF))('grouping is independent of arrival order', () => {
  it('gives the same stories for the seeds and 40 WikiRef texts in three shuffled orders', async () => {
    const inputs: RawInput[] = [];
    for await (const item of readInputs([SEEDS])) if (item.ok) inputs.push(item.input);
    // Every fifth WikiRef text: several topics, some of them sharing people and places.
    for (const d of loadWikiref(WIKIREF).filter((_, i) => i % 5 === 0)) {
      inputs.push({ source: d.id, kind: 'text', content: d.text, title: d.title });
    }
    const reference = await partition(inputs);
    expect(reference.length).toBeGreaterThan(3);
    for (const seed of [1, 2]) expect(await partition(shuffle(inputs, seed))).toEqual(reference);
  }, 600_000);

  it('groups the seed pages the same way one at a time as in one batch', async () => {
    const store = await openStore(null);
    try {
      const files = [];
      for await (const item of readInputs([SEEDS])) if (item.ok) files.push(item.input.source);
      for (const f of shuffle(files, 7)) await analyzePaths(store, [f]);
      const oneByOne = (await store.listStories()).map((s) => [...s.articleIds].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
      const batch: RawInput[] = [];
      for await (const item of readInputs([SEEDS])) if (item.ok) batch.push(item.input);
      expect(oneByOne).toEqual(await partition(batch));
    } finally {
      await store.close();
    }
  }, 600_000);
});
