/** Full-text search and story summaries (src/store/search.ts), on every storage backend. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../article/article.ts';
import { UNKNOWN_DATE } from '../article/article.ts';
import { MAX_LIMIT, searchArticles, storySummaries } from './search.ts';
import type { Store } from './store.ts';
import { backends } from './testing.ts';

function article(n: number, over: Partial<Article>): Article {
  const id = `a${n.toString(16).padStart(16, '0')}`;
  return {
    id, source: `/in/${n}.txt`, parentId: null, kind: 'text', url: null, outlet: null, raw: `raw ${n}`, title: null, titleDerived: false,
    published: UNKNOWN_DATE, language: 'en', text: '', removed: [], diagnostics: [], stated: { title: null, dates: [], language: null }, ...over,
  };
}

const S1 = 's0000000000000001';
const S2 = 's0000000000000002';
const day = (d: string) => ({ value: d, earliest: d, latest: d, basis: 'explicit' as const, evidence: d });

const ARTICLES: Array<[Article, string]> = [
  [article(1, { title: 'Kim meets Shoigu in Pyongyang', text: 'Sergei Shoigu visited Pyongyang and met Kim Jong Un.', outlet: 'Wire One', published: day('2025-06-04') }), S1],
  [article(2, { title: 'Shells for Russia', text: 'About 1.6 million artillery shells were shipped, according to C4ADS.', url: 'https://news.example/shells', published: day('2024-07-19') }), S1],
  [article(3, { title: 'Undated note', text: 'Kim Jong Un sent a telegram to Putin.', outlet: 'wire one' }), S1],
  [article(4, { title: 'Dutch election', text: 'The Dutch snap election is set for October; Shoigu is not involved.', published: { value: null, earliest: '2023-11-01', latest: null, basis: 'inferred', evidence: 'November 2023' } }), S2],
];

describe.each(backends)('search: $name', ({ skip, open }) => {
  if (skip) {
    it.skip('needs the backend', () => {});
    return;
  }
  let store: Store;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ store, drop } = await open());
    await store.write(async (tx) => {
      await tx.createStory(S1, 'North Korea and Russia');
      await tx.createStory(S2, 'Dutch election');
      for (const [a, s] of ARTICLES) await tx.insertArticle(a, s, []);
    });
    // S2 has the most recent activity.
    await store.write((tx) => tx.touchStory(S2));
  });
  afterAll(async () => {
    await drop?.();
    await store?.close();
  });

  const ids = async (q: Parameters<typeof searchArticles>[1]) => (await searchArticles(store, q)).hits.map((h) => h.id.slice(-1));

  it('matches words in titles and texts, without stemming, best match first', async () => {
    expect((await ids({ q: 'Shoigu' })).sort()).toEqual(['1', '4']);
    expect(await ids({ q: 'Shoigu Pyongyang' })).toEqual(['1']);
    expect(await ids({ q: 'shell' })).toEqual([]);
    expect(await ids({ q: '"artillery shells"' })).toEqual(['2']);
    expect(await ids({ q: 'Shoigu -Dutch' })).toEqual(['1']);
    const ranked = await searchArticles(store, { q: 'Shoigu' });
    expect(ranked.hits[0]!.rank).toBeGreaterThanOrEqual(ranked.hits[1]!.rank);
  });

  it('filters by an entity name as a phrase', async () => {
    expect((await ids({ entity: 'Kim Jong Un' })).sort()).toEqual(['1', '3']);
    expect(await ids({ entity: 'Jong Kim' })).toEqual([]);
  });

  it('filters by publication dates that overlap the range; undated articles drop out', async () => {
    expect(await ids({ from: '2025-01-01' })).toEqual(['1', '4']);
    // 4 is only bounded below (not before November 2023), so it can have been published in July 2024 too.
    expect(await ids({ from: '2024-07-01', to: '2024-07-31' })).toEqual(['2', '4']);
    expect(await ids({ from: '2024-07-01', to: '2024-07-31', q: 'shells' })).toEqual(['2']);
    expect(await ids({ to: '2023-10-31' })).toEqual([]);
    expect(await ids({ entity: 'Kim Jong Un', to: '2030-01-01' })).toEqual(['1']);
  });

  it('takes query text as data, whatever it holds', async () => {
    for (const q of ["'); DROP TABLE articles; --", '& | ! ( ) : * <->', '"', '\\']) expect((await searchArticles(store, { q })).total).toBeGreaterThanOrEqual(0);
    expect((await store.counts()).articles).toBe(ARTICLES.length);
  });

  it('counts all matches and returns one bounded page', async () => {
    const page = await searchArticles(store, { entity: 'Kim Jong Un', limit: 1, offset: 1 });
    expect(page.total).toBe(2);
    expect(page.hits).toHaveLength(1);
    expect((await searchArticles(store, { limit: 10_000 })).hits.length).toBeLessThanOrEqual(MAX_LIMIT);
  });

  it('uses the full-text index (migration 005) for the query it runs', async () => {
    const plan = await store.db.transaction(async (q) => {
      await q.query('SET LOCAL enable_seqscan = off');
      const rows = await q.query<Record<string, string>>(`EXPLAIN SELECT a.id FROM articles a WHERE a.search @@ websearch_to_tsquery('simple', $1)`, ['Shoigu']);
      return rows.map((r) => Object.values(r)[0]).join('\n');
    });
    expect(plan).toContain('articles_search_idx');
  });

  it('summarises stories: newest activity first, counts, outlets by name or host, date range', async () => {
    const all = await storySummaries(store);
    expect(all.map((s) => s.id)).toEqual([S2, S1]);
    const s1 = all.find((s) => s.id === S1)!;
    // 'Wire One' and 'wire one' are one outlet; the URL's host counts for the article without one.
    expect(s1).toMatchObject({ title: 'North Korea and Russia', articles: 3, outlets: 2, earliest: '2024-07-19', latest: '2025-06-04' });
    expect(all.find((s) => s.id === S2)).toMatchObject({ articles: 1, outlets: 0, earliest: '2023-11-01', latest: '2023-11-01' });
    expect((await storySummaries(store, { ids: [S1] })).map((s) => s.id)).toEqual([S1]);
    expect(await storySummaries(store, { limit: 1, offset: 1 })).toHaveLength(1);
  });
});
