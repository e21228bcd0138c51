/**
 * Test helpers for the web app (test-only, imported by *.test.ts): a real embedded store in a
 * temporary folder, the seed corpus analysed into it, and hostile articles that try to run script.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeInputs, analyzePaths } from '../analyze/index.ts';
import { recordItem, type ReadItem } from '../read/index.ts';
import type { Report, ReportArticle, ReportStory } from '../report/schema.ts';
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

const A1 = 'a1111111111111111';
const A2 = 'a2222222222222222';
const S1 = 's1111111111111111';
const EVIL = '<script>window.__xss=1</script>';
/** Ids and the payload of the hand-made report, for assertions. */
export const FILLED = { A1, A2, S1, EVIL };

function reportArticle(id: string, over: Partial<ReportArticle> = {}): ReportArticle {
  return {
    id, source: `fixtures/${id}.txt`, parentId: null, title: `Title of ${id}`, titleDerived: false,
    published: { value: null, earliest: null, latest: null, basis: 'unknown', evidence: null }, language: 'en', text: 'Text.',
    removed: [], url: null, outlet: null, storyId: S1, diagnostics: [], ...over,
  };
}

const story: ReportStory = {
  id: S1,
  title: `Harbour bridge ${EVIL}`,
  articleIds: [A1, A2],
  entities: [
    { name: 'Mara Vell', type: 'person', aliases: ['Vell', `M. Vell ${EVIL}`], role: 'mayor of Varnaton', mentions: 4 },
    { name: 'Varnaton Council', type: 'organization', aliases: [], role: null, mentions: 2 },
  ],
  quotes: [
    { speaker: 'Mara Vell', text: 'The bridge will reopen in June', articleId: A1, via: 'Coast Wire', direct: true },
    { speaker: 'Mara Vell', text: 'repairs were overdue', articleId: A2, via: null, direct: false },
    { speaker: null, text: `Nobody told us ${EVIL}`, articleId: A2, via: null, direct: true },
  ],
  claims: [
    {
      measure: 'Cost of the repairs', status: 'conflicting',
      values: [
        { text: 'about 2 million euros', low: 2_000_000, high: 2_000_000, unit: 'euros', approx: true, attribution: 'the mayor', period: '2025', articleIds: [A1] },
        { text: 'nearly 5 million euros', low: null, high: 5_000_000, unit: 'euros', approx: true, attribution: `engineers ${EVIL}`, period: null, articleIds: [A2] },
      ],
    },
    { measure: 'Weeks of closure', status: 'corroborated', values: [{ text: 'six weeks', low: 6, high: 6, unit: 'weeks', approx: false, attribution: null, period: 'summer 2025', articleIds: [A1, A2] }] },
  ],
  events: [
    { date: '2025-03-11', earliest: '2025-03-11', latest: '2025-03-11', summary: 'The council votes to repair the bridge.', articleIds: [A1] },
    { date: '2024', earliest: '2024-01-01', latest: '2024-12-31', summary: 'Inspectors find the deck rotting.', articleIds: [A2] },
    { date: '2025-06', earliest: '2025-06-01', latest: '2025-06-30', summary: `The bridge reopens ${EVIL}`, articleIds: [A1, A2] },
    { date: null, earliest: null, latest: null, summary: 'The mayor sends a telegram to the engineers.', articleIds: [A2] },
  ],
  briefing: [
    { text: 'Varnaton is repairing its harbour bridge.', articleIds: [A1] },
    { text: `The cost is disputed ${EVIL}.`, articleIds: [A1, A2] },
  ],
  createdAt: '2025-06-18T09:30:00.000Z',
  updatedAt: '2025-06-18T09:30:00.000Z',
  mergedFrom: [],
};

/**
 * A report whose story has every analysis section filled (the pipeline leaves them empty for now),
 * with markup in the data, for the page renderers and the browser.
 */
export const FILLED_REPORT: Report = {
  version: 1,
  generatedAt: '2025-06-18T09:30:00.000Z',
  summary: { inputs: 2, analysed: 2, unchanged: 0, failed: 0, articles: 2, stories: 1 },
  articles: [
    reportArticle(A1, { outlet: 'Coast Herald', url: 'https://example.org/bridge', published: { value: '2025-03-14', earliest: '2025-03-14', latest: '2025-03-14', basis: 'explicit', evidence: 'Published 14 March 2025' } }),
    reportArticle(A2, { title: `Engineers ${EVIL}`, outlet: `Valley <b>Post</b>`, url: 'javascript:alert(1)' }),
  ],
  stories: [story],
  errors: [],
};
