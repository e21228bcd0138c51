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

/**
 * EXPECTED.md section 5: one entity each, with the variants merged into it — as
 * `[name, variants, type]`. The entity extractor's tests and the report's tests both check it.
 */
export const SEED_ENTITIES = [
  ['Kim Jong Un', ['Kim Jong-un', 'Kim'], 'person'],
  ['Vladimir Putin', ['Putin'], 'person'],
  ['North Korea', ['DPRK', 'Pyongyang'], 'place'],
  ['Russia', ['Russian Federation', 'Moscow'], 'place'],
  ['Korean Central News Agency', ['KCNA'], 'organization'],
  ['Center for Advanced Defense Studies', ['C4ADS'], 'organization'],
  ['Volodymyr Zelenskyy', [], 'person'],
  ['Andrei Belousov', [], 'person'],
  ['Sergei Shoigu', ['Shoigu'], 'person'],
  ['Alexei Krivoruchko', [], 'person'],
  ['Bashar al-Assad', [], 'person'],
  ['Shin Won-sik', [], 'person'],
  ['Oleksandr Syrskyi', [], 'person'],
  ['TASS', [], 'organization'],
  ['Reuters', [], 'organization'],
  ['Kursk region', ['Kursk'], 'place'],
] as const;
