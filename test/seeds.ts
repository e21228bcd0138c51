/** Shared access to the seed corpus for tests: skips with a clear message when ../shared is absent. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SEEDS = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'seeds');
export const SHARED_DATA = join(import.meta.dirname, '..', '..', 'shared', 'data');
export const hasSeeds = existsSync(SEEDS);
export const SKIP_REASON = `../shared/corpus/seeds not found at ${SEEDS}: clone the project with ../shared beside it`;

/** The seed file whose name starts with `prefix` ("000", "004"). */
export function seedPath(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed file ${prefix}_*.txt in ${SEEDS}`);
  return join(SEEDS, name);
}

export function seedText(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}
