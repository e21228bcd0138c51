/**
 * `storyline eval dates --format htmldate FILE`: publication dates from HTML, scored as htmldate's
 * own evaluation does (../shared/data/README.md): only the HTML is given (never the URL); the exact
 * day right → TP, a wrong date → FP, no date → FN; P = TP/(TP+FP), R = TP/(TP+FN),
 * F = 2TP/(2TP+FP+FN), accuracy = TP / items. An entry whose gold is not a date (the set has one
 * `NaN`) counts as a miss that can never be right.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { datePage, prepare, readPage } from '../pipeline/index.ts';

export type DatesFormat = 'htmldate';
export const DATES_FORMATS: readonly DatesFormat[] = ['htmldate'];

/** Python's JSON writer emits bare NaN; JSON.parse rejects it. Quote it so the file reads. */
function parseTolerant(text: string): Record<string, { file: string; date: unknown }> {
  return JSON.parse(text.replace(/:\s*NaN\b/g, ': null'));
}

/** The publication day Storyline gives a page, or null when it gives none to the day. */
export function pageDate(html: Uint8Array, id: string): string | null {
  const prepared = prepare({ source: id, kind: 'html', bytes: html });
  if (!prepared.ok) return null;
  // A page whose body the cleaner rejects (a gallery, a video page, a stub) is no article, but its
  // markup may still date it: the date is read from the metadata stages alone.
  const result = readPage(prepared.page);
  const value = result.ok ? result.articles[0]!.published.value : datePage(prepared.page).value;
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

export function evalDates(path: string) {
  const entries = parseTolerant(readFileSync(path, 'utf8'));
  const base = dirname(path);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let items = 0;
  let seconds = 0;
  for (const [url, entry] of Object.entries(entries)) {
    items++;
    const file = ['test_set', 'eval', 'cache'].map((d) => join(base, d, entry.file)).find((p) => existsSync(p));
    const gold = typeof entry.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(entry.date) ? entry.date : null;
    if (!file) {
      fn++;
      continue;
    }
    const t = performance.now();
    const found = pageDate(readFileSync(file), url);
    seconds += (performance.now() - t) / 1000;
    if (found === null) fn++;
    else if (found === gold) tp++;
    else fp++;
  }
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    task: 'dates',
    format: 'htmldate',
    items,
    precision: round(tp + fp ? tp / (tp + fp) : 0),
    recall: round(tp + fn ? tp / (tp + fn) : 0),
    f1: round(2 * tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 0),
    accuracy: round(items ? tp / items : 0),
    pagesPerSecond: +(items / Math.max(seconds, 1e-9)).toFixed(1),
  };
}
