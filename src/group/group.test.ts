import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNKNOWN_DATE, type Article } from '../article/article.ts';
import { openStore, type Store } from '../store/index.ts';
import { bands, minhash, resemblance } from './duplicates.ts';
import { namePhrase, termCounts, titleCase } from './features.ts';
import { applyGroup, clusterRows, groupAndStore, pairCache, planGroup, reconcile } from './group.ts';
import { averageLink } from './hac.ts';
import { groupFeatures, similarity } from './similarity.ts';
import { TOPICS, article as topicText } from '../../test/fixtures.ts';

describe('pair cache', () => {
  it('gives what similarity gives, for every pair in either order, as it grows past its first size', () => {
    const features = Array.from({ length: 150 }, (_, i) => groupFeatures({ title: null, titleDerived: false, text: topicText(TOPICS[i % TOPICS.length]!, i), published: UNKNOWN_DATE }));
    const sim = pairCache();
    for (let i = 0; i < features.length; i++) {
      for (let j = 0; j < features.length; j += 7) {
        expect(sim(features[i]!, features[j]!)).toBe(similarity(features[i]!, features[j]!));
        expect(sim(features[j]!, features[i]!)).toBe(similarity(features[i]!, features[j]!));
      }
    }
  });
});

describe('average link', () => {
  it('does not chain: c joins a–b only when close to both on average', () => {
    // a–b 0.5, b–c 0.5, a–c 0: single link at 0.3 would make one group of three.
    const edges = [{ a: 0, b: 1, sim: 0.5 }, { a: 1, b: 2, sim: 0.5 }];
    const label = averageLink(3, edges, 0.3);
    expect(new Set(label).size).toBe(2);
    expect(averageLink(3, [...edges, { a: 0, b: 2, sim: 0.2 }], 0.3)).toEqual([0, 0, 0]);
  });

  it('gives the same clusters whatever order the rows come in', () => {
    const texts = [
      'Storm floods the harbour town; ferries cancelled as the harbour wall breaks',
      'Harbour wall breaks in the storm, ferries cancelled, town flooded',
      'The harbour town counts the cost of the storm flood and the broken wall',
      'Council election: the mayor loses her seat to a newcomer',
      'Newcomer unseats the mayor in the council election',
      'Football club signs a new goalkeeper for the season',
    ];
    const rows = texts.map((text, i) => ({ id: `a${i}`, features: groupFeatures({ title: null, titleDerived: false, text, published: UNKNOWN_DATE }) }));
    const canon = (c: string[][]) => c.map((g) => [...g].sort()).sort((x, y) => x[0]!.localeCompare(y[0]!));
    const reference = canon(clusterRows(rows, 0.2, similarity));
    expect(reference).toContainEqual(['a0', 'a1', 'a2']);
    expect(reference).toContainEqual(['a3', 'a4']);
    for (const order of [[5, 4, 3, 2, 1, 0], [2, 5, 0, 3, 1, 4]]) expect(canon(clusterRows(order.map((i) => rows[i]!), 0.2, similarity))).toEqual(reference);
  });
});

describe('name phrases', () => {
  it('are the name, without a sentence-initial function word or a title before it', () => {
    expect(namePhrase('Representative Darrell Issa')).toBe('darrell issa');
    expect(namePhrase('Chairman Darrell Issa')).toBe('darrell issa');
    expect(namePhrase('The Christian Coalition')).toBe('christian coalition');
    expect(namePhrase('Kim Jong-un')).toBe('kim jong un');
    expect(namePhrase("Eric Cantor's")).toBe('eric cantor');
    // One word left is no phrase (it counts as a word).
    expect(namePhrase('But Brat')).toBeNull();
    expect(namePhrase('President Obama')).toBeNull();
  });

  it('are not read from a Title Case headline, whose capitals do not mark names', () => {
    expect(titleCase('Obama Defends NSA Programs, Says Congress Knew About Surveillance')).toBe(true);
    expect(titleCase('North Korea pledges strong support for Russia amid Ukraine war')).toBe(false);
    const headline = termCounts({ title: 'Obama Defends NSA Programs, Says Congress Knew About Surveillance', text: '' });
    expect([...headline.keys()].filter((t) => t.startsWith('='))).toEqual([]);
    expect(headline.has('surveillance')).toBe(true);
    expect(termCounts({ title: 'North Korea pledges support for Russia', text: '' }).has('=north korea')).toBe(true);
  });
});

describe('reconcile: stable ids through merges and splits', () => {
  it('keeps the id of the old story most members come from, and points the absorbed one at it', () => {
    const old: Record<string, string> = { a: 's1', b: 's1', c: 's2' };
    const plan = reconcile([['a', 'b', 'c', 'd']], (id) => old[id] ?? null);
    expect(plan.ids).toEqual(['s1']);
    expect(plan.merged).toEqual([{ from: 's2', into: 0 }]);
  });

  it('gives the smaller part of a split story a new id that records where it came from', () => {
    const old: Record<string, string> = { a: 's1', b: 's1', c: 's1' };
    const plan = reconcile([['a', 'b'], ['c', 'd']], (id) => old[id] ?? null);
    expect(plan.ids).toEqual(['s1', '']);
    expect(plan.split).toEqual([{ cluster: 1, from: 's1' }]);
    expect(plan.merged).toEqual([]);
  });
});

describe('near-duplicates', () => {
  const wire = 'The central bank raised its main interest rate by a quarter point on Thursday, the third increase this year, citing inflation that has stayed above its target for eighteen months. Officials said further rises were possible if prices kept climbing.';
  it('finds a lightly edited copy and not a different text', () => {
    const copy = `${wire} Reporting by the wire desk; editing by the night editor.`;
    const other = 'The city council approved a new budget for public libraries on Monday, adding two branches and longer opening hours from next spring.';
    expect(resemblance(minhash(wire), minhash(copy))).toBeGreaterThanOrEqual(0.7);
    expect(bands(minhash(wire)).some((b) => bands(minhash(copy)).includes(b))).toBe(true);
    expect(resemblance(minhash(wire), minhash(other))).toBeLessThan(0.2);
  });
});

function article(id: string, title: string, text: string, date: string | null): Article {
  return {
    id, source: `/in/${id}.txt`, parentId: null, kind: 'text', url: null, outlet: null, raw: text, title, titleDerived: false,
    published: date ? { value: date, earliest: date, latest: date, basis: 'explicit', evidence: date } : UNKNOWN_DATE,
    language: 'en', text, removed: [], diagnostics: [], stated: { title: null, dates: [], language: null },
  };
}

describe('grouping through the store', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(null);
  });
  afterEach(() => store.close());

  const summit = 'Leaders of the Arctic Council met in Tromsø to sign a treaty on fishing quotas and shipping lanes, after two years of talks between Norway, Canada and Denmark.';
  it('marks a syndicated copy, keeps happenings days apart as separate events of one story', async () => {
    const a = article('a0000000000000001', 'Arctic Council signs fishing treaty', summit, '2025-03-01');
    const copy = article('a0000000000000002', 'Arctic treaty signed in Tromsø', `${summit} The treaty takes effect next year.`, '2025-03-01');
    const later = article(
      'a0000000000000003',
      'Arctic Council fishing treaty takes effect',
      'The fishing treaty the Arctic Council leaders signed in Tromsø on fishing quotas and shipping lanes, after two years of talks between Norway, Canada and Denmark, was ratified.',
      '2025-03-05',
    );
    const o1 = await store.write((tx) => groupAndStore(tx, a));
    const o2 = await store.write((tx) => groupAndStore(tx, copy));
    const o3 = await store.write((tx) => groupAndStore(tx, later));
    expect(o1.created).toBe(true);
    expect(o2.duplicateOf).toBe(a.id);
    expect((await store.getArticle(copy.id))?.duplicateOf).toBe(a.id);
    expect(o3.duplicateOf).toBeNull();
    expect(new Set([o1.storyId, o2.storyId, o3.storyId]).size).toBe(1);
    const story = (await store.getStory(o3.storyId))!;
    expect(story.events.map((e) => e.articleIds)).toEqual([[a.id, copy.id], [later.id]]);
    expect(story.events[0]).toMatchObject({ date: '2025-03-01', earliest: '2025-03-01', latest: '2025-03-01' });
    expect([a.title, copy.title]).toContain(story.events[0]!.title);
  });

  it('merges two stories when an article bridges them, and the old id resolves to the survivor', async () => {
    const lava = 'A volcano erupted on the Reykjanes peninsula, sending lava flows across the Grindavik road.';
    const shelter = 'Thousands of residents were evacuated and spent the night in emergency shelters in Reykjavik schools.';
    const left = article('a00000000000000a1', 'Volcano erupts on Reykjanes peninsula', lava, '2025-01-10');
    const right = article('a00000000000000a2', 'Residents spend night in shelters', shelter, '2025-01-10');
    const bridge = article('a00000000000000a3', 'Reykjanes eruption forces evacuation', `${lava} ${shelter}`, '2025-01-10');
    const first = (await store.write((tx) => groupAndStore(tx, left))).storyId;
    const second = (await store.write((tx) => groupAndStore(tx, right))).storyId;
    expect(second).not.toBe(first);
    const o3 = await store.write((tx) => groupAndStore(tx, bridge));
    expect(o3.merged).toHaveLength(1);
    const live = (await store.getStory(first))!;
    expect((await store.getStory(second))?.id).toBe(live.id);
    expect([...live.articleIds].sort()).toEqual([left.id, right.id, bridge.id].sort());
    expect(live.mergedFrom).toEqual([o3.merged[0]!.from]);
    expect(o3.storyId).toBe(live.id);
  });

  it('with grouping planned before the lock, still finds the articles stored since by another worker', async () => {
    const text = 'Flood waters breached the levee at Riverton overnight and the county ordered three neighbourhoods to evacuate before dawn.';
    const first = article('a00000000000000b1', 'Riverton levee breached', text, '2025-05-02');
    const copy = article('a00000000000000b2', 'Levee gives way in Riverton', `${text} Shelters opened at two schools.`, '2025-05-02');
    const other = article('a00000000000000b3', 'Council approves library budget', 'The council approved the library budget for next year with two new branches.', '2025-05-02');
    await store.write((tx) => groupAndStore(tx, other));
    // The copy is planned while the store holds only `other`; `first` is stored before the copy takes the lock.
    const stale = await planGroup(store.view(), copy);
    expect(stale.outcome.duplicateOf).toBeNull();
    const o1 = await store.write((tx) => groupAndStore(tx, first));
    const o2 = await store.write((tx) => applyGroup(tx, stale));
    expect(o2.replanned).toBe(true);
    expect(o2.storyId).toBe(o1.storyId);
    expect(o2.duplicateOf).toBe(first.id);
    // An unrelated article stored since the plan does not change it: the plan stands.
    const fresh = article('a00000000000000b4', 'Riverton evacuates after levee breach', `Riverton: ${text}`, '2025-05-02');
    const unrelated = article('a00000000000000b5', 'Chess club wins regional title', 'The school chess club won the regional title on Saturday after a tie-break against the holders.', '2025-05-02');
    const plan = await planGroup(store.view(), fresh);
    await store.write((tx) => groupAndStore(tx, unrelated));
    const o4 = await store.write((tx) => applyGroup(tx, plan));
    expect(o4.replanned).toBe(false);
    expect(o4.storyId).toBe(o1.storyId);
    const story = (await store.getStory(o1.storyId))!;
    expect([...story.articleIds].sort()).toEqual([first.id, copy.id, fresh.id].sort());
    expect(story.events.flatMap((e) => e.articleIds).sort()).toEqual([first.id, copy.id, fresh.id].sort());
    expect((await store.getArticle(fresh.id))?.eventId).toBe(o4.eventId);
  });

  it('beyond the exact limit, a newcomer joins the story closest on average and the event of its closest member', async () => {
    const base = 'The Danube burst its banks at Passau on Tuesday and the city evacuated the old town as the flood crest passed the river harbour.';
    const a = article('a00000000000000c1', 'Danube floods Passau old town', base, '2025-06-03');
    const b = article('a00000000000000c2', 'Passau evacuates as Danube floods', `${base} Rescue boats patrolled the streets.`, '2025-06-03');
    const c = article('a00000000000000c3', 'Flood crest passes Passau', `Passau: ${base} Schools stayed closed.`, '2025-06-03');
    const far = article('a00000000000000c4', 'Passau counts the cost of the Danube flood', `Four days on, ${base.toLowerCase()} Insurers paid out.`, '2025-06-07');
    // exactLimit 2: the third and fourth articles take the path for components too large to re-cluster.
    const options = { exactLimit: 2 };
    const o1 = await store.write((tx) => groupAndStore(tx, a, options));
    const o2 = await store.write((tx) => groupAndStore(tx, b, options));
    const o3 = await store.write((tx) => groupAndStore(tx, c, options));
    // `far` is planned before the lock; meanwhile another writer stores `early`, which joins the
    // story and its component (close to the first articles) but not `far` (a week apart): the
    // plan, joining a story too large to re-cluster, stands.
    const early = article('a00000000000000c5', 'Danube rising at Passau', `${base} Sandbags were stacked along the quay.`, '2025-05-31');
    const plan = await planGroup(store.view(), far, options);
    const o5 = await store.write((tx) => groupAndStore(tx, early, options));
    const o4 = await store.write((tx) => applyGroup(tx, plan, options));
    expect(o4.replanned).toBe(false);
    expect(o5.storyId).toBe(o1.storyId);
    // The component counts all five, though the plan read it with three.
    const [component] = (await store.write((tx) => tx.groupRows([far.id]))).map((r) => r.component!);
    expect(await store.write((tx) => tx.componentSizes([component!]))).toEqual(new Map([[component, 5]]));
    expect(new Set([o1.storyId, o2.storyId, o3.storyId, o4.storyId]).size).toBe(1);
    expect(o3.created).toBe(false);
    expect(o3.eventId).toBe(o2.eventId);
    // Four days later: the same story, another event.
    expect(o4.eventId).not.toBe(o3.eventId);
    for (const [x, o] of [[c, o3], [far, o4]] as const) expect(await store.getArticle(x.id)).toMatchObject({ storyId: o.storyId, eventId: o.eventId });
    const story = (await store.getStory(o1.storyId))!;
    expect([...story.articleIds].sort()).toEqual([a.id, b.id, c.id, far.id, early.id]);
    expect(story.events.find((e) => e.id === o4.eventId)).toMatchObject({ articleIds: [far.id], earliest: '2025-06-07', latest: '2025-06-07' });
  });
});
