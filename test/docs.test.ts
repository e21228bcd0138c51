/** The docs say what the code does: every removal reason the cleaner records is explained in docs/report.md. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REASONS } from '../src/clean/index.ts';

const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'report.md'), 'utf8');

describe('docs/report.md', () => {
  it.each(Object.values(REASONS))('explains the removal reason %s', (reason) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${reason}\` \\|`, 'm'));
  });
});
