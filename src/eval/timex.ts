/**
 * Time-expression evaluation on TimeML (`.tml`) files, scored the TempEval-3 way.
 *
 * For each document: the creation time (`<TIMEX3 ... functionInDocument="CREATION_TIME">`, usually
 * inside `<DCT>`) is the anchor (basis explicit, day precision); the `<TEXT>` part, stripped of its
 * tags, is the plain text; the TIMEX3 spans inside TEXT are the gold mentions (the DCT is never
 * scored). `tagTimes` runs on the plain text and is scored on
 *  - strict spans: exact start and end;
 *  - relaxed spans: any overlap (one-to-one matching);
 *  - value: relaxed matches whose normalised value equals the gold value, with P = correct / system
 *    mentions and R = correct / gold mentions (TempEval-3's attribute F1);
 *  - type: likewise for the TIMEX3 type.
 *
 * Values are compared after a small canonicalisation of notational variants that denote the same
 * thing ({@link canonicalValue}): `199X` = `199`, `1998-W8` = `1998-W08`, decade / century /
 * millennium / quarter durations in years or months (`P2DE` = `P2E` = `P20Y`, `P3Q` = `P9M`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PublishedDate } from '../article/article.ts';
import { tagTimes } from '../time/index.ts';
import type { TimeMention, TimexType } from '../time/index.ts';
import { prf } from './metrics.ts';
import type { PRF } from './metrics.ts';

export interface GoldTimex {
  text: string;
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface TimeMLDoc {
  id: string;
  /** Document creation time value (`1998-01-08`, `1998-11-20T19:30`), or null when absent. */
  dct: string | null;
  /** Plain text of the `<TEXT>` element, tags removed and entities decoded. */
  text: string;
  gold: GoldTimex[];
}

export interface TimexScores {
  task: 'timex';
  format: 'timeml';
  items: number;
  precision: number;
  recall: number;
  f1: number;
  strict: PRF;
  relaxed: PRF;
  value: PRF;
  type: PRF;
  gold: number;
  system: number;
  docsPerSecond: number;
  /** Per-mention errors, only with `{ details: true }`. */
  errors?: TimexError[];
}

export interface TimexError {
  doc: string;
  dct: string | null;
  kind: 'missed' | 'spurious' | 'span' | 'value' | 'type';
  gold?: { text: string; type: string; value: string };
  system?: { text: string; type: TimexType; value: string | null };
  context: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(name: string): string | null {
  if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
  return ENTITIES[name] ?? null;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag) ?? new RegExp(`\\b${name}\\s*=\\s*'([^']*)'`).exec(tag);
  return m ? m[1]! : null;
}

/** Reads one TimeML document: its creation time, the plain text of `<TEXT>` and the gold TIMEX3 spans in it. */
export function readTimeML(xml: string, id = ''): TimeMLDoc {
  let dct: string | null = null;
  for (const m of xml.matchAll(/<TIMEX3\b[^>]*>/g)) {
    if (attr(m[0], 'functionInDocument') === 'CREATION_TIME') {
      dct = attr(m[0], 'value');
      break;
    }
  }
  const open = /<TEXT\b[^>]*>/.exec(xml);
  const closeAt = xml.lastIndexOf('</TEXT>');
  const body = open ? xml.slice(open.index + open[0].length, closeAt > open.index ? closeAt : xml.length) : '';

  let text = '';
  const gold: GoldTimex[] = [];
  let current: { start: number; type: string; value: string } | null = null;
  const TOKEN = /<(\/?)([A-Za-z][\w:-]*)\b([^>]*?)(\/?)>|&(#?\w+);|<!--[\s\S]*?-->/g;
  let last = 0;
  for (const m of body.matchAll(TOKEN)) {
    text += body.slice(last, m.index);
    last = m.index! + m[0].length;
    if (m[5] !== undefined) {
      text += decodeEntity(m[5]) ?? m[0];
      continue;
    }
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '/') {
      if (current) {
        gold.push({ text: text.slice(current.start), start: current.start, end: text.length, type: current.type, value: current.value });
        current = null;
      }
    } else if (m[4] !== '/') {
      current = { start: text.length, type: attr(m[0], 'type') ?? '', value: attr(m[0], 'value') ?? '' };
    }
  }
  text += body.slice(last);
  for (const g of gold) g.text = text.slice(g.start, g.end);
  return { id, dct, text, gold };
}

/** The creation time as the anchor a tagger gets: an explicit, day-precise publication date. */
export function dctAnchor(dct: string | null): PublishedDate | null {
  const m = dct ? /^(\d{4})-?(\d{2})-?(\d{2})/.exec(dct) : null;
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  return { value: day, earliest: day, latest: day, basis: 'explicit', evidence: `TimeML creation time ${dct}` };
}

const DURATION_UNIT_SCALE: Record<string, [number, string]> = {
  E: [10, 'Y'], DE: [10, 'Y'], CE: [100, 'Y'], C: [100, 'Y'], L: [1000, 'Y'], ML: [1000, 'Y'], Q: [3, 'M'],
};

/** Canonical form of a TimeML value for comparison (see the module comment). */
export function canonicalValue(value: string | null): string {
  if (value == null) return '';
  let v = value.trim().toUpperCase();
  // Decades and centuries: 199X = 199, 19XX = 19.
  const dec = /^(\d{1,3})X+$/.exec(v);
  if (dec) v = dec[1]!;
  // ISO weeks: W8 = W08.
  v = v.replace(/-W(\d)(?!\d)/, '-W0$1');
  // Durations in decades, centuries, millennia, quarters.
  const dur = /^P(\d+(?:\.\d+)?|X)(DE|CE|ML|E|C|L|Q)$/.exec(v);
  if (dur) {
    const [scale, unit] = DURATION_UNIT_SCALE[dur[2]!]!;
    v = dur[1] === 'X' ? `PX${unit}` : `P${Number(dur[1]) * scale}${unit}`;
  }
  return v;
}

async function tmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await tmlFiles(p)));
    else if (e.isFile() && e.name.endsWith('.tml')) out.push(p);
  }
  return out.sort();
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

interface Counts {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  value: number;
  type: number;
}

function context(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 60), start)}[${text.slice(start, end)}]${text.slice(end, end + 60)}`.replace(/\s+/g, ' ');
}

/**
 * Scores one document's system mentions against its gold mentions (one-to-one: each gold mention
 * takes the unmatched overlapping system mention with an identical span, else the largest overlap).
 */
export function scoreDoc(doc: TimeMLDoc, system: TimeMention[], counts: Counts, errors?: TimexError[]): void {
  counts.gold += doc.gold.length;
  counts.system += system.length;
  const used = new Set<number>();
  for (const g of doc.gold) {
    let best = -1;
    let bestOverlap = 0;
    for (let i = 0; i < system.length; i++) {
      if (used.has(i)) continue;
      const s = system[i]!;
      const o = overlap(g, s);
      if (o <= 0) continue;
      const exact = s.start === g.start && s.end === g.end;
      if (exact) {
        best = i;
        break;
      }
      if (o > bestOverlap) {
        best = i;
        bestOverlap = o;
      }
    }
    if (best < 0) {
      errors?.push({ doc: doc.id, dct: doc.dct, kind: 'missed', gold: { text: g.text, type: g.type, value: g.value }, context: context(doc.text, g.start, g.end) });
      continue;
    }
    used.add(best);
    const s = system[best]!;
    counts.relaxed++;
    const exact = s.start === g.start && s.end === g.end;
    if (exact) counts.strict++;
    const valueOk = canonicalValue(s.value) === canonicalValue(g.value);
    if (valueOk) counts.value++;
    if (s.type === g.type) counts.type++;
    if (errors && (!exact || !valueOk || s.type !== g.type)) {
      errors.push({
        doc: doc.id,
        dct: doc.dct,
        kind: !valueOk ? 'value' : !exact ? 'span' : 'type',
        gold: { text: g.text, type: g.type, value: g.value },
        system: { text: s.text, type: s.type, value: s.value },
        context: context(doc.text, g.start, g.end),
      });
    }
  }
  if (errors) {
    system.forEach((s, i) => {
      if (!used.has(i)) errors.push({ doc: doc.id, dct: doc.dct, kind: 'spurious', system: { text: s.text, type: s.type, value: s.value }, context: context(doc.text, s.start, s.end) });
    });
  }
}

/** Evaluates `tagTimes` on every `.tml` file under `dir` (recursively). */
export async function evalTimex(dir: string, options: { details?: boolean } = {}): Promise<TimexScores> {
  const files = await tmlFiles(dir);
  const counts: Counts = { gold: 0, system: 0, strict: 0, relaxed: 0, value: 0, type: 0 };
  const errors: TimexError[] | undefined = options.details ? [] : undefined;
  let tagMs = 0;
  for (const file of files) {
    const doc = readTimeML(await readFile(file, 'utf8'), file.slice(dir.length).replace(/^[/\\]/, ''));
    const anchor = dctAnchor(doc.dct);
    const t0 = performance.now();
    const system = tagTimes(doc.text, anchor);
    tagMs += performance.now() - t0;
    scoreDoc(doc, system, counts, errors);
  }
  const score = (tp: number) => prf(tp, counts.system - tp, counts.gold - tp);
  const relaxed = score(counts.relaxed);
  return {
    task: 'timex',
    format: 'timeml',
    items: files.length,
    precision: relaxed.precision,
    recall: relaxed.recall,
    f1: relaxed.f1,
    strict: score(counts.strict),
    relaxed,
    value: score(counts.value),
    type: score(counts.type),
    gold: counts.gold,
    system: counts.system,
    docsPerSecond: tagMs > 0 ? Math.round((files.length / tagMs) * 1000 * 10) / 10 : 0,
    ...(errors ? { errors } : {}),
  };
}
