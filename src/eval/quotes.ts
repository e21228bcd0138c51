/**
 * `storyline eval quotes`: quotation attribution scored on brat standoff annotations in the
 * PolNeAR layout (../shared/data/README.md, quotes/polnear-train):
 *
 *   DIR/text/<doc>.txt                    the article
 *   DIR/attributions/<doc>_<annotator>.ann  `T<n>\tSource|Cue|Content <start> <end>[;<start> <end>...]\t<text>`
 *                                         and `E<n>\tAttribution:T.. Content:T.. Cue:T.. Source:T..`
 *
 * Rules (documented choices):
 *  - Annotators: a document with several annotation files is scored on the first one in sorted
 *    file-name order (the others are ignored, not merged).
 *  - Gold attributions: every `E` line with a Content span. Source and cue may be missing
 *    (`Attribution-no-source`); such attributions count for content only.
 *  - Direct: the gold content is in quotation marks — at least 90% of its tokens lie inside quoted
 *    regions (`quotedRegions`, a plain mark scan independent of the system). The share tolerates
 *    a leading "that" or a stray frame word in the annotated span, and annotators' splitting of
 *    one quotation into parts; a partial quote ("Seoul “has nothing to worry about”") is not
 *    direct.
 *  - System attributions: mentions sharing a cue (`cueStart`) are one attribution ("“A,” he said,
 *    “B.”" → one attribution, content A + B, as brat's discontinuous spans). A partial quote
 *    ("called it a “big mistake”") is scored with its reported clause (`clauseStart`/`clauseEnd`),
 *    which is what the annotation marks as content. System-direct: every mention is a quotation
 *    (`direct`) and the scored spans meet the same 90% rule as the gold.
 *  - Content match: the spans overlap and their token-overlap F1 is ≥ 0.5 (tokens = `\p{L}\p{N}`
 *    runs, by position). Pairs are matched one-to-one, best F1 first.
 *  - Source-span F1 (the README's measure, as Citron et al. score PARC 3.0 source spans): the
 *    distinct source spans of the system attributions with a speaker (`sourceStart`/`sourceEnd`,
 *    the whole source phrase; else the speaker mention) against the distinct gold source spans,
 *    one-to-one, best first. Overlap: token F1 ≥ 0.5 — a pronoun gold source ("he") is thus matched
 *    by the system's mention of that pronoun, as the annotation marks the mention — or, per issue 4,
 *    a system source elsewhere whose attribution overlaps the pronoun's attribution in content and
 *    names the pronoun's referent (rule below). Exact: identical tokens.
 *  - Exact content: identical tokens (punctuation and quotation marks aside).
 *  - `attribution`, the joint "who said what" figure (stricter: a right speaker with the wrong
 *    content is a miss), counts content pairs whose source also matches:
 *      1. the system's speaker mention overlaps the gold source with token F1 ≥ 0.5, or the
 *         system's speaker name names the gold source (they share a name word: "Donald Trump" /
 *         "Mr. Trump"); and
 *      2. a pronoun gold source ("he", "she", "they", "who", ...) is first resolved by a simple rule
 *         independent of the system: the closest gold source before it that names someone (a
 *         capitalised word other than a common sentence-initial word like "Officials"; not a
 *         pronoun; not a description opening with a determiner such as "the Vermont senator"), if
 *         it is at most three line breaks back — the
 *         annotation's own chain, "“...,” Smith said. “...,” he said" (`namedSourceBefore`);
 *         otherwise, for he/she, the closest person name before it outside quotation marks (a run
 *         of 2–4 capitalised words with no function, place or institution word, one word of such a
 *         run, or a name after Mr./Mrs.), and for other pronouns the closest capitalised words
 *         outside quotation marks (`goldAntecedent`). The system's speaker must name that entity;
 *         pointing at the same pronoun is not enough. PolNeAR has no coreference layer, so this
 *         referent is itself a heuristic and `attribution` is noisier than `source`.
 *    Its precision counts system attributions with a speaker; recall counts gold attributions
 *    with a source.
 *  - Subsets: `direct` pairs system-direct with gold-direct attributions only (a system direct
 *    quote that matches a non-direct gold attribution is a false positive there); `all` pairs
 *    everything. Top-level precision/recall/f1 = direct source (source-span F1, overlap).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractQuotes, findQuotes } from '../quotes/index.ts';
import type { QuoteMention } from '../quotes/index.ts';
import { prf } from './metrics.ts';
import type { PRF } from './metrics.ts';

export type Range = [number, number];

export interface GoldSpan {
  parts: Range[];
  text: string;
}

export interface GoldAttribution {
  id: string;
  content: GoldSpan;
  source: GoldSpan | null;
  cue: GoldSpan | null;
  direct: boolean;
}

export interface QuotesDoc {
  id: string;
  annotator: string;
  text: string;
  gold: GoldAttribution[];
}

export interface SystemAttribution {
  parts: Range[];
  direct: boolean;
  speaker: string | null;
  speakerSpan: Range | null;
  mentions: QuoteMention[];
}

/** The README's measures for one subset, plus the joint "who said what" figure. */
export interface QuoteBlock {
  /** Content spans, overlap match (token F1 ≥ 0.5). */
  content: PRF;
  /** Source spans on their own, overlap match (token F1 ≥ 0.5, or a pronoun's referent named). */
  source: PRF;
  /** The same spans, matched only when their tokens are identical. */
  exact: { content: PRF; source: PRF };
  /** Attributions whose content matched and whose speaker is the gold source (stricter than `source`). */
  attribution: PRF;
}

export interface QuoteScores {
  task: 'quotes';
  items: number;
  precision: number;
  recall: number;
  f1: number;
  direct: QuoteBlock;
  all: QuoteBlock;
  gold: { all: number; direct: number; withSource: number };
  system: { all: number; direct: number; withSpeaker: number };
  msPerDoc: number;
}

// ---------------------------------------------------------------- reading

/** Parses brat standoff text: text-bound spans (`T`) and attribution events (`E`). */
export function parseBrat(ann: string, text: string): GoldAttribution[] {
  const idx = new TokenIndex(text);
  const quoted = idx.tokens(quotedRegions(text));
  const spans = new Map<string, { type: string; span: GoldSpan }>();
  const events: string[] = [];
  for (const line of ann.split(/\r?\n/)) {
    if (line.startsWith('T')) {
      const m = /^(T\d+)\t(\S+) ([\d ;]+)\t?(.*)$/.exec(line);
      if (!m) continue;
      const parts = m[3]!.split(';').map((p) => p.trim().split(/\s+/).map(Number) as Range).filter((r) => r.length === 2 && r[1] >= r[0]);
      spans.set(m[1]!, { type: m[2]!, span: { parts, text: m[4] ?? '' } });
    } else if (line.startsWith('E')) events.push(line);
  }
  const out: GoldAttribution[] = [];
  for (const line of events) {
    const [id, args] = line.split('\t');
    if (!args) continue;
    const roles = new Map<string, string>();
    for (const a of args.trim().split(/\s+/)) {
      const [role, ref] = a.split(':');
      if (role && ref && !roles.has(role)) roles.set(role, ref);
    }
    const content = spans.get(roles.get('Content') ?? '')?.span;
    if (!content || content.parts.length === 0) continue;
    out.push({
      id: id!,
      content,
      source: spans.get(roles.get('Source') ?? '')?.span ?? null,
      cue: spans.get(roles.get('Cue') ?? '')?.span ?? null,
      direct: isDirect(idx, quoted, content.parts),
    });
  }
  return out;
}

/**
 * Quoted regions of a document for the gold side, found independently of the system: per line,
 * “ opens and ” closes, a straight " or a doubled '' toggles; a region left open ends with its
 * line. Single marks are ignored (they are mostly apostrophes or quotes inside quotes).
 */
export function quotedRegions(text: string): Range[] {
  const out: Range[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      if (open >= 0) out.push([open, i]);
      open = -1;
    } else if (c === '“') {
      if (open < 0) open = i;
    } else if (c === '”') {
      if (open >= 0) out.push([open, i + 1]);
      open = -1;
    } else if (c === '"' || c === "'" && text[i + 1] === "'") {
      const width = c === "'" ? 2 : 1;
      if (open < 0) open = i;
      else {
        out.push([open, i + width]);
        open = -1;
      }
      i += width - 1;
    }
  }
  if (open >= 0) out.push([open, text.length]);
  return out;
}

/** Share of a span's tokens that lie inside quotation marks at which gold content counts as direct. */
export const DIRECT_SHARE = 0.9;

/** Gold content in quotation marks: at least 90% of its tokens inside quoted regions. */
export function isDirect(idx: TokenIndex, quoted: Set<number>, parts: Range[]): boolean {
  const toks = idx.tokens(parts);
  if (toks.size === 0) return false;
  let n = 0;
  for (const t of toks) if (quoted.has(t)) n++;
  return n / toks.size >= DIRECT_SHARE;
}

/** The documents of a PolNeAR-layout directory, each with its first annotation file. */
export function loadQuotesDir(dir: string): QuotesDoc[] {
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) throw new Error(`${dir}: expected text/ and attributions/ directories`);
  const firstAnn = new Map<string, string>();
  for (const f of readdirSync(annDir).filter((x) => x.endsWith('.ann')).sort()) {
    const m = /^(.*)_([^_]+)\.ann$/.exec(f);
    if (m && !firstAnn.has(m[1]!)) firstAnn.set(m[1]!, f);
  }
  const docs: QuotesDoc[] = [];
  for (const f of readdirSync(textDir).filter((x) => x.endsWith('.txt')).sort()) {
    const id = f.slice(0, -4);
    const ann = firstAnn.get(id);
    if (!ann) continue;
    const text = readFileSync(join(textDir, f), 'utf8');
    docs.push({ id, annotator: /_([^_]+)\.ann$/.exec(ann)![1]!, text, gold: parseBrat(readFileSync(join(annDir, ann), 'utf8'), text) });
  }
  return docs;
}

// ---------------------------------------------------------------- system side

/** The system's source span: the whole source phrase (`sourceStart`/`sourceEnd`), else the speaker mention. */
function sourceSpanOf(m: QuoteMention): Range | null {
  if (m.sourceStart !== null && m.sourceEnd !== null) return [m.sourceStart, m.sourceEnd];
  return m.speakerStart !== null && m.speakerEnd !== null ? [m.speakerStart, m.speakerEnd] : null;
}

/** Mentions grouped into attributions (one per cue). */
export function systemAttributions(mentions: QuoteMention[]): SystemAttribution[] {
  const byCue = new Map<string, SystemAttribution>();
  const out: SystemAttribution[] = [];
  mentions.forEach((m, i) => {
    const key = m.cueStart !== null ? `c${m.cueStart}:${m.speakerStart}` : `m${i}`;
    const range: Range = m.partial ? [m.clauseStart, m.clauseEnd] : [m.start, m.end];
    let a = byCue.get(key);
    if (!a) {
      a = { parts: [], direct: true, speaker: m.speaker, speakerSpan: sourceSpanOf(m), mentions: [] };
      byCue.set(key, a);
      out.push(a);
    }
    if (!a.parts.some((r) => r[0] === range[0] && r[1] === range[1])) a.parts.push(range);
    a.direct &&= m.direct && !m.partial;
    a.mentions.push(m);
  });
  return out;
}

// ---------------------------------------------------------------- matching

const TOKEN = /[\p{L}\p{N}]+/gu;

export class TokenIndex {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Capitalised runs, for the antecedent rule (built on first use). */
  private names: NameIndex | null = null;
  constructor(readonly text: string) {
    for (const m of text.matchAll(TOKEN)) {
      this.starts.push(m.index);
      this.ends.push(m.index + m[0].length);
    }
  }

  get nameIndex(): NameIndex {
    this.names ??= nameIndex(this.text);
    return this.names;
  }

  /** Indices of the tokens overlapping any of `parts`. */
  tokens(parts: Range[]): Set<number> {
    const out = new Set<number>();
    for (const [s, e] of parts) {
      let lo = 0;
      let hi = this.ends.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.ends[mid]! <= s) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.starts.length && this.starts[i]! < e; i++) out.add(i);
    }
    return out;
  }
}

export function tokenF1(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

/** One-to-one pairs from scored candidates `[score, i, j]`, best score first. */
export function oneToOne(cands: Array<[number, number, number]>): Array<[number, number]> {
  cands.sort((a, b) => b[0] - a[0]);
  const usedS = new Set<number>();
  const usedG = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [, i, j] of cands) {
    if (usedS.has(i) || usedG.has(j)) continue;
    usedS.add(i);
    usedG.add(j);
    out.push([i, j]);
  }
  return out;
}

/** One-to-one pairs with token-overlap F1 ≥ `min` (0.5: overlap match; 1: exact match), best first. */
export function pairUp(idx: TokenIndex, sys: Range[][], gold: Range[][], min = 0.5): Array<[number, number]> {
  const st = sys.map((p) => idx.tokens(p));
  const gt = gold.map((p) => idx.tokens(p));
  const cands: Array<[number, number, number]> = [];
  for (let i = 0; i < st.length; i++) {
    for (let j = 0; j < gt.length; j++) {
      const f = tokenF1(st[i]!, gt[j]!);
      if (f >= min) cands.push([f, i, j]);
    }
  }
  return oneToOne(cands);
}

const PRONOUN = /^(he|she|him|her|his|hers|they|them|their|it|its|we|us|our|i|me|my|you|your|who|whom|whose|which|that|this|these|those)$/i;
const GENDERED = /^(he|she|him|her|his|hers)$/i;
const NAME_STOP = new Set(
  ('the a an of for and mr mrs ms miss dr sen rep gov gen prof president vice former senator governor secretary ' +
    'minister prime leader chairman candidate candidates nominee republican democratic democrat gop presidential rival ' +
    'front runner frontrunner s').split(' '),
);
const NOT_ANTECEDENT = new Set(
  ('the a an and but or so if in on at to of by for with from as when while after before this that these those it its ' +
    'he she they we i you his her their our my your there here what who why how yes no not all some many most one two ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december mr mrs ms dr sen rep gov president republican republicans democrat democrats ' +
    'democratic gop american americans u s us america united states washington new york iowa congress senate house white ' +
    'party state however meanwhile also still then but just even now today').split(' '),
);

function nameWords(s: string): string[] {
  return s.toLowerCase().replace(/['’]s\b/g, '').match(/[\p{L}\p{N}]+/gu)?.filter((w) => !NAME_STOP.has(w)) ?? [];
}

/** The system's speaker name names the same entity as `gold` (a shared name word). */
export function sameName(speaker: string, gold: string): boolean {
  const a = nameWords(speaker);
  const b = nameWords(gold);
  if (a.length === 0 || b.length === 0) return false;
  return a.some((w) => w.length >= 2 && b.includes(w));
}

/**
 * The simple antecedent rule for a pronoun gold source, independent of the system under test.
 * he/she/him/her/his: the closest person name before `at`, outside quotation marks, where a person
 * name is a run of two to four capitalised words with no function, place or institution word
 * ("Alicia Powe"), or a single capitalised word that is part of such a run elsewhere in the
 * document or follows Mr./Mrs./Ms./Dr. ("Powe"). Other pronouns (they, it, who, ...): the closest
 * capitalised word sequence outside quotation marks that is not a function word, month, day or a
 * sentence-initial word the document also writes in lower case.
 */
export function goldAntecedent(text: string, at: number, pronoun: string, quoted: Range[] = [], index?: NameIndex): string | null {
  const ix = index ?? nameIndex(text);
  const gendered = GENDERED.test(pronoun);
  for (let i = ix.runs.length - 1; i >= 0; i--) {
    const run = ix.runs[i]!;
    if (run.start >= at || at - run.start > 5000) continue;
    if (quoted.some(([s, e]) => run.start >= s && run.start < e)) continue;
    if (gendered) {
      if (run.person) return run.words.join(' ');
      continue;
    }
    const words = run.words.filter((w, k) => {
      const b = bareWord(w);
      return !NOT_ANTECEDENT.has(b) && !(k === 0 && run.initial && ix.lower.has(b));
    });
    if (words.length > 0) return words.join(' ');
  }
  return null;
}

const INSTITUTION = new Set(
  ('university college school department agency committee council party house senate congress court convention ' +
    'center centre institute foundation association union news post times journal network street avenue county city ' +
    'state states republic kingdom north south east west new san los las saint st fort lake mount airport hospital ' +
    'church company corporation group inc fund bank office administration campaign project program caucus debate ' +
    'primary election day war act bill law amendment street island islands river valley').split(' '),
);
const HONORIFIC = /^(mr|mrs|ms|dr|sen|rep|gov|gen)\.?$/i;

function bareWord(w: string): string {
  return w.toLowerCase().replace(/['’]s$/, '').replace(/[.’']$/, '');
}

export interface NameIndex {
  lower: Set<string>;
  runs: Array<{ start: number; words: string[]; person: boolean; initial: boolean }>;
}

/** Capitalised runs of a document, each marked as a person name or not (see `goldAntecedent`). */
export function nameIndex(text: string): NameIndex {
  const lower = lowercaseWords(text);
  const raw = [...text.matchAll(/\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|al|bin))*/gu)];
  const fullNameWords = new Set<string>();
  const runs: NameIndex['runs'] = [];
  for (const m of raw) {
    const start = m.index;
    const before = text.slice(Math.max(0, start - 3), start);
    const initial = start === 0 || /(?:[.!?:]\s+|\n\s*|[“"‘]\s*)$/.test(before);
    let words = m[0].split(/\s+/);
    const honorific = HONORIFIC.test(words[0]!);
    words = words.filter((w) => !HONORIFIC.test(w));
    if (initial && words.length > 0 && lower.has(bareWord(words[0]!)) && !honorific) words = words.slice(1);
    const clean = words.length > 0 && words.every((w) => {
      const b = bareWord(w);
      return !NOT_ANTECEDENT.has(b) && !INSTITUTION.has(b) && !/^\p{Lu}{2,}$/u.test(w.replace(/[.’']/g, '')) && !/^\p{Lu}\p{L}{2,}\.$/u.test(w);
    });
    const full = clean && words.length >= 2 && words.length <= 4;
    if (full) for (const w of words) fullNameWords.add(bareWord(w));
    runs.push({ start, words, person: full || clean && words.length === 1 && honorific, initial });
  }
  for (const r of runs) if (!r.person && r.words.length === 1 && fullNameWords.has(bareWord(r.words[0]!)) && !NOT_ANTECEDENT.has(bareWord(r.words[0]!))) r.person = true;
  return { lower, runs };
}

function lowercaseWords(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}])\p{Ll}[\p{L}]*/gu) ?? []);
}

interface DocCounts {
  /** Content pairs (overlap), and of those the ones with the gold source as speaker (joint). */
  contentTp: number;
  sourceTp: number;
  contentExactTp: number;
  /** Source spans on their own: matched (overlap / exact), system spans, gold spans. */
  spanTp: number;
  spanExactTp: number;
  sysSpans: number;
  goldSpans: number;
  sys: number;
  gold: number;
  sysSpeaker: number;
  goldSource: number;
}

export interface DocScore {
  all: DocCounts;
  direct: DocCounts;
  /** For error analysis: system and gold attributions and the pairs of `all`. */
  sys: SystemAttribution[];
  gold: GoldAttribution[];
  pairs: Array<[number, number]>;
  sourceOk: boolean[];
}

/** Whether system attribution `s` has the speaker of gold attribution `g`. */
export function sourceMatches(idx: TokenIndex, text: string, s: SystemAttribution, g: GoldAttribution, quoted: Range[] = [], named: GoldSpan[] = []): boolean {
  if (!g.source || !s.speaker) return false;
  const gtext = g.source.text.trim();
  if (PRONOUN.test(gtext)) {
    const ante = namedSourceBefore(text, named, g.source.parts[0]![0]) ?? goldAntecedent(text, g.source.parts[0]![0], gtext, quoted, idx.nameIndex);
    return ante !== null && sameName(s.speaker, ante);
  }
  if (s.speakerSpan && tokenF1(idx.tokens([s.speakerSpan]), idx.tokens(g.source.parts)) >= 0.5) return true;
  return sameName(s.speaker, gtext);
}

/** Gold sources that name someone (a capitalised word; not a pronoun or a "the ..." description), in text order. */
export function namedSources(gold: GoldAttribution[], text = ''): GoldSpan[] {
  const lower = lowercaseWords(text);
  const names = (s: string) => {
    // A capital on a word other than a common first word ("Officials said" names nobody).
    const words = s.trim().split(/\s+/);
    return words.some((w, k) => /^\p{Lu}/u.test(w) && !(k === 0 && (COMMON_SOURCES.has(w.toLowerCase()) || lower.has(w.toLowerCase()))));
  };
  return gold
    .map((g) => g.source)
    .filter((s): s is GoldSpan => s !== null && s.parts.length > 0 && !PRONOUN.test(s.text.trim()) && names(s.text) && !/^(the|a|an|this|that|his|her|their|its)\s/i.test(s.text.trim()))
    .sort((a, b) => a.parts[0]![0] - b.parts[0]![0]);
}

const COMMON_SOURCES = new Set('officials sources analysts experts critics aides advisers residents voters supporters opponents police witnesses observers economists people some many others most several both all'.split(' '));

/**
 * The annotation's own chain: the closest named gold source before `at`, if it lies in the same
 * paragraph or the two before it ("“...,” Smith said. ... “...,” he said" → Smith).
 */
export function namedSourceBefore(text: string, named: GoldSpan[], at: number): string | null {
  let best: GoldSpan | null = null;
  for (const s of named) {
    if (s.parts[0]![0] >= at) break;
    best = s;
  }
  if (!best) return null;
  const between = text.slice(best.parts[0]![0], at);
  const breaks = between.match(/\n\s*\n|\n/g)?.length ?? 0;
  return breaks <= 3 ? best.text : null;
}

/** Distinct source spans (by offsets) with the attributions that carry each. */
function sourceSpans<T>(items: T[], parts: (x: T) => Range[] | null): Array<{ parts: Range[]; of: T[] }> {
  const byKey = new Map<string, { parts: Range[]; of: T[] }>();
  for (const x of items) {
    const p = parts(x);
    if (!p || p.length === 0) continue;
    const key = p.map((r) => r.join(':')).join(';');
    const e = byKey.get(key);
    if (e) e.of.push(x);
    else byKey.set(key, { parts: p, of: [x] });
  }
  return [...byKey.values()];
}

/**
 * Source-span matching (the README's "source-span F1"): system speaker mentions against gold
 * source spans, one-to-one, each distinct span once. Overlap: token F1 ≥ 0.5, or the gold span is
 * a pronoun and an attribution of the system span overlaps that pronoun's attribution in content
 * and names its referent (the rule, `sourceMatches`). Exact: identical tokens.
 */
function matchSourceSpans(idx: TokenIndex, text: string, quoted: Range[], named: GoldSpan[], sys: SystemAttribution[], gold: GoldAttribution[]): { tp: number; exactTp: number; sys: number; gold: number } {
  const ss = sourceSpans(sys.filter((s) => s.speaker), (s) => (s.speakerSpan ? [s.speakerSpan] : null));
  const gs = sourceSpans(gold, (g) => g.source?.parts ?? null);
  const st = ss.map((x) => idx.tokens(x.parts));
  const gt = gs.map((x) => idx.tokens(x.parts));
  const overlap: Array<[number, number, number]> = [];
  const exact: Array<[number, number, number]> = [];
  for (let i = 0; i < ss.length; i++) {
    for (let j = 0; j < gs.length; j++) {
      const f = tokenF1(st[i]!, gt[j]!);
      if (f === 1) exact.push([f, i, j]);
      if (f >= 0.5) overlap.push([f, i, j]);
      else if (PRONOUN.test(gs[j]!.of[0]!.source!.text.trim()) && ss[i]!.of.some((a) => gs[j]!.of.some((g) => tokenF1(idx.tokens(a.parts), idx.tokens(g.content.parts)) > 0 && sourceMatches(idx, text, a, g, quoted, named)))) {
        overlap.push([0.5, i, j]);
      }
    }
  }
  return { tp: oneToOne(overlap).length, exactTp: oneToOne(exact).length, sys: ss.length, gold: gs.length };
}

function countsFor(idx: TokenIndex, text: string, quoted: Range[], named: GoldSpan[], sys: SystemAttribution[], gold: GoldAttribution[]): { c: DocCounts; pairs: Array<[number, number]>; ok: boolean[] } {
  const sysParts = sys.map((s) => s.parts);
  const goldParts = gold.map((g) => g.content.parts);
  const pairs = pairUp(idx, sysParts, goldParts);
  const ok = pairs.map(([i, j]) => sourceMatches(idx, text, sys[i]!, gold[j]!, quoted, named));
  const spans = matchSourceSpans(idx, text, quoted, named, sys, gold);
  return {
    c: {
      contentTp: pairs.length,
      sourceTp: ok.filter(Boolean).length,
      contentExactTp: pairUp(idx, sysParts, goldParts, 1).length,
      spanTp: spans.tp,
      spanExactTp: spans.exactTp,
      sysSpans: spans.sys,
      goldSpans: spans.gold,
      sys: sys.length,
      gold: gold.length,
      sysSpeaker: sys.filter((s) => s.speaker).length,
      goldSource: gold.filter((g) => g.source).length,
    },
    pairs,
    ok,
  };
}

/** Scores one document's mentions against its gold attributions. */
export function scoreDoc(text: string, gold: GoldAttribution[], mentions: QuoteMention[]): DocScore {
  const idx = new TokenIndex(text);
  const sys = systemAttributions(mentions);
  // The system side of the direct subset uses the gold definition on the scored spans.
  const inQuotes = idx.tokens(quotedRegions(text));
  for (const s of sys) s.direct = s.mentions.every((m) => m.direct) && isDirect(idx, inQuotes, s.parts);
  // Quotation marks only (not attribution): the antecedent rule skips names inside quotations.
  const quoted = findQuotes(text).map((q): Range => [q.open, q.close]);
  const named = namedSources(gold, text);
  const all = countsFor(idx, text, quoted, named, sys, gold);
  const direct = countsFor(idx, text, quoted, named, sys.filter((s) => s.direct), gold.filter((g) => g.direct));
  return { all: all.c, direct: direct.c, sys, gold, pairs: all.pairs, sourceOk: all.ok };
}

function sum(list: DocCounts[]): DocCounts {
  const out: DocCounts = { contentTp: 0, sourceTp: 0, contentExactTp: 0, spanTp: 0, spanExactTp: 0, sysSpans: 0, goldSpans: 0, sys: 0, gold: 0, sysSpeaker: 0, goldSource: 0 };
  for (const c of list) for (const k of Object.keys(out) as Array<keyof DocCounts>) out[k] += c[k];
  return out;
}

function block(c: DocCounts): QuoteBlock {
  return {
    content: prf(c.contentTp, c.sys - c.contentTp, c.gold - c.contentTp),
    source: prf(c.spanTp, c.sysSpans - c.spanTp, c.goldSpans - c.spanTp),
    exact: {
      content: prf(c.contentExactTp, c.sys - c.contentExactTp, c.gold - c.contentExactTp),
      source: prf(c.spanExactTp, c.sysSpans - c.spanExactTp, c.goldSpans - c.spanExactTp),
    },
    attribution: prf(c.sourceTp, c.sysSpeaker - c.sourceTp, c.goldSource - c.sourceTp),
  };
}

export interface QuotesEvalOptions {
  /** Score only the first N documents (sorted by name). */
  limit?: number;
  /** Called after each document (progress output). */
  onDoc?: (doc: QuotesDoc, score: DocScore, index: number, total: number) => void;
}

/** Scores `extractQuotes` on a PolNeAR-layout directory (see the module comment). */
export function evalQuotes(dir: string, options: QuotesEvalOptions = {}): QuoteScores {
  let docs = loadQuotesDir(dir);
  if (options.limit !== undefined) docs = docs.slice(0, options.limit);
  const all: DocCounts[] = [];
  const direct: DocCounts[] = [];
  let ms = 0;
  docs.forEach((doc, i) => {
    const t0 = performance.now();
    const mentions = extractQuotes(doc.text);
    ms += performance.now() - t0;
    const s = scoreDoc(doc.text, doc.gold, mentions);
    all.push(s.all);
    direct.push(s.direct);
    options.onDoc?.(doc, s, i, docs.length);
  });
  const a = sum(all);
  const d = sum(direct);
  const directBlock = block(d);
  return {
    task: 'quotes',
    items: docs.length,
    precision: directBlock.source.precision,
    recall: directBlock.source.recall,
    f1: directBlock.source.f1,
    direct: directBlock,
    all: block(a),
    gold: { all: a.gold, direct: d.gold, withSource: a.goldSource },
    system: { all: a.sys, direct: d.sys, withSpeaker: a.sysSpeaker },
    msPerDoc: Math.round((ms / Math.max(1, docs.length)) * 1000) / 1000,
  };
}
