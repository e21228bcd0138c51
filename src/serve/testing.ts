/**
 * Test helpers for the web app (test-only, imported by *.test.ts): a real embedded store in a
 * temporary folder, the seed corpus analysed into it, and hostile articles that try to run script.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeInputs, analyzePaths } from '../analyze/index.ts';
import { recordItem, type ReadItem } from '../read/index.ts';
import { openStore, type Store } from '../store/index.ts';

export const SEEDS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'seeds');

export interface TempStore {
  store: Store;
  dir: string;
  dispose(): Promise<void>;
}

export async function tempStore(): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-web-'));
  const store = await openStore(join(dir, 'db'));
  return {
    store,
    dir,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Every way scraped text has tried to become markup: script in the text, an image with onerror
 * in the title, a javascript: URL, markup in the outlet name, an attribute break-out. Each payload
 * sets `window.__xss` (or opens a dialog) if it ever runs, which the browser test watches for.
 */
export const HOSTILE_TITLE = 'Harbour council <img src=x onerror="window.__xss=\'title\'"> approves <b>bridge</b> repairs';
export const HOSTILE_RECORD = {
  title: HOSTILE_TITLE,
  source: 'Gazette</title><script>window.__xss="outlet"</script>',
  url: 'javascript:window.__xss="url";alert(1)',
  published: '2025-03-14',
  text: [
    'The harbour council of Varnaton voted on Tuesday to repair the old swing bridge before the summer season.',
    'Residents had warned that <script>window.__xss="text";alert("xss")</script> the bridge deck was rotting, and the mayor said repairs would cost about 2 million euros.',
    'An engineer said "<img src=x onerror=alert(document.domain)>" was written on the inspection report as a joke, and that the "<a href=\'javascript:alert(1)\'>click</a>" link in the council minutes was a clerk\'s mistake.',
    'Work is due to start in May, the council said, and the bridge will be closed to cars for six weeks while "><svg onload=window.__xss="attr"> crews replace the deck.',
    // The cleaner removes this line as a newsletter prompt: removed parts are shown too, and must be as inert.
    'Subscribe to our newsletter <img src=x onerror="window.__xss=\'removed\'">',
  ].join('\n\n'),
};

export async function analyseRecords(store: Store, records: unknown[]): Promise<string[]> {
  const items: ReadItem[] = records.map((r, i) => recordItem(r, `test#${i + 1}`));
  async function* iterate() {
    for (const item of items) yield item;
  }
  const outcome = await analyzeInputs(store, iterate());
  if (outcome.errors.length) throw new Error(`fixture failed: ${outcome.errors.map((e) => e.reason).join('; ')}`);
  return outcome.articleIds;
}

export async function analyseSeeds(store: Store): Promise<void> {
  await analyzePaths(store, [SEEDS]);
}
