/**
 * Acceptance on the seed corpus (../shared/corpus/seeds/EXPECTED.md, section 2): relative dates are
 * resolved only against the publication date, keep their precision, and no day is invented.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PublishedDate } from '../article/article.ts';
import { tagTimes } from './index.ts';
import type { TimeMention } from './index.ts';

const SEEDS = fileURLToPath(new URL('../../../shared/corpus/seeds/', import.meta.url));
const SKIP = `shared seeds absent: ${SEEDS} (clone the project with ../shared beside it)`;

function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${prefix}_*.txt in ${SEEDS}`);
  return readFileSync(join(SEEDS, name), 'utf8');
}

/** The mention covering `word` inside the first occurrence of `phrase`. */
function at(text: string, mentions: TimeMention[], phrase: string, word: string): TimeMention {
  const p = text.indexOf(phrase);
  if (p < 0) throw new Error(`phrase not in seed: ${phrase}`);
  const w = p + phrase.indexOf(word);
  const m = mentions.find((x) => x.start <= w && x.end >= w + word.length);
  if (!m) throw new Error(`no mention for "${word}" in "${phrase}"`);
  return m;
}

const ANCHOR_004: PublishedDate = { value: '2025', earliest: '2025-04-01', latest: '2025-12-31', basis: 'inferred', evidence: 'cites April 2025 in the past tense' };
const ANCHOR_003: PublishedDate = { value: '2024-07-19', earliest: '2024-07-19', latest: '2024-07-19', basis: 'explicit', evidence: '6:56 AM EDT, July 19, 2024' };

describe('time expressions on the seed corpus (../shared)', () => {
  it('004: relative dates against a year-only anchor keep their precision', (ctx) => {
    if (!existsSync(SEEDS)) ctx.skip(SKIP);
    const text = seed('004');
    const ms = tagTimes(text, ANCHOR_004);
    expect(at(text, ms, 'In April, the two countries', 'April')).toMatchObject({ value: '2025-04', precision: 'month', resolved: true });
    expect(at(text, ms, 'to Russia last fall', 'last fall')).toMatchObject({ value: '2024-FA', precision: 'season', earliest: '2024-09-01', latest: '2024-11-30' });
    expect(at(text, ms, 'earlier this year', 'earlier this year')).toMatchObject({ value: '2025', precision: 'year' });
    expect(at(text, ms, 'in March for a meeting', 'March')).toMatchObject({ value: '2025-03', precision: 'month' });
    expect(at(text, ms, 'in April 2025 that', 'April 2025')).toMatchObject({ value: '2025-04', relative: false });
  });

  it('004: weekdays stay unresolved: no day is invented', (ctx) => {
    if (!existsSync(SEEDS)) ctx.skip(SKIP);
    const text = seed('004');
    const ms = tagTimes(text, ANCHOR_004);
    for (const [phrase, word] of [['in Pyongyang on Wednesday', 'Wednesday'], ['reported Thursday', 'Thursday'], ['reiterated Saturday', 'Saturday']] as const) {
      const m = at(text, ms, phrase, word);
      expect(m).toMatchObject({ resolved: false, earliest: null, latest: null });
      expect(m.value).toBe('XXXX-XX-XX');
    }
  });

  it('004: "1950-53" is a year range, never a bogus value', (ctx) => {
    if (!existsSync(SEEDS)) ctx.skip(SKIP);
    const text = seed('004');
    const p = text.indexOf('1950-53');
    const inRange = tagTimes(text, ANCHOR_004).filter((m) => m.start < p + 7 && m.end > p);
    expect(inRange.map((m) => m.value)).toEqual(['1950', '1953']);
  });

  it('003: "from August last year to January 2024" and "In June" against 2024-07-19', (ctx) => {
    if (!existsSync(SEEDS)) ctx.skip(SKIP);
    const text = seed('003');
    const ms = tagTimes(text, ANCHOR_003);
    expect(at(text, ms, 'from August last year to January 2024', 'August')).toMatchObject({ value: '2023-08', precision: 'month' });
    expect(at(text, ms, 'from August last year to January 2024', 'January 2024')).toMatchObject({ value: '2024-01', precision: 'month' });
    expect(at(text, ms, 'In June, dictator', 'June')).toMatchObject({ value: '2024-06', precision: 'month' });
    expect(at(text, ms, '6:56 AM EDT, July 19, 2024', '6:56 AM')).toMatchObject({ type: 'TIME', value: '2024-07-19T06:56' });
  });
});
