/**
 * The tagger: runs the pattern table over the text, keeps the longest non-overlapping candidates,
 * merges adjacent calendar points ("10 p.m. Wednesday"), and resolves each mention in text order
 * against the publication date (the anchor) and the dates mentioned before it.
 *
 * An imprecise anchor (a year, a month, or inferred bounds) is handled by resolving against both
 * of its bounds: a value both agree on is resolved; otherwise the mention keeps placeholders.
 */
import type { PublishedDate } from '../article/article.ts';
import type { Day } from './calendar.ts';
import { addDays, cmpDay, daysInMonth, describeValue, fmtDay, fmtWeek, parseDay, weekday } from './calendar.ts';
import { TextContext } from './context.ts';
import type { AnchorPrecision, Mentioned, Scope } from './resolve.ts';
import { dayOfValue, hasDay, weekdayDay, yearOfMonthDay } from './resolve.ts';
import type { Candidate, Frame } from './rules.ts';
import { RULES } from './rules.ts';
import type { TagOptions, TimeMention } from './types.ts';

export interface Anchor {
  precision: Exclude<AnchorPrecision, 'none'>;
  lo: Day;
  hi: Day;
}

/** The anchor a publication date gives: its precision and the bounds of the day it was published. */
export function anchorOf(published: PublishedDate | null): Anchor | null {
  if (!published || published.basis === 'unknown') return null;
  const lo0 = published.earliest ? parseDay(published.earliest) : null;
  const hi0 = published.latest ? parseDay(published.latest) : null;
  const v = published.value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published.value) : null;
  let precision: Anchor['precision'];
  let lo: Day;
  let hi: Day;
  if (v) {
    const y = Number(v[1]);
    if (v[3]) {
      const day = { y, m: Number(v[2]), d: Number(v[3]) };
      return { precision: 'day', lo: day, hi: day };
    }
    if (v[2]) {
      const m = Number(v[2]);
      precision = 'month';
      lo = { y, m, d: 1 };
      hi = { y, m, d: daysInMonth(y, m) };
    } else {
      precision = 'year';
      lo = { y, m: 1, d: 1 };
      hi = { y, m: 12, d: 31 };
    }
    // Narrow to the evidence's bounds when they fall inside the value.
    if (lo0 && cmpDay(lo0, lo) > 0 && cmpDay(lo0, hi) <= 0) lo = lo0;
    if (hi0 && cmpDay(hi0, hi) < 0 && cmpDay(hi0, lo) >= 0) hi = hi0;
    return { precision, lo, hi };
  }
  if (lo0 && hi0) {
    if (lo0.y !== hi0.y) return null;
    if (lo0.m !== hi0.m) return { precision: 'year', lo: lo0, hi: hi0 };
    if (lo0.d !== hi0.d) return { precision: 'month', lo: lo0, hi: hi0 };
    return { precision: 'day', lo: lo0, hi: hi0 };
  }
  return null;
}

/** Keeps the longest candidates that do not overlap (ties: higher priority, then earlier). */
function select(cands: Candidate[], length: number): Candidate[] {
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const taken = new Uint8Array(length + 1);
  const out: Candidate[] = [];
  for (const c of cands) {
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    out.push(c);
  }
  return out.sort((a, b) => a.start - b.start);
}

type Group = 'D' | 'W' | 'T';

function groups(f: Frame): Set<Group> {
  const g = new Set<Group>();
  if (f.m !== undefined || f.offset !== undefined || f.refOffset !== undefined) g.add('D');
  if (f.wd !== undefined) g.add('W');
  if (f.hh !== undefined || f.pod !== undefined) g.add('T');
  return g;
}

/** Merges adjacent calendar points: a time of day with a day, a weekday with a month and day. */
function merge(cands: Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const prev = out[out.length - 1];
    if (prev?.frame && c.frame && !prev.parts && !c.parts) {
      const gap = text.slice(prev.end, c.start);
      if (/^\s*,?[ \t]*$/.test(gap) && gap.length <= 3) {
        const a = groups(prev.frame);
        const b = groups(c.frame);
        const disjoint = [...a].every((x) => !b.has(x));
        const both = new Set([...a, ...b]);
        const sensible = both.has('T') ? both.size >= 2 : both.has('W') && both.has('D') && (prev.frame.d ?? c.frame.d) !== undefined;
        if (disjoint && sensible) {
          out[out.length - 1] = {
            ...prev,
            end: c.end,
            rule: `${prev.rule}+${c.rule}`,
            type: both.has('T') ? 'TIME' : 'DATE',
            frame: { ...prev.frame, ...c.frame },
            anaphoric: prev.anaphoric || c.anaphoric,
          };
          continue;
        }
      }
    }
    out.push(c);
  }
  return out;
}

/** A deadline preposition points forward: "until Tuesday", "by Jan. 14", "as soon as Monday". */
const DEADLINE = /(?:^|[^\p{L}])(?:until|till|by|through|as\s+soon\s+as|no\s+later\s+than)\s+(?:(?:early|late|mid)[\s-]+)?$/iu;

const p2 = (n: number) => String(n).padStart(2, '0');

function timeSuffix(f: Frame): string {
  if (f.hh !== undefined) return `T${p2(f.hh)}:${p2(f.mi ?? 0)}`;
  if (f.pod) return `T${f.pod}`;
  return '';
}

/** Resolves a calendar frame to a day (plus time of day) for one scope. */
function resolveFrame(f: Frame, s: Scope): string | null {
  let day: Day | null = null;
  if (f.y !== undefined && f.m !== undefined && f.d !== undefined) day = { y: f.y, m: f.m, d: f.d };
  else if (f.m !== undefined && f.d !== undefined) {
    let y = yearOfMonthDay(s, f.m, f.d);
    if (y == null) return null;
    // A weekday named with the date picks the year where they agree ("Friday, Oct. 23").
    if (f.wd !== undefined && weekday({ y, m: f.m, d: f.d }) !== f.wd) {
      for (const yy of s.dir === 'past' ? [y - 1, y + 1] : [y + 1, y - 1]) {
        if (weekday({ y: yy, m: f.m, d: f.d }) === f.wd) {
          y = yy;
          break;
        }
      }
    }
    day = { y, m: f.m, d: f.d };
  } else if (f.offset !== undefined) {
    if (!hasDay(s)) return null;
    day = addDays(s.day, f.offset);
  } else if (f.refOffset !== undefined) {
    const ref = s.ref ? dayOfValue(s.ref.value) : null;
    if (!ref) return null;
    day = addDays(ref, f.refOffset);
  } else if (f.wd !== undefined) {
    if (f.wdMode === 'prev-ref' || f.wdMode === 'next-ref') {
      const ref = s.ref ? dayOfValue(s.ref.value) : null;
      if (!ref) return null;
      day = weekdayDay(s, f.wd, f.wdMode === 'prev-ref' ? 'last' : 'next', ref);
    } else {
      if (!hasDay(s)) return null;
      const mode = f.wdMode === 'last' ? 'last' : f.wdMode === 'next' ? 'next' : f.wdMode === 'this' ? (s.dir === 'past' ? 'past' : 'future') : s.dir;
      day = weekdayDay(s, f.wd, mode);
    }
  } else {
    // A time of day alone: on the day last mentioned, else the anchor day.
    const ref = s.ref ? dayOfValue(s.ref.value) : null;
    if (ref) day = ref;
    else if (hasDay(s)) day = s.day;
    else return null;
  }
  if (!day) return null;
  if (f.weekOf) return fmtWeek(day);
  return `${fmtDay(day)}${timeSuffix(f)}`;
}

function framePlaceholder(f: Frame): string {
  if (f.weekOf) return 'XXXX-WXX';
  const date = f.m !== undefined && f.d !== undefined ? `${f.y !== undefined ? String(f.y).padStart(4, '0') : 'XXXX'}-${p2(f.m)}-${p2(f.d)}` : 'XXXX-XX-XX';
  return `${date}${timeSuffix(f)}`;
}

function isAbsoluteFrame(f: Frame): boolean {
  return f.y !== undefined && f.m !== undefined && f.d !== undefined;
}

function isDateValue(v: string | null): v is string {
  return v != null && /^\d{4}(?:-|$)/.test(v);
}

const STAND_INS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '.', '\u20ac': '$',
};

/**
 * The text as a one-byte string of the same length (offsets unchanged): curly quotes, dashes and
 * odd spaces become their ASCII look-alikes, other letters beyond Latin-1 an 'x', anything else a
 * middle dot. V8 runs the rules several times faster on one-byte strings, and nothing the rules
 * look for lies beyond Latin-1.
 */
function matchable(text: string): string {
  const mapped = text.replace(/[^\x00-\xff]/g, (c) => STAND_INS[c] ?? (/\s/.test(c) ? ' ' : /\p{L}/u.test(c) ? 'x' : '\u00b7'));
  return Buffer.from(mapped, 'latin1').toString('latin1');
}

/**
 * Finds and normalises the time expressions of `text` (English news). Relative expressions are
 * resolved against `anchor` (the publication date), towards the past unless the sentence is in the
 * future tense; without an anchor (null, or basis unknown) they keep placeholders.
 */
export function tagTimes(text: string, anchor: PublishedDate | null, options: TagOptions = {}): TimeMention[] {
  const original = text;
  text = matchable(text);
  const cands: Candidate[] = [];
  for (const rule of RULES) {
    if (rule.trigger && !rule.trigger.test(text)) continue;
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const c = rule.build(m, text);
      if (c) cands.push(c);
    }
  }
  const chosen = merge(select(cands, text.length), text);
  const a = anchorOf(anchor);
  const ctx = new TextContext(text);
  const defaultDir = options.defaultDirection ?? 'past';
  const presentDir = options.presentDirection ?? defaultDir;
  const out: TimeMention[] = [];
  let ref: Mentioned | null = null;

  for (const c0 of chosen) {
    for (const c of c0.parts ?? [c0]) {
      const sentence = ctx.sentenceIndex(c.start);
      let value: string | null;
      let relative: boolean;
      let resolved = true;
      const frame = c.frame;
      if (frame && isAbsoluteFrame(frame)) {
        value = resolveFrame(frame, { day: frame as Day, precision: 'day', dir: 'past', cue: null, ref: null, sentenceRef: null, sentence });
        relative = false;
      } else if (!frame && c.value !== undefined) {
        value = c.value;
        relative = false;
      } else {
        relative = true;
        const resolve = frame ? (s: Scope) => resolveFrame(frame, s) : c.resolve!;
        const placeholder = frame ? framePlaceholder(frame) : (c.placeholder ?? null);
        // "Wednesday's ruling": an event named by its day, reported rather than announced.
        const possessive = /^['’]s\b/.test(text.slice(c.end, c.end + 3));
        const tense = possessive ? null : ctx.tenseAt(c.start, c.end);
        const deadline = !possessive && tense !== 'past' && DEADLINE.test(text.slice(Math.max(0, c.start - 16), c.start));
        const cue = deadline || tense === 'future' ? 'future' : tense === 'past' ? 'past' : null;
        const dir = cue ?? (tense === 'present' ? presentDir : defaultDir);
        const sentenceRef: Mentioned | null = ref && ref.sentence === sentence ? ref : null;
        if (a) {
          const v1: string | null = resolve({ day: a.lo, precision: a.precision, dir, cue, ref, sentenceRef, sentence });
          const v2: string | null = cmpDay(a.lo, a.hi) === 0 ? v1 : resolve({ day: a.hi, precision: a.precision, dir, cue, ref, sentenceRef, sentence });
          value = v1 != null && v1 === v2 ? v1 : null;
        } else if (c.anaphoric && ref) {
          value = resolve({ day: { y: 0, m: 1, d: 1 }, precision: 'none', dir, cue, ref, sentenceRef, sentence });
        } else value = null;
        if (value == null) {
          value = placeholder;
          resolved = false;
        }
      }
      const described = value != null ? describeValue(value) : { precision: null, earliest: null, latest: null };
      const isDate = c.type === 'DATE' || c.type === 'TIME';
      const mention: TimeMention = {
        text: original.slice(c.start, c.end),
        start: c.start,
        end: c.end,
        type: c.type,
        value,
        precision: isDate ? described.precision : null,
        earliest: isDate && resolved ? described.earliest : null,
        latest: isDate && resolved ? described.latest : null,
        relative,
        resolved,
      };
      out.push(mention);
      if (isDate && resolved && !c.noRef && isDateValue(value)) ref = { value, start: c.start, sentence };
    }
  }
  return out;
}
