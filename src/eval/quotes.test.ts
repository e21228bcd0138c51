import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../test/seeds.ts';
import {
  TokenIndex,
  evalQuotes,
  goldAntecedent,
  isDirect,
  loadQuotesDir,
  namedSourceBefore,
  namedSources,
  pairUp,
  parseBrat,
  quotedRegions,
  sameName,
  scoreDoc,
  systemAttributions,
} from './quotes.ts';
import { extractQuotes } from '../quotes/index.ts';
import type { QuoteMention } from '../quotes/index.ts';

// A tiny document in the PolNeAR layout, written for these tests.
const TEXT = [
  'Maria Lopez met the mayor on Monday.',
  '',
  '“We will win,” said Maria Lopez. “There is no doubt.”',
  '',
  'Officials said the bridge would reopen next week.',
  '',
  '“It was a good day,” she said.',
].join('\n');

const span = (s: string, from = 0) => {
  const at = TEXT.indexOf(s, from);
  if (at < 0) throw new Error(`not in text: ${s}`);
  return `${at} ${at + s.length}`;
};

const ANN = [
  `T1\tContent ${span('“We will win,”')};${span('“There is no doubt.”')}\t“We will win,” “There is no doubt.”`,
  `T2\tSource ${span('Maria Lopez', 40)}\tMaria Lopez`,
  `T3\tCue ${span('said')}\tsaid`,
  'E1\tAttribution:T9 Content:T1 Cue:T3 Source:T2',
  `T4\tSource ${span('Officials')}\tOfficials`,
  `T5\tCue ${span('said', TEXT.indexOf('Officials'))}\tsaid`,
  `T6\tContent ${span('the bridge would reopen next week')}\tthe bridge would reopen next week`,
  'E2\tAttribution:T10 Content:T6 Cue:T5 Source:T4',
  `T7\tContent ${span('“It was a good day,”')}\t“It was a good day,”`,
  `T8\tSource ${span('she')}\tshe`,
  'E3\tAttribution:T11 Content:T7 Source:T8',
].join('\n');

describe('reading brat standoff', () => {
  const gold = parseBrat(ANN, TEXT);

  it('reads attributions with discontinuous spans and missing roles', () => {
    expect(gold).toHaveLength(3);
    expect(gold[0]!.content.parts).toHaveLength(2);
    expect(gold[0]!.source?.text).toBe('Maria Lopez');
    expect(gold[2]!.cue).toBeNull();
  });

  it('calls content direct when its tokens are in quotation marks', () => {
    expect(gold.map((g) => g.direct)).toEqual([true, false, true]);
    const text = 'He said Seoul “has nothing to worry about” and “that is all.”';
    const idx = new TokenIndex(text);
    const quoted = idx.tokens(quotedRegions(text));
    const at = (s: string): [number, number] => [text.indexOf(s), text.indexOf(s) + s.length];
    expect(isDirect(idx, quoted, [at('Seoul “has nothing to worry about”')])).toBe(false);
    expect(isDirect(idx, quoted, [at('“that is all.”')])).toBe(true);
  });

  it('finds quoted regions with curly, straight and doubled-apostrophe marks', () => {
    const text = `“a b” c "d" ''e'' f`;
    expect(quotedRegions(text).map(([s, e]) => text.slice(s, e))).toEqual(['“a b”', '"d"', "''e''"]);
  });
});

describe('matching', () => {
  it('pairs spans one-to-one when their token-overlap F1 is at least 0.5', () => {
    const text = 'one two three four five six seven eight';
    const idx = new TokenIndex(text);
    const r = (a: string): [number, number] => [text.indexOf(a), text.indexOf(a) + a.length];
    expect(pairUp(idx, [[r('one two three')], [r('six seven')]], [[r('one two three four')], [r('five six seven eight')]])).toEqual([[0, 0], [1, 1]]);
    expect(pairUp(idx, [[r('one')]], [[r('one two three four')]])).toEqual([]);
  });

  it('compares names by a shared name word', () => {
    expect(sameName('Donald Trump', 'Mr. Trump')).toBe(true);
    expect(sameName('Vladimir Putin', 'Russian President Vladimir Putin')).toBe(true);
    expect(sameName('Hillary Clinton', 'Sanders')).toBe(false);
  });

  it('resolves a pronoun gold source by the annotation chain, else the closest person name', () => {
    const gold = parseBrat(ANN, TEXT);
    const named = namedSources(gold, TEXT);
    expect(namedSourceBefore(TEXT, named, TEXT.indexOf('she'))).toBe('Maria Lopez');
    const text = 'Anna Kowalski met the Iowa mayor. “Fine,” she said.';
    expect(goldAntecedent(text, text.indexOf('she'), 'she', quotedRegions(text))).toBe('Anna Kowalski');
  });

  it('scores mentions sharing a cue as one attribution', () => {
    const ms = extractQuotes(TEXT);
    const sys = systemAttributions(ms);
    const lopez = sys.find((s) => s.speaker === 'Maria Lopez')!;
    expect(lopez.parts).toHaveLength(2);
    const score = scoreDoc(TEXT, parseBrat(ANN, TEXT), ms);
    expect(score.all).toMatchObject({ contentTp: 3, sourceTp: 3, gold: 3 });
    expect(score.direct).toMatchObject({ contentTp: 2, sourceTp: 2, gold: 2 });
  });
});

describe('source-span F1 (README) against the joint attribution figure', () => {
  const text = 'Ruth Abel, who runs the clinic, said the wait was too long. “Beds are full,” she said.';
  const at = (s: string) => `${text.indexOf(s)} ${text.indexOf(s) + s.length}`;
  const ann = [
    `T1\tSource ${at('Ruth Abel, who runs the clinic')}\tRuth Abel, who runs the clinic`,
    `T2\tContent ${at('the wait was too long')}\tthe wait was too long`,
    'E1\tAttribution:T9 Content:T2 Source:T1',
    `T3\tSource ${at('she')}\tshe`,
    `T4\tContent ${at('“Beds are full,”')}\t“Beds are full,”`,
    'E2\tAttribution:T8 Content:T4 Source:T3',
  ].join('\n');
  const gold = parseBrat(ann, text);
  const mention = (over: Partial<QuoteMention>): QuoteMention => ({
    text: '', start: 0, end: 0, direct: false, partial: false, clauseStart: 0, clauseEnd: 0, speaker: 'Ruth Abel', speakerStart: 0, speakerEnd: 9,
    speakerMention: 'Ruth Abel', sourceStart: 0, sourceEnd: 9, cue: 'said', cueStart: 0, cueEnd: 0, via: null, ...over,
  });
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const c1 = span('the wait was too long');
  const c2 = span('Beds are full,');
  const she = span('she');

  it('matches source spans on their own, overlap and exact, and a pronoun by its mention', () => {
    const whole = span('Ruth Abel, who runs the clinic');
    const ms = [
      mention({ ...c1, clauseStart: c1.start, clauseEnd: c1.end, cueStart: text.indexOf('said'), sourceEnd: whole.end }),
      mention({ ...c2, direct: true, clauseStart: c2.start, clauseEnd: c2.end, speakerStart: she.start, speakerEnd: she.end, sourceStart: she.start, sourceEnd: she.end, cueStart: text.lastIndexOf('said') }),
    ];
    const s = scoreDoc(text, gold, ms);
    expect(s.all).toMatchObject({ spanTp: 2, spanExactTp: 2, sysSpans: 2, goldSpans: 2, sourceTp: 2 });
    // Only the name, not its relative clause: an overlap match (2 of 6 tokens is F1 0.5), not exact.
    const short = scoreDoc(text, gold, [mention({ ...c1, clauseStart: c1.start, clauseEnd: c1.end, cueStart: 1 })]);
    expect(short.all).toMatchObject({ spanTp: 1, spanExactTp: 0 });
  });

  it('scores a source span even when the content is wrong, which the joint figure does not', () => {
    const wrong = span('was too long');
    const s = scoreDoc(text, gold, [mention({ start: text.indexOf('Ruth'), end: text.indexOf('Ruth') + 1, clauseStart: 0, clauseEnd: 1, sourceEnd: span('Ruth Abel, who runs the clinic').end, cueStart: wrong.start })]);
    expect(s.all).toMatchObject({ contentTp: 0, sourceTp: 0, spanTp: 1 });
  });
});

describe('evalQuotes on a directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-quotes-'));
  mkdirSync(join(dir, 'text'));
  mkdirSync(join(dir, 'attributions'));
  writeFileSync(join(dir, 'text', 'doc1.txt'), TEXT);
  writeFileSync(join(dir, 'attributions', 'doc1_aaa.ann'), ANN);
  writeFileSync(join(dir, 'attributions', 'doc1_bbb.ann'), 'E1\tAttribution:T1 Content:T2\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the first annotation file of a document and reports the contract fields', () => {
    expect(loadQuotesDir(dir)[0]).toMatchObject({ id: 'doc1', annotator: 'aaa' });
    const r = evalQuotes(dir);
    expect(r).toMatchObject({ task: 'quotes', items: 1 });
    expect(r.direct.source).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(r.f1).toBe(r.direct.source.f1);
    for (const k of ['content', 'source'] as const) {
      for (const m of ['precision', 'recall', 'f1'] as const) {
        expect(typeof r.all[k][m]).toBe('number');
        expect(typeof r.all.exact[k][m]).toBe('number');
      }
    }
    expect(r.all.attribution.f1).toBe(1);
    expect(r.msPerDoc).toBeGreaterThanOrEqual(0);
  });
});

const POLNEAR = join(SHARED_DATA, 'quotes', 'polnear-train');
describe.skipIf(!existsSync(POLNEAR))(`eval quotes on PolNeAR train (../shared)${existsSync(POLNEAR) ? '' : ` (skipped: ${POLNEAR} not found)`}`, () => {
  it('keeps its scores (regression floors a little under the measured values)', () => {
    const r = evalQuotes(POLNEAR);
    expect(r.items).toBe(840);
    // Measured at fdc9f8e (docs/benchmarks.md): 0.905 / 0.881 / 0.677 / 0.704; joint 0.837 / 0.604.
    expect(r.direct.content.f1).toBeGreaterThanOrEqual(0.895);
    expect(r.direct.source.f1).toBeGreaterThanOrEqual(0.87);
    expect(r.all.content.f1).toBeGreaterThanOrEqual(0.665);
    expect(r.all.source.f1).toBeGreaterThanOrEqual(0.695);
    expect(r.direct.attribution.f1).toBeGreaterThanOrEqual(0.83);
    expect(r.all.attribution.f1).toBeGreaterThanOrEqual(0.59);
  });
});
