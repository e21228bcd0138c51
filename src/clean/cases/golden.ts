/**
 * Golden cases for the text cleaner, after mozilla/readability's test-pages: each folder here holds
 * `input.txt` (a scraped page dump, written for the case) and `expected.json` (the whole result of
 * `cleanText(input)` with default options). `../cases.test.ts` checks every folder; run it with
 * `UPDATE=1` to rewrite the expected files, then review the diff in git. `scripts/new-clean-case.ts`
 * adds a case.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanText, type TextCleanResult } from '../text.ts';

export const CASES_DIR = import.meta.dirname;
export const INPUT_FILE = 'input.txt';
export const EXPECTED_FILE = 'expected.json';
/** Case folder names: lower-case words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The case folders, sorted. */
export function listCases(dir = CASES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function readInput(slug: string, dir = CASES_DIR): string {
  return readFileSync(join(dir, slug, INPUT_FILE), 'utf8');
}

/** The expected result, or null when the case has none yet. */
export function readExpected(slug: string, dir = CASES_DIR): TextCleanResult | null {
  const path = join(dir, slug, EXPECTED_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as TextCleanResult) : null;
}

/** What the cleaner gives for a case's input now, with keys in a fixed order so diffs stay small. */
export function runCase(input: string): TextCleanResult {
  const r = cleanText(input);
  return { headline: r.headline, paragraphs: r.paragraphs, removed: r.removed, tail: r.tail, dateLines: r.dateLines };
}

export function formatExpected(result: TextCleanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function writeExpected(slug: string, result: TextCleanResult, dir = CASES_DIR): void {
  writeFileSync(join(dir, slug, EXPECTED_FILE), formatExpected(result));
}
