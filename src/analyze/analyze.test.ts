/**
 * `analyze` keeps what the understand stage read with each article, and re-reads articles stored by
 * an older version of that stage when they arrive again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPICS, article } from '../../test/fixtures.ts';
import { openStore, type Store } from '../store/index.ts';
import { ANALYSIS_VERSION } from '../understand/index.ts';
import { analyzePaths } from './analyze.ts';

describe('analyze and the understand stage', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storyline-analyze-'));
    writeFileSync(join(dir, 'flood.txt'), article(TOPICS[0]!, 0));
    store = await openStore(null);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the analysis with the article', async () => {
    const { articleIds } = await analyzePaths(store, [dir]);
    const a = (await store.getArticle(articleIds[0]!))!;
    expect(a.analysis?.version).toBe(ANALYSIS_VERSION);
    expect(a.analysis!.quotes.find((q) => q.text.startsWith('We are doing everything we can'))?.speaker).toBe('Elena Dastrova');
    expect(a.analysis!.figures.map((f) => f.text)).toContain('1,200 residents');
    expect(a.analysis!.entities.map((m) => m.text)).toContain('Varnaton');
  });

  it('re-reads an article whose analysis is older, without touching its story', async () => {
    const [id] = (await analyzePaths(store, [dir])).articleIds;
    const before = (await store.getArticle(id!))!;
    await store.db.query('UPDATE articles SET analysis = NULL, analysis_version = 0 WHERE id = $1', [id]);
    expect((await store.getArticle(id!))!.analysis).toBeUndefined();
    const outcome = await analyzePaths(store, [dir]);
    expect(outcome.summary).toMatchObject({ analysed: 0, unchanged: 1 });
    const after = (await store.getArticle(id!))!;
    expect(after.analysis).toEqual(before.analysis);
    expect(after.storyId).toBe(before.storyId);
  });
});
