/**
 * Entity evaluation on MEANTIME-style CAT XML (NewsReader), e.g. `../shared/data/entities/meantime-dev`.
 *
 * Reading a document: the `<token t_id sentence>` elements give the words; the plain text is
 * rebuilt from them with ordinary spacing (no space before , . ) 's, none after ( and opening
 * quotes, `` '' and &quot; as ", a line break after a sentence without final punctuation — the
 * title and the date line; a lone "-" token stays spaced, since the tokenizer keeps intra-word
 * hyphens) and each token's character offsets are kept. `ENTITY_MENTION`
 * markables (token anchors, `syntactic_type`) get their type and identity from the `ENTITY`
 * instance their `REFERS_TO` relation points at (`ent_type`, `instance_id`, `external_ref`).
 *
 * What is scored, and why:
 *  - Types: gold PER → person, ORG → organization, LOC → place. PRO, FIN, MIX and unlinked
 *    mentions are not scored; the system's `other` mentions are not scored either.
 *  - Names only: MEANTIME also marks nominals ("the company", NOM), pronouns (PRO), appositions
 *    (APP), conjunctions (CONJ)... Extraction finds names, so the gold is restricted to
 *    `syntactic_type` NAM and PRE.NAM (a name used as a modifier: "Apple CEO"). A system mention
 *    that only overlaps a gold mention whose syntactic type is missing or empty (the airbus topic
 *    leaves many names untyped), or whose entity is unknown, is neither right nor wrong: ignored.
 *  - Nested names of one entity ("Airbus parent EADS" around "EADS", "Singapore Airlines ( SIA"
 *    around "Singapore Airlines") count once, as the innermost mention.
 *  - Region: MEANTIME annotates everything only in the first sentences of an article (the title,
 *    the date line and four more); after them only the cross-document target entities are marked,
 *    so a correct name there would count as wrong. Per document, scoring stops after the last
 *    sentence that carries a mention with a syntactic type (sentence 5 in 48 of the 60 documents
 *    of meantime-dev, 3, 4 or 6 in the others); both gold and system mentions beyond it are left
 *    out. A set annotated throughout is scored throughout.
 *  - Matching: a system mention matches a gold mention when their token-overlap F1 is ≥ 0.5 and the
 *    types agree; one to one, best overlap first. The type of a system mention is the type of the
 *    story entity it ends up in (`mergeEntities` over the topic folder), which is what a user sees.
 *  - Grouping: BCubed over the matched mentions, system entity (after `mergeEntities` over each
 *    topic folder) against gold instance — `instance_id`, instances with the same DBpedia
 *    `external_ref` counted as one, an ENTITY without either its own instance.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractEntities } from '../entities/extract.ts';
import { warmLexicon } from '../entities/lexicon.ts';
import { groupMentions } from '../entities/merge.ts';
import type { EntityMention, EntityType } from '../entities/types.ts';
import { prf } from './metrics.ts';
import type { PRF } from './metrics.ts';

export interface MeantimeToken {
  id: string;
  text: string;
  sentence: number;
  start: number;
  end: number;
}

export interface GoldEntityMention {
  id: string;
  /** Indices into the document's tokens. */
  tokens: number[];
  start: number;
  end: number;
  text: string;
  /** `ent_type` of the instance (PER, ORG, LOC, PRO, FIN, MIX), or null when unlinked. */
  entType: string | null;
  /** `syntactic_type` (NAM, PRE.NAM, NOM, PRO, APP, ...), or null when missing or empty. */
  syntactic: string | null;
  /** Cross-document identity, or null when unlinked. */
  instance: string | null;
  sentence: number;
}

export interface MeantimeDoc {
  id: string;
  /** The topic folder (documents of one topic form one story). */
  topic: string;
  text: string;
  tokens: MeantimeToken[];
  mentions: GoldEntityMention[];
}

export interface EntityScores {
  task: 'entities';
  format: 'meantime';
  items: number;
  precision: number;
  recall: number;
  f1: number;
  /** Typed name mentions (the top-level figures). */
  mentions: PRF;
  /** The same matching without the type check. */
  untyped: PRF;
  byType: Record<'person' | 'organization' | 'place', PRF>;
  grouping: { bcubed: PRF; items: number };
  gold: number;
  system: number;
  ignored: number;
  topics: number;
  /** Extraction plus the per-topic merge, per document, lexicon loaded beforehand. */
  msPerDoc: number;
  docsPerSecond: number;
  errors?: EntityError[];
}

export interface EntityError {
  doc: string;
  kind: 'missed' | 'spurious' | 'type' | 'grouping';
  gold?: { text: string; type: string; instance: string | null };
  system?: { text: string; type: EntityType; canonical: string; entity?: string };
  context: string;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return XML_ENTITIES[name] ?? m;
  });
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = decodeXml(m[2]!);
  return out;
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|\.\.\.|'s|'re|'ve|'ll|'d|'m|n't|'|''|”|’)$/i;
const NO_SPACE_AFTER = /^(?:[([{$#£€]|``|“|‘|US\$)$/;
const SENTENCE_FINAL = /^(?:[.!?]|\.\.\.|''|”|")$/;

/** The plain text of a token sequence, with each token's offsets (see the module comment). */
export function detokenize(raw: Array<{ id: string; text: string; sentence: number }>): { text: string; tokens: MeantimeToken[] } {
  let text = '';
  const tokens: MeantimeToken[] = [];
  let quoteOpen = false;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const prev = raw[i - 1];
    const next = raw[i + 1];
    let out = t.text;
    let opening = false;
    if (out === '``' || out === '“') opening = true;
    else if (out === '"') opening = !quoteOpen;
    if (out === '``' || out === "''" || out === '“' || out === '”') out = '"';
    if (out === '"') quoteOpen = opening;
    let sep = ' ';
    if (!prev) sep = '';
    else if (t.sentence !== prev.sentence) sep = SENTENCE_FINAL.test(prev.text) ? ' ' : '\n';
    else if (out === '"') sep = opening ? ' ' : '';
    else if (NO_SPACE_BEFORE.test(t.text)) sep = '';
    else if (NO_SPACE_AFTER.test(prev.text) || (prev.text === '"' && tokens[tokens.length - 1]!.text === '"' && quoteOpen)) sep = '';
    text += sep;
    tokens.push({ id: t.id, text: out, sentence: t.sentence, start: text.length, end: text.length + out.length });
    text += out;
  }
  return { text, tokens };
}

function normaliseRef(ref: string): string {
  return ref.trim().replace('dbpedia.org/page/', 'dbpedia.org/resource/');
}

/** Reads one MEANTIME CAT XML document. `instanceOfRef` unifies instances sharing a DBpedia link across a topic. */
export function readMeantime(xml: string, id: string, topic: string, instanceOfRef: Map<string, string> = new Map()): MeantimeDoc {
  const raw: Array<{ id: string; text: string; sentence: number }> = [];
  for (const m of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)) {
    const a = attrs(m[1]!);
    raw.push({ id: a.t_id ?? '', text: decodeXml(m[2]!), sentence: Number(a.sentence ?? 0) });
  }
  const { text, tokens } = detokenize(raw);
  const tokenIndex = new Map(tokens.map((t, i) => [t.id, i]));

  const entities = new Map<string, Record<string, string>>();
  for (const m of xml.matchAll(/<ENTITY\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]!);
    if (a.m_id) entities.set(a.m_id, a);
  }
  const linkOf = new Map<string, Record<string, string>>();
  for (const m of xml.matchAll(/<REFERS_TO\b[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const targets = [...m[1]!.matchAll(/<target\s+m_id="([^"]+)"/g)].map((x) => x[1]!).filter((t) => entities.has(t));
    if (!targets.length) continue;
    for (const s of m[1]!.matchAll(/<source\s+m_id="([^"]+)"/g)) linkOf.set(s[1]!, entities.get(targets[0]!)!);
  }

  const mentions: GoldEntityMention[] = [];
  for (const m of xml.matchAll(/<ENTITY_MENTION\b([^>]*)>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    const a = attrs(m[1]!);
    const idx = [...m[2]!.matchAll(/t_id="([^"]+)"/g)].map((x) => tokenIndex.get(x[1]!)).filter((x): x is number => x !== undefined).sort((p, q) => p - q);
    if (!idx.length) continue;
    const ent = linkOf.get(a.m_id ?? '');
    let instance: string | null = null;
    if (ent) {
      const ref = ent.external_ref ? normaliseRef(ent.external_ref) : '';
      const own = ent.instance_id || (ref ? `ref:${ref}` : `${topic}/${id}#${ent.m_id}`);
      if (ref) {
        if (!instanceOfRef.has(ref)) instanceOfRef.set(ref, own);
        instance = instanceOfRef.get(ref)!;
      } else instance = own;
    }
    const start = tokens[idx[0]!]!.start;
    const end = tokens[idx[idx.length - 1]!]!.end;
    mentions.push({
      id: a.m_id ?? '',
      tokens: idx,
      start,
      end,
      text: text.slice(start, end),
      entType: ent?.ent_type || null,
      syntactic: a.syntactic_type || null,
      instance,
      sentence: tokens[idx[0]!]!.sentence,
    });
  }
  return { id, topic, text, tokens, mentions };
}

async function xmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await xmlFiles(p)));
    else if (e.isFile() && e.name.endsWith('.xml')) out.push(p);
  }
  return out.sort();
}

/** Reads every CAT XML file under `dir`; a document's topic is its folder. */
export async function loadMeantime(dir: string): Promise<MeantimeDoc[]> {
  const refs = new Map<string, Map<string, string>>();
  const docs: MeantimeDoc[] = [];
  for (const file of await xmlFiles(dir)) {
    const topic = relative(dir, dirname(file)) || '.';
    if (!refs.has(topic)) refs.set(topic, new Map());
    docs.push(readMeantime(await readFile(file, 'utf8'), basename(file, '.xml'), topic, refs.get(topic)!));
  }
  return docs;
}

const TYPE_MAP: Record<string, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'place' };
const NAMED = new Set(['NAM', 'PRE.NAM']);

interface Scored {
  /** Gold mentions that count. */
  gold: GoldEntityMention[];
  /** Annotated name-or-unknown mentions a system mention may overlap without penalty. */
  ignorable: GoldEntityMention[];
  /** Last sentence scored. */
  lastSentence: number;
}

/** The gold mentions that are scored, and those that are ignored, in one document (see the module comment). */
export function scoredGold(doc: MeantimeDoc): Scored {
  const typed = doc.mentions.filter((m) => m.syntactic !== null);
  const lastSentence = typed.length ? Math.max(...typed.map((m) => m.sentence)) : Number.POSITIVE_INFINITY;
  const inRegion = doc.mentions.filter((m) => m.sentence <= lastSentence);
  const names = inRegion.filter((m) => m.entType && TYPE_MAP[m.entType] && m.syntactic && NAMED.has(m.syntactic) && m.instance);
  // Nested names of one entity: keep the innermost. A name around two or more others is a
  // coordination ("Boeing and Lockheed Martin"): its parts are scored, not it.
  const inside = (inner: GoldEntityMention, outer: GoldEntityMention) => inner !== outer && inner.tokens.length < outer.tokens.length && inner.tokens.every((t) => outer.tokens.includes(t));
  const gold = names.filter((outer) => !names.some((inner) => inner.instance === outer.instance && inside(inner, outer)) && names.filter((inner) => inside(inner, outer)).length < 2);
  const goldSet = new Set(gold);
  const ignorable = inRegion.filter((m) => !goldSet.has(m) && (names.includes(m) || !m.syntactic || !m.entType));
  return { gold, ignorable, lastSentence };
}

function tokenSpan(doc: MeantimeDoc, start: number, end: number): number[] {
  const out: number[] = [];
  doc.tokens.forEach((t, i) => {
    if (t.start < end && t.end > start) out.push(i);
  });
  return out;
}

function overlapF1(a: number[], b: number[]): number {
  const set = new Set(b);
  const inter = a.filter((x) => set.has(x)).length;
  if (!inter) return 0;
  const p = inter / a.length;
  const r = inter / b.length;
  return (2 * p * r) / (p + r);
}

function context(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 50), start)}[${text.slice(start, end)}]${text.slice(end, end + 50)}`.replace(/\s+/g, ' ');
}

/** BCubed precision, recall and F1 of a predicted clustering against a gold one (same items). */
export function bcubed(gold: string[], pred: string[]): PRF {
  const n = gold.length;
  if (!n) return prf(0, 0, 0);
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    let both = 0;
    let inPred = 0;
    let inGold = 0;
    for (let j = 0; j < n; j++) {
      const sp = pred[j] === pred[i];
      const sg = gold[j] === gold[i];
      if (sp) inPred++;
      if (sg) inGold++;
      if (sp && sg) both++;
    }
    p += both / inPred;
    r += both / inGold;
  }
  p /= n;
  r /= n;
  const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return { precision: round(p), recall: round(r), f1: round(f) };
}

interface SysMention extends EntityMention {
  doc: number;
  entity: number;
  entityType: EntityType;
  entityName: string;
  tokens: number[];
}

/**
 * Evaluates entity mentions and cross-document grouping on every CAT XML file under `dir`.
 * `extract` replaces `extractEntities` (to score a baseline the same way).
 */
export async function evalEntities(
  dir: string,
  options: { details?: boolean; extract?: (text: string) => EntityMention[] } = {},
): Promise<EntityScores> {
  const extract = options.extract ?? extractEntities;
  warmLexicon(); // a one-off ≈ 0.3 s: not charged to the first document
  const docs = await loadMeantime(dir);
  const errors: EntityError[] | undefined = options.details ? [] : undefined;
  const topics = [...new Set(docs.map((d) => d.topic))];

  // System output: mentions per document, entities per topic.
  let extractMs = 0;
  const system: SysMention[][] = docs.map(() => []);
  for (const topic of topics) {
    const idx = docs.map((d, i) => (d.topic === topic ? i : -1)).filter((i) => i >= 0);
    const perDoc = idx.map((i) => {
      const t0 = performance.now();
      const mentions = extract(docs[i]!.text);
      extractMs += performance.now() - t0;
      return { id: docs[i]!.id, mentions };
    });
    const t0 = performance.now();
    const grouped = groupMentions(perDoc);
    extractMs += performance.now() - t0;
    idx.forEach((i, k) => {
      system[i] = perDoc[k]!.mentions.flatMap((m, j) => {
        const e = grouped.entityOf[k]![j]!;
        const ent = grouped.entities[e];
        // A mention the story does not report as an entity is not output.
        if (!ent) return [];
        return [{ ...m, doc: i, entity: e, entityType: ent.type, entityName: `${topic}/${ent.name}`, tokens: tokenSpan(docs[i]!, m.start, m.end) }];
      });
    });
  }

  let gold = 0;
  let sys = 0;
  let ignored = 0;
  let tp = 0;
  let tpUntyped = 0;
  const perType = { person: { tp: 0, fp: 0, fn: 0 }, organization: { tp: 0, fp: 0, fn: 0 }, place: { tp: 0, fp: 0, fn: 0 } };
  const goldLabels: string[] = [];
  const predLabels: string[] = [];

  docs.forEach((doc, di) => {
    const { gold: g, ignorable, lastSentence } = scoredGold(doc);
    const sysAll = system[di]!.filter((s) => s.entityType !== 'other' && s.tokens.length && doc.tokens[s.tokens[0]!]!.sentence <= lastSentence);
    // Typed matching, best overlap first.
    const pairs: Array<{ s: number; g: number; f: number }> = [];
    sysAll.forEach((s, si) =>
      g.forEach((gm, gi) => {
        const f = overlapF1(s.tokens, gm.tokens);
        if (f >= 0.5) pairs.push({ s: si, g: gi, f });
      }),
    );
    pairs.sort((x, y) => y.f - x.f);
    const usedS = new Set<number>();
    const usedG = new Set<number>();
    const match = (typed: boolean) => {
      const us = new Set<number>();
      const ug = new Set<number>();
      const out: Array<{ s: number; g: number }> = [];
      for (const p of pairs) {
        if (us.has(p.s) || ug.has(p.g)) continue;
        if (typed && TYPE_MAP[g[p.g]!.entType!] !== sysAll[p.s]!.entityType) continue;
        us.add(p.s);
        ug.add(p.g);
        out.push(p);
      }
      return { out, us, ug };
    };
    const typed = match(true);
    const untyped = match(false);
    for (const p of typed.out) {
      usedS.add(p.s);
      usedG.add(p.g);
    }
    tp += typed.out.length;
    tpUntyped += untyped.out.length;

    // Unmatched system mentions overlapping an ignorable gold mention do not count.
    let fp = 0;
    sysAll.forEach((s, si) => {
      if (usedS.has(si)) return;
      if (ignorable.some((m) => overlapF1(s.tokens, m.tokens) >= 0.5) && !untyped.us.has(si)) {
        ignored++;
        return;
      }
      fp++;
      perType[s.entityType as keyof typeof perType].fp++;
      errors?.push({ doc: doc.id, kind: untyped.us.has(si) ? 'type' : 'spurious', system: { text: s.text, type: s.entityType, canonical: s.canonical, entity: s.entityName }, context: context(doc.text, s.start, s.end) });
    });
    sys += typed.out.length + fp;
    gold += g.length;
    g.forEach((gm, gi) => {
      const t = TYPE_MAP[gm.entType!]!;
      if (usedG.has(gi)) perType[t as keyof typeof perType].tp++;
      else {
        perType[t as keyof typeof perType].fn++;
        if (!untyped.ug.has(gi)) errors?.push({ doc: doc.id, kind: 'missed', gold: { text: gm.text, type: gm.entType!, instance: gm.instance }, context: context(doc.text, gm.start, gm.end) });
      }
    });
    for (const p of typed.out) {
      goldLabels.push(`${doc.topic}\u0000${g[p.g]!.instance}`);
      predLabels.push(`${doc.topic}\u0000${sysAll[p.s]!.entity}`);
    }
  });

  const mentions = prf(tp, sys - tp, gold - tp);
  const grouping = bcubed(goldLabels, predLabels);
  if (errors) groupingErrors(goldLabels, predLabels, errors);
  const ms = docs.length ? extractMs / docs.length : 0;
  return {
    task: 'entities',
    format: 'meantime',
    items: docs.length,
    precision: mentions.precision,
    recall: mentions.recall,
    f1: mentions.f1,
    mentions,
    untyped: prf(tpUntyped, sys - tpUntyped, gold - tpUntyped),
    byType: {
      person: prf(perType.person.tp, perType.person.fp, perType.person.fn),
      organization: prf(perType.organization.tp, perType.organization.fp, perType.organization.fn),
      place: prf(perType.place.tp, perType.place.fp, perType.place.fn),
    },
    grouping: { bcubed: grouping, items: goldLabels.length },
    gold,
    system: sys,
    ignored,
    topics: topics.length,
    msPerDoc: Math.round(ms * 1000) / 1000,
    docsPerSecond: ms > 0 ? Math.round(1000 / ms) : 0,
    ...(errors ? { errors } : {}),
  };
}

/** Grouping errors: gold entities split over several system entities, and system entities mixing gold ones. */
function groupingErrors(gold: string[], pred: string[], errors: EntityError[]): void {
  const byGold = new Map<string, Set<string>>();
  const byPred = new Map<string, Set<string>>();
  gold.forEach((g, i) => {
    if (!byGold.has(g)) byGold.set(g, new Set());
    byGold.get(g)!.add(pred[i]!);
    if (!byPred.has(pred[i]!)) byPred.set(pred[i]!, new Set());
    byPred.get(pred[i]!)!.add(g);
  });
  for (const [g, ps] of byGold) if (ps.size > 1) errors.push({ doc: '', kind: 'grouping', context: `gold ${g.replace('\u0000', ' ')} split over system entities ${[...ps].map((p) => p.replace('\u0000', ' ')).join(' | ')}` });
  for (const [p, gs] of byPred) if (gs.size > 1) errors.push({ doc: '', kind: 'grouping', context: `system entity ${p.replace('\u0000', ' ')} mixes gold ${[...gs].map((x) => x.replace('\u0000', ' ')).join(' | ')}` });
}
