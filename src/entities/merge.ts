/**
 * `mergeEntities`: the entities of a story, from the mentions of its articles.
 *
 * Each article's clusters (mentions sharing a `canonical`) are merged across articles by greedy
 * agglomeration with constraints:
 *  1. same canonical key and compatible type;
 *  2. then candidate links, strongest first (the size of the smaller side): an article's cluster
 *     contains a name that is another cluster's canonical key ("Apple" inside {Apple Computer,
 *     Apple}); a transliteration variant ("Zelensky" / "Zelenskyy"); a surname or given name that
 *     matches exactly one full person name of the story ("Putin"); an acronym whose initials match
 *     exactly one long name ("KCNA"); an organisation's short name that starts exactly one longer one.
 *  A link is refused when the two groups hold different full names that one article keeps apart
 *  ("Apple Corps" and "Apple Computer" in the same article are two entities), or their types clash
 *  (person / organization / place; `other` goes with anything).
 */
import type { EntityType } from '../report/schema.ts';
import { isCommonWord } from './lexicon.ts';
import { initials, nameKey, plainKey, translitKey } from './normalize.ts';
import { CAPITALS, PLACE_ALIASES } from './tables.ts';
import type { EntityMention, StoryEntity } from './types.ts';

interface DocCluster {
  doc: number;
  canonical: string;
  type: EntityType;
  /** Name keys of its mentions. */
  keys: Set<string>;
  texts: Map<string, number>;
  roles: Map<string, number>;
  mentions: number;
  acronymOnly: boolean;
}

function words(key: string): string[] {
  return key ? key.split(' ') : [];
}

/** One name is part of the other (same words in order at its start or end, or a single word of it). */
function partial(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return l.startsWith(`${s} `) || l.endsWith(` ${s}`) || (words(s).length === 1 && words(l).includes(s));
}

/**
 * Two names one article keeps apart are two entities when both are full names (two words or more)
 * and neither is part of the other ("Apple Corps" / "Apple Computer"). A one-word name (acronym,
 * surname) left apart in an article proves nothing: the article may just not have linked it.
 */
function distinctNames(a: string, b: string): boolean {
  return words(a).length >= 2 && words(b).length >= 2 && !partial(a, b);
}

function compatible(a: EntityType, b: EntityType): boolean {
  return a === b || a === 'other' || b === 'other';
}

/** The entities of a story from the mentions of its articles (see the module comment). */
export function mergeEntities(docs: Array<{ id: string; mentions: EntityMention[] }>): StoryEntity[] {
  return groupMentions(docs).entities;
}

/**
 * `mergeEntities` with the link back: `entityOf[d][m]` is the index in `entities` of the entity
 * that mention `m` of document `d` belongs to, or -1 when it belongs to none (a lone common word
 * nothing in the story typed).
 */
export function groupMentions(docs: Array<{ id: string; mentions: EntityMention[] }>): { entities: StoryEntity[]; entityOf: number[][] } {
  // Article clusters.
  const clusters: DocCluster[] = [];
  const clusterOf: number[][] = [];
  docs.forEach((d, doc) => {
    const byCanon = new Map<string, number>();
    const own: number[] = [];
    clusterOf.push(own);
    for (const m of d.mentions) {
      const key = `${m.type}\u0000${m.canonical}`;
      let ci = byCanon.get(key);
      if (ci === undefined) {
        ci = clusters.length;
        clusters.push({ doc, canonical: m.canonical, type: m.type, keys: new Set(), texts: new Map(), roles: new Map(), mentions: 0, acronymOnly: true });
        byCanon.set(key, ci);
      }
      own.push(ci);
      const c = clusters[ci]!;
      c.mentions++;
      // A capital standing for its state ("Pyongyang" in the North Korea cluster) says nothing
      // about the city: it is no key for linking.
      const nk = nameKey(m.text);
      if (!(CAPITALS[nk] && nk !== m.canonical)) c.keys.add(nk);
      const shown = display(m.text);
      c.texts.set(shown, (c.texts.get(shown) ?? 0) + 1);
      if (m.role) c.roles.set(m.role, (c.roles.get(m.role) ?? 0) + 1);
      if (!/^[\p{Lu}\d&.]+$/u.test(m.text.trim())) c.acronymOnly = false;
    }
  });

  const n = clusters.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  interface Group {
    members: number[];
    /** Mentions per type. */
    votes: Map<EntityType, number>;
    size: number;
    /** Canonical keys of its clusters, per article. */
    byDoc: Map<number, string[]>;
  }
  const groups = new Map<number, Group>(
    clusters.map((c, i) => [i, { members: [i], votes: new Map([[c.type, c.mentions]]), size: c.mentions, byDoc: new Map([[c.doc, [c.canonical]]]) }]),
  );
  /** The most mentioned of person / organization / place, else other. */
  const groupType = (r: number): EntityType => {
    let best: EntityType = 'other';
    let bestVotes = 0;
    for (const [t, v] of groups.get(r)!.votes) {
      if (t !== 'other' && v > bestVotes) {
        best = t;
        bestVotes = v;
      }
    }
    return best;
  };
  /** Some article keeps a member of each group apart under distinct full names. */
  const keptApart = (ga: Group, gb: Group): boolean => {
    const [small, big] = ga.byDoc.size <= gb.byDoc.size ? [ga, gb] : [gb, ga];
    for (const [doc, names] of small.byDoc) {
      const others = big.byDoc.get(doc);
      if (others) for (const x of names) for (const y of others) if (distinctNames(x, y)) return true;
    }
    return false;
  };
  const tryUnion = (a: number, b: number): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return true;
    const ga = groups.get(ra)!;
    const gb = groups.get(rb)!;
    if (!compatible(groupType(ra), groupType(rb)) || keptApart(ga, gb)) return false;
    const [keep, gone] = ra < rb ? [ra, rb] : [rb, ra];
    const gk = groups.get(keep)!;
    const gg = groups.get(gone)!;
    parent[gone] = keep;
    gk.members.push(...gg.members);
    gk.size += gg.size;
    for (const [t, v] of gg.votes) gk.votes.set(t, (gk.votes.get(t) ?? 0) + v);
    for (const [d, names] of gg.byDoc) gk.byDoc.set(d, [...(gk.byDoc.get(d) ?? []), ...names]);
    groups.delete(gone);
    return true;
  };

  // 1. Same canonical key.
  const byCanonical = new Map<string, number>();
  clusters.forEach((c, i) => {
    const j = byCanonical.get(c.canonical);
    if (j === undefined) byCanonical.set(c.canonical, i);
    else tryUnion(j, i);
  });

  // 2. Candidate links between groups, strongest first. Each group has one canonical key here.
  const rootList = [...groups.keys()];
  const canonOf = (r: number) => clusters[r]!.canonical;
  const index = (into: Map<string, number[]>, key: string, r: number) => {
    const list = into.get(key);
    if (!list) into.set(key, [r]);
    else if (!list.includes(r)) list.push(r);
  };
  const canonRoots = new Map<string, number[]>();
  const translitRoots = new Map<string, number[]>();
  const personPart = new Map<string, number[]>();
  const initialsRoots = new Map<string, number[]>();
  const orgPrefix = new Map<string, number[]>();
  for (const r of rootList) {
    const canon = canonOf(r);
    const w = words(canon);
    const type = groupType(r);
    index(canonRoots, canon, r);
    index(translitRoots, translitKey(canon), r);
    if (w.length >= 2) {
      if (type === 'person') {
        index(personPart, translitKey(w[0]!), r);
        index(personPart, translitKey(w[w.length - 1]!), r);
      }
      index(initialsRoots, initials(canon), r);
      for (const i of groups.get(r)!.members) {
        for (const t of clusters[i]!.texts.keys()) {
          if (!/\s/.test(t)) continue;
          index(initialsRoots, initials(t), r);
          index(initialsRoots, initials(t, true), r);
        }
      }
      if (type === 'organization') for (let k = 1; k < w.length; k++) index(orgPrefix, w.slice(0, k).join(' '), r);
    }
  }
  const edges: Array<{ a: number; b: number; weight: number }> = [];
  const addEdge = (a: number, b: number, bonus = 0) => {
    if (a !== b) edges.push({ a, b, weight: Math.min(groups.get(a)!.size, groups.get(b)!.size) + bonus });
  };
  const only = (list: number[] | undefined, self: number): number | null => {
    const others = (list ?? []).filter((o) => o !== self);
    return others.length === 1 ? others[0]! : null;
  };
  for (const r of rootList) {
    const type = groupType(r);
    const canon = canonOf(r);
    // A name of this group is another group's canonical key.
    for (const i of groups.get(r)!.members) {
      for (const k of clusters[i]!.keys) for (const o of canonRoots.get(k) ?? []) if (o !== r) addEdge(r, o);
    }
    // Transliteration variants.
    for (const o of translitRoots.get(translitKey(canon)) ?? []) if (o > r) addEdge(r, o, 1000);
    if (words(canon).length !== 1) continue;
    // Part of exactly one person's full name.
    if (type !== 'place' && !PLACE_ALIASES[canon]) {
      const hit = only(personPart.get(translitKey(canon)), r);
      if (hit !== null) addEdge(r, hit);
    }
    // An acronym matching exactly one long name's initials.
    const letters = canon.replace(/[^\p{L}]/gu, '');
    if (letters.length >= 2 && groups.get(r)!.members.every((i) => clusters[i]!.acronymOnly)) {
      const hit = only(initialsRoots.get(letters), r);
      if (hit !== null) addEdge(r, hit);
    }
    // An organisation's short name starting exactly one longer organisation name.
    if (type === 'organization') {
      const hit = only(orgPrefix.get(canon), r);
      if (hit !== null) addEdge(r, hit);
    }
  }
  edges.sort((x, y) => y.weight - x.weight);
  for (const e of edges) tryUnion(e.a, e.b);

  // 3. One entity per group; a group of lone common words that nothing typed ("Western", "Links")
  // is no entity.
  const out: Array<StoryEntity & { root: number }> = [];
  for (const [r, { members: ms }] of groups) {
    const type = groupType(r);
    if (type === 'other' && ms.every((i) => [...clusters[i]!.texts.keys()].every(loneCommonWord))) continue;
    const texts = new Map<string, number>();
    const roles = new Map<string, number>();
    const canonCount = new Map<string, number>();
    const articleIds = new Set<number>();
    let mentions = 0;
    for (const i of ms) {
      const c = clusters[i]!;
      mentions += c.mentions;
      articleIds.add(c.doc);
      canonCount.set(c.canonical, (canonCount.get(c.canonical) ?? 0) + c.mentions);
      for (const [t, k] of c.texts) texts.set(t, (texts.get(t) ?? 0) + k);
      for (const [t, k] of c.roles) roles.set(t, (roles.get(t) ?? 0) + k);
    }
    const canonical = [...canonCount].sort((a, b) => b[1] - a[1] || words(b[0]).length - words(a[0]).length)[0]![0];
    const name = chooseName(canonical, texts);
    const aliases: string[] = [];
    const seen = new Set([name.toLowerCase()]);
    for (const [t] of [...texts].sort((a, b) => b[1] - a[1])) {
      if (seen.has(t.toLowerCase())) continue;
      seen.add(t.toLowerCase());
      aliases.push(t);
    }
    const role = type === 'person' ? ([...roles].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? null) : null;
    out.push({ root: r, name, type, aliases, role, mentions, articleIds: [...articleIds].sort((a, b) => a - b).map((d) => docs[d]!.id) });
  }
  out.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  const indexOfRoot = new Map(out.map((e, i) => [e.root, i]));
  const entities: StoryEntity[] = out.map(({ root: _root, ...e }) => e);
  const entityOf = clusterOf.map((own) => own.map((ci) => indexOfRoot.get(find(ci)) ?? -1));
  return { entities, entityOf };
}

function loneCommonWord(text: string): boolean {
  return !/\s/.test(text) && !/^[\p{Lu}\d&.]+$/u.test(text) && isCommonWord(text.toLowerCase());
}

/** A mention as shown: single spaces, no leading "the", no possessive. */
function display(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^the\s+/i, '')
    .replace(/['’]s$/, '')
    .trim();
}

/** The table's display name for a state; else the fullest spelling of the canonical name, most used first. */
function chooseName(canonical: string, texts: Map<string, number>): string {
  for (const display of Object.values(PLACE_ALIASES)) if (plainKey(display) === canonical) return display;
  const matching = [...texts].filter(([t]) => nameKey(t) === canonical);
  const pool = matching.length ? matching : [...texts];
  pool.sort((a, b) => plainKey(b[0]).split(' ').length - plainKey(a[0]).split(' ').length || b[1] - a[1]);
  return pool[0]![0];
}
