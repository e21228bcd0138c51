/**
 * The storage contract, run against every backend (after Kysely: no mocks, real databases).
 * PGlite always; the PostgreSQL server at STORYLINE_TEST_PG (default the machine's local server),
 * which CI requires (STORYLINE_REQUIRE_PG=1) and a laptop without one skips, saying so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../article/article.ts';
import { UNKNOWN_DATE } from '../article/article.ts';
import { migrate, migrations } from './migrate.ts';
import { GroupRowCache, StoreTx, VACUUM_MIN_ARTICLES, VACUUM_SCALE, type Store, type TermWeight } from './store.ts';
import { MAX_PREPARED } from './pglite.ts';
import { backends } from './testing.ts';

function article(id: string, over: Partial<Article> = {}): Article {
  return {
    id, source: `/in/${id}.txt`, parentId: null, kind: 'text', url: null, outlet: null, raw: `raw ${id}`,
    title: `Title ${id}`, titleDerived: false, published: UNKNOWN_DATE, language: 'en', text: `Text of ${id}.`,
    removed: [{ text: 'Share', reason: 'share' }], diagnostics: [], stated: { title: null, dates: [], language: null }, ...over,
  };
}

describe.each(backends)('storage contract: $name', ({ skip, open }) => {
  if (skip) {
    it.skip('needs the backend', () => {});
    return;
  }
  /** Stores an article as grouping does, with its term vector and group features: `nearest` finds only grouped articles. */
  const insertGrouped = (tx: StoreTx, a: Article, story: string, vector: TermWeight[]) =>
    tx.insertArticle(a, story, vector, { features: { vector, title: [], entities: [], from: null, to: null, days: [], minhash: [] }, component: a.id, duplicateOf: null, bands: [] });
  let store: Store;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ store, drop } = await open()));
  afterAll(async () => {
    await drop?.();
    await store?.close();
  });

  it('applies every migration once, and again is a no-op', async () => {
    const versions = (await store.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => Number(r.version));
    expect(versions).toEqual(migrations().map((m) => m.version));
    expect(await migrate(store.db)).toEqual([]);
  });

  it('stores an article and reads it back unchanged', async () => {
    const a = article('a0000000000000001', {
      published: { value: '2025', earliest: '2025-04-01', latest: '2025-12-31', basis: 'inferred', evidence: 'cites April 2025' },
      diagnostics: [{ origin: 'decode:charset', level: 'warning', message: 'guessed windows-1252' }],
    });
    await store.write(async (tx) => {
      await tx.createStory('s0000000000000001', 'A story');
      await insertGrouped(tx, a, 's0000000000000001', [{ term: 'korea', weight: 0.8 }, { term: 'russia', weight: 0.6 }]);
    });
    const back = await store.getArticle(a.id);
    expect(back).toMatchObject({ id: a.id, title: a.title, published: a.published, removed: a.removed, diagnostics: a.diagnostics, storyId: 's0000000000000001', sources: [a.source] });
    expect(await store.knownIds([a.id, 'a00000000000000ff'])).toEqual(new Set([a.id]));
  });

  it('finds nearest articles through the term index, best first', async () => {
    await store.write(async (tx) => {
      await tx.createStory('s0000000000000002', 'Other story');
      await insertGrouped(tx, article('a0000000000000002'), 's0000000000000002', [{ term: 'election', weight: 1 }]);
    });
    const near = await store.write((tx) => tx.nearest([{ term: 'korea', weight: 1 }], 10, 1000));
    expect(near.map((c) => c.id)).toEqual(['a0000000000000001']);
    expect(near[0]).toMatchObject({ storyId: 's0000000000000001', component: 'a0000000000000001', features: { vector: [{ term: 'korea', weight: 0.8 }, { term: 'russia', weight: 0.6 }] } });
    expect(near[0]!.score).toBeCloseTo(0.8, 5);
    expect(near[0]!.published).toEqual({ earliest: '2025-04-01', latest: '2025-12-31' });
    // Only the most recent `perTerm` postings of each term are read (none here).
    expect(await store.write((tx) => tx.nearest([{ term: 'korea', weight: 1 }], 10, 0))).toEqual([]);
  });

  it('merges stories and keeps the old id resolvable', async () => {
    await store.write((tx) => tx.mergeStory('s0000000000000002', 's0000000000000001'));
    const live = await store.getStory('s0000000000000002');
    expect(live?.id).toBe('s0000000000000001');
    expect(live?.articleIds).toEqual(['a0000000000000001', 'a0000000000000002']);
    expect(live?.mergedFrom).toEqual(['s0000000000000002']);
    expect((await store.listStories()).map((s) => s.id)).toEqual(['s0000000000000001']);
    expect(await store.counts()).toEqual({ articles: 2, stories: 1 });
  });

  it('rolls back a failed write completely', async () => {
    await expect(
      store.write(async (tx) => {
        await tx.insertArticle(article('a0000000000000003'), 's0000000000000001', []);
        throw new Error('crash in the middle');
      }),
    ).rejects.toThrow('crash in the middle');
    expect(await store.getArticle('a0000000000000003')).toBeNull();
  });

  it('serialises writes: a write sees everything an earlier concurrent write committed', async () => {
    // Each write reads the article count, waits, then inserts an article named after it. Run side
    // by side without the group lock, both would read the same count and collide on one id.
    const { articles: before } = await store.counts();
    const write = () => store.write(async (tx) => {
      const n = await tx.articleCount();
      await new Promise((r) => setTimeout(r, 150));
      await tx.insertArticle(article(`a${String(9000 + n).padStart(16, '0')}`), null, []);
    });
    await Promise.all([write(), write(), write()]);
    expect((await store.counts()).articles).toBe(before + 3);
  });

  it('VACUUMs and ANALYZEs as the store grows, so lookups have statistics and can be index-only scans', async () => {
    const visible = async () => Number((await store.db.query<{ n: number }>("SELECT relallvisible AS n FROM pg_class WHERE oid = 'article_terms'::regclass"))[0]!.n);
    const vacuumedAt = async () => Number((await store.db.query<{ n: string }>('SELECT vacuumed_seq AS n FROM maintenance'))[0]!.n);
    const insert = (from: number, n: number) => store.write(async (tx) => {
      for (let i = from; i < from + n; i++) await tx.insertArticle(article(`b${String(i).padStart(16, '0')}`), null, [{ term: `t${i % 50}`, weight: 1 }]);
    });
    const last = async () => Number((await store.db.query<{ n: string }>('SELECT max(seq) AS n FROM articles'))[0]!.n);
    expect(await visible()).toBe(0);
    // The rule: VACUUM_MIN_ARTICLES since the last time (never, here), then that plus VACUUM_SCALE × the size then.
    await insert(0, VACUUM_MIN_ARTICLES - (await last()) - 1);
    if (!store.exclusive) {
      expect(await store.maintain()).toBe(false);
      await insert(VACUUM_MIN_ARTICLES, 1);
      expect(await store.maintain()).toBe(true);
    } else {
      // The embedded store, which has no autovacuum, checks by itself every few articles stored.
      expect(await vacuumedAt()).toBe(0);
      await insert(VACUUM_MIN_ARTICLES, 60);
    }
    const first = await vacuumedAt();
    expect(first).toBeGreaterThanOrEqual(VACUUM_MIN_ARTICLES);
    expect(await visible()).toBeGreaterThan(0);
    const due = VACUUM_MIN_ARTICLES + Math.ceil(VACUUM_SCALE * first);
    await insert(1000, due - 1 - ((await last()) - first));
    expect(await store.maintain()).toBe(false);
    await insert(2000, 1);
    expect(await store.maintain()).toBe(true);
    expect(await vacuumedAt()).toBe(first + due);
  }, 120_000);

  it('records every source the same content came from', async () => {
    await store.write((tx) => tx.addSource('a0000000000000001', '/in/copy.txt'));
    expect((await store.getArticle('a0000000000000001'))?.sources).toEqual(['/in/a0000000000000001.txt', '/in/copy.txt']);
  });

  it('reads a grouped article as stored, not as an insert that was rolled back', async () => {
    const a = article('a00000000000000c1');
    const vector = [{ term: 'rollback', weight: 1 }];
    await store.write(async (tx) => {
      await tx.createStory('s00000000000000c0', 'Original');
      await insertGrouped(tx, article('a00000000000000c0'), 's00000000000000c0', vector);
    });
    await expect(store.write(async (tx) => {
      await tx.createStory('s00000000000000c1', 'Rolled back');
      await tx.insertArticle(a, 's00000000000000c1', vector, { features: { vector, title: [], entities: [], from: null, to: null, days: [], minhash: [] }, component: a.id, duplicateOf: 'a00000000000000c0', bands: [] });
      // Seen inside its own transaction...
      expect((await tx.groupRows([a.id]))[0]).toMatchObject({ id: a.id, duplicateOf: 'a00000000000000c0' });
      throw new Error('abandoned');
    })).rejects.toThrow('abandoned');
    // ...then stored by another writer (another worker on a server: not through this store's
    // cache), with another arrival number and no copy of anything.
    const other = new StoreTx(store.db, new GroupRowCache());
    await other.createStory('s00000000000000c1', 'Stored');
    await insertGrouped(other, a, 's00000000000000c1', vector);
    const [stored] = await store.db.query<{ seq: string }>('SELECT seq FROM articles WHERE id = $1', [a.id]);
    const [row] = await store.view().groupRows([a.id]);
    expect(row).toMatchObject({ id: a.id, seq: Number(stored!.seq), duplicateOf: null, storyId: 's00000000000000c1' });
  });

  it('runs a statement in a transaction as outside one: same values back, a failure rolls back and the next run works, more statements than are kept prepared', async () => {
    const sql = `SELECT $1::text AS t, $2::int8 AS n, $3::real[] AS r, $4::text[] AS a, $5::json AS j, $6::boolean AS b, $7::date AS d, $8::text AS missing`;
    const params = ['Kim’s "quote"', 12, [0.5, 0.25], ['x', 'y,z'], JSON.stringify({ k: [1, 'two'] }), true, '2024-07-19', null];
    const outside = await store.db.query(sql, params);
    const inside = await store.db.transaction((q) => q.query(sql, params));
    expect(inside).toEqual(outside);
    // Planned with each call's values (`replan`), twice: the same again.
    expect(await store.db.transaction(async (q) => [...(await q.query(sql, params, { replan: true })), ...(await q.query(sql, params, { replan: true }))])).toEqual([...outside, ...outside]);
    expect(inside[0]).toMatchObject({ t: 'Kim’s "quote"', a: ['x', 'y,z'], j: { k: [1, 'two'] }, b: true, missing: null });

    await store.db.exec('CREATE TABLE IF NOT EXISTS prepared_check (n int)');
    const insert = 'INSERT INTO prepared_check (n) SELECT 10 / $1::int';
    await expect(store.db.transaction(async (q) => {
      await q.query(insert, [5]);
      await q.query(insert, [0]);
    })).rejects.toThrow(/division by zero/);
    await store.db.transaction((q) => q.query(insert, [2]));
    expect(await store.db.query('SELECT n FROM prepared_check')).toEqual([{ n: 5 }]);
    await store.db.exec('DROP TABLE prepared_check');

    const many = await store.db.transaction(async (q) => {
      const out: unknown[] = [];
      for (let k = 0; k < MAX_PREPARED + 20; k++) out.push(...(await q.query<{ v: number }>(`SELECT $1::int + ${k} AS v`, [1])).map((r) => r.v));
      return out;
    });
    expect(many).toEqual(Array.from({ length: MAX_PREPARED + 20 }, (_, k) => k + 1));
    // The first statements were closed to make room: asked again, they are prepared again.
    expect(await store.db.transaction((q) => q.query(`SELECT $1::int + 1 AS v`, [41]))).toEqual([{ v: 42 }]);
  });
});
