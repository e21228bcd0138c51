/**
 * Sentence context for resolving a mention: sentence spans (the shared splitter, nlp/sentences.ts)
 * and the tense around a mention (a scan of its sentence only, cached), the way HeidelTime looks
 * at the nearest verb before the expression, then after it.
 */

import { lineBounds, paragraphSentences } from '../nlp/index.ts';

export type Tense = 'past' | 'present' | 'future';

const PAST_WORDS = new Set(
  ('was were had did said told took gave sent began came went saw made met held led left kept won lost fell rose '
    + 'paid spent brought bought thought found became wrote spoke struck fought sought stood ran shot hit cut put '
    + 'knew grew drew threw flew blew ate sat sold got felt meant heard hid built broke chose drove rode woke wore '
    + 'stole swore tore froze forgot forgave understood withdrew overtook undertook ago yesterday').split(' '),
);
const PRESENT_WORDS = new Set('is are am says say does do has have remains seems appears'.split(' '));
const FUTURE_WORDS = new Set(
  'will shall ll wo gonna upcoming scheduled slated tomorrow would can may might must should plan plans planning intend intends expect expects expected hope hopes'.split(' '),
);
/** -ed words that are not past tenses. */
const NOT_PAST = new Set(
  ('need speed hundred indeed red bed shed seed feed breed proceed exceed succeed united limited based related '
    + 'interested detailed advanced armed so-called alleged supposed used scheduled expected planned concerned intended unspecified').split(' '),
);

/** Before these, a participle is not a past tense ("will be paid", "has been extended"). */
const AUXILIARIES = new Set('be been being is are am will would shall to has have get gets got'.split(' '));
const DETERMINERS = new Set('the a an its their his her our this that these those'.split(' '));

interface Sentence {
  start: number;
  end: number;
  /** Tense cues in the sentence: offset and tense, in text order (computed on first use). */
  cues?: Array<[number, Tense]>;
}

export class TextContext {
  readonly text: string;
  private readonly sentences: Sentence[] = [];

  constructor(text: string) {
    this.text = text;
    for (const line of lineBounds(text)) paragraphSentences(text, line.start, line.end, (start, end) => this.sentences.push({ start, end }));
    if (this.sentences.length === 0) this.sentences.push({ start: 0, end: text.length });
  }

  /** Index of the sentence holding offset `pos` (binary search). */
  sentenceIndex(pos: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.sentences[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  sentence(pos: number): { start: number; end: number } {
    const s = this.sentences[this.sentenceIndex(pos)]!;
    return { start: s.start, end: s.end };
  }

  private cues(s: Sentence): Array<[number, Tense]> {
    if (s.cues) return s.cues;
    const cues: Array<[number, Tense]> = [];
    const chunk = this.text.slice(s.start, s.end);
    const WORD = /[A-Za-z]+(?:[-'][A-Za-z]+)*/g;
    let prev = '';
    let prev2 = '';
    for (const m of chunk.matchAll(WORD)) {
      const w = m[0].toLowerCase();
      if (m[0] === 'May' || m[0] === 'MAY') {
        prev2 = prev;
        prev = w;
        continue;
      }
      const at = s.start + m.index!;
      let tense: Tense | null = null;
      if (FUTURE_WORDS.has(w) || w.endsWith("'ll") || w === "won't") tense = 'future';
      else if ((w === 'to' && (prev === 'is' || prev === 'are')) || (w === 'be' && prev === 'to')) tense = 'future';
      else if (w === 'to' && (prev === 'going' || ((prev === 'set' || prev === 'due' || prev === 'poised' || prev === 'expected' || prev === 'plans' || prev === 'plan' || prev === 'planning' || prev === 'intends' || prev === 'aims') && prev2 !== 'was' && prev2 !== 'were'))) tense = 'future';
      else if (PAST_WORDS.has(w) && !AUXILIARIES.has(prev)) tense = 'past';
      else if (PRESENT_WORDS.has(w)) tense = 'present';
      else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed') && !NOT_PAST.has(w) && !AUXILIARIES.has(prev) && !DETERMINERS.has(prev)) tense = 'past';
      if (tense) cues.push([at, tense]);
      prev2 = prev;
      prev = w;
    }
    s.cues = cues;
    return cues;
  }

  /** The tense of the nearest cue before [start, end) in its sentence, else the nearest after, else null. */
  tenseAt(start: number, end: number): Tense | null {
    return this.cueAt(start, end)?.[1] ?? null;
  }

  /** The cue `tenseAt` goes by: its offset and tense. */
  cueAt(start: number, end: number): [number, Tense] | null {
    const s = this.sentences[this.sentenceIndex(start)]!;
    const cues = this.cues(s);
    let before: [number, Tense] | null = null;
    for (const cue of cues) {
      if (cue[0] < start) before = cue;
      else if (cue[0] >= end) return before ?? cue;
    }
    return before;
  }
}
