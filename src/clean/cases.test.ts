/**
 * Golden cases for the text cleaner (see cases/golden.ts): every folder in cases/ is cleaned and its
 * result compared with its expected.json. `UPDATE=1 npx vitest run src/clean/cases.test.ts` rewrites
 * the expected files instead; review the diff in git before committing it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS, hasSeeds } from '../../test/seeds.ts';
import { SLUG, listCases, readExpected, readInput, runCase, writeExpected } from './cases/golden.ts';

const UPDATE = process.env.UPDATE === '1';
const cases = listCases();

describe('text cleaner golden cases', () => {
  it('has cases, each named as a slug with an input', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const slug of cases) {
      expect(slug, 'folder name').toMatch(SLUG);
      expect(readInput(slug).trim(), `${slug}/input.txt`).not.toBe('');
    }
  });

  it.each(cases)('%s', (slug) => {
    const actual = runCase(readInput(slug));
    if (UPDATE) {
      writeExpected(slug, actual);
      return;
    }
    const expected = readExpected(slug);
    expect(expected, `${slug} has no expected.json: run with UPDATE=1 and review it`).not.toBeNull();
    expect(actual).toEqual(expected);
  });

  // Case inputs are written for the cases; the seed pages are third-party text and stay out of the repo.
  it.skipIf(!hasSeeds)('no case input copies a line of a seed page', () => {
    const seedLines = new Set(
      readdirSync(SEEDS)
        .filter((f) => f.endsWith('.txt'))
        .flatMap((f) => readFileSync(join(SEEDS, f), 'utf8').split('\n'))
        .map((l) => l.trim())
        .filter((l) => l.split(/\s+/).length >= 6),
    );
    for (const slug of cases) {
      for (const line of readInput(slug).split('\n')) expect(seedLines.has(line.trim()), `${slug}: ${line}`).toBe(false);
    }
  });
});

