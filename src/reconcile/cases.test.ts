/**
 * Golden cases for claim reconciliation (see cases/golden.ts). `UPDATE=1 npx vitest run
 * src/reconcile/cases.test.ts` rewrites the expected files; review the diff before committing.
 */
import { describe, expect, it } from 'vitest';
import { SLUG, listCases, readExpected, readInput, runCase, writeExpected } from './cases/golden.ts';

const UPDATE = process.env.UPDATE === '1';
const cases = listCases();

describe('claim reconciliation golden cases', () => {
  it('has cases, each a slug with articles', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const slug of cases) {
      expect(slug).toMatch(SLUG);
      expect(readInput(slug).articles.length).toBeGreaterThan(0);
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
});
