/**
 * `storyline eval briefing --format basil PATH`: properties of the briefing on BASIL, whose every
 * story is one event reported by three outlets (Fox News, The New York Times, HuffPost). There is
 * no gold briefing; what a user needs from one is checked instead (the bar):
 *  - `citesTwoOutlets`: share of stories whose briefing cites at least two of the three outlets;
 *  - `unsupportedFigures`: numbers in briefings that none of the story's articles contains (must be 0);
 *  - `disputesFlagged`: share of stories with a conflicting figure whose briefing says so;
 *  - `maxWords`: the longest briefing.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { reconcileStory } from '../reconcile/index.ts';
import type { StoryArticle } from '../reconcile/index.ts';
import { analyseText } from '../understand/index.ts';
import { walk } from './clustering.ts';

export interface BriefingEval {
  task: 'briefing';
  format: 'basil';
  items: number;
  citesTwoOutlets: number;
  unsupportedFigures: number;
  storiesWithDisputes: number;
  disputesFlagged: number;
  maxWords: number;
  meanWords: number;
  storiesPerSecond: number;
  /** Stories that fail a property, for error analysis. */
  failures: Array<{ story: string; property: string; detail: string }>;
}

interface BasilDoc {
  'triplet-uuid': string;
  source?: string;
  title?: string;
  date?: string;
  'body-paragraphs'?: string[][];
}

/**
 * Numbers as written ("1,200", "3.5", "12"). Dates the timeline resolved are set apart: the briefing
 * writes them in ISO form (`2024-06`, or `(2012)` after a sentence that says "last year"), and the
 * timeline tests check them against the text.
 */
export function numbersIn(text: string): string[] {
  return text.replace(/\b\d{4}(?:-\d{2}){1,2}\b|\(\d{4}\)/g, '').match(/\d[\d,.]*\d|\d/g) ?? [];
}

export function evalBriefing(dir: string): BriefingEval {
  const stories = new Map<string, StoryArticle[]>();
  for (const p of walk(dir).filter((f) => f.endsWith('.json'))) {
    const d = JSON.parse(readFileSync(p, 'utf8')) as BasilDoc;
    const text = (d['body-paragraphs'] ?? []).map((para) => para.join(' ')).join('\n\n');
    const day = d.date ? d.date.slice(0, 10) : null;
    const published = day ? { value: day, earliest: day, latest: day, basis: 'explicit' as const, evidence: 'BASIL date' } : { value: null, earliest: null, latest: null, basis: 'unknown' as const, evidence: null };
    const a: StoryArticle = { id: basename(p, '.json'), text, title: d.title ?? null, outlet: d.source ?? null, source: p, published, analysis: analyseText(text, published) };
    stories.set(d['triplet-uuid'], [...(stories.get(d['triplet-uuid']) ?? []), a]);
  }
  const t0 = performance.now();
  const failures: BriefingEval['failures'] = [];
  let two = 0;
  let unsupported = 0;
  let withDisputes = 0;
  let flagged = 0;
  let maxWords = 0;
  let words = 0;
  for (const [uuid, articles] of [...stories].sort((a, b) => a[0].localeCompare(b[0]))) {
    articles.sort((a, b) => a.id.localeCompare(b.id));
    const quotes = articles.flatMap((a) => (a.analysis?.quotes ?? []).map((q) => ({ speaker: q.speaker, text: q.text, via: q.via, direct: q.direct, articleId: a.id })));
    const r = reconcileStory(articles, quotes);
    const outletOf = new Map(articles.map((a) => [a.id, a.outlet ?? a.id]));
    const cited = new Set(r.briefing.flatMap((b) => b.articleIds.map((id) => outletOf.get(id))));
    if (cited.size >= Math.min(2, new Set(outletOf.values()).size)) two++;
    else failures.push({ story: uuid, property: 'citesTwoOutlets', detail: `cites ${[...cited].join(', ') || 'nothing'}` });
    const all = articles.map((a) => a.text).join(' ');
    const text = r.briefing.map((b) => b.text).join(' ');
    for (const n of numbersIn(text)) {
      if (all.includes(n)) continue;
      unsupported++;
      failures.push({ story: uuid, property: 'unsupportedFigures', detail: n });
    }
    if (r.claims.some((c) => c.status === 'conflicting' && c.kind === 'figure')) {
      withDisputes++;
      if (r.briefing.some((b) => /\bdisagree\b/.test(b.text))) flagged++;
      else failures.push({ story: uuid, property: 'disputesFlagged', detail: r.claims.filter((c) => c.status === 'conflicting').map((c) => c.measure).join('; ') });
    }
    const n = text.split(/\s+/).filter(Boolean).length;
    maxWords = Math.max(maxWords, n);
    words += n;
  }
  const seconds = (performance.now() - t0) / 1000;
  const items = stories.size;
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    task: 'briefing',
    format: 'basil',
    items,
    citesTwoOutlets: round(two / Math.max(1, items)),
    unsupportedFigures: unsupported,
    storiesWithDisputes: withDisputes,
    disputesFlagged: withDisputes ? round(flagged / withDisputes) : 1,
    maxWords,
    meanWords: Math.round(words / Math.max(1, items)),
    storiesPerSecond: Math.round((items / seconds) * 10) / 10,
    failures,
  };
}
