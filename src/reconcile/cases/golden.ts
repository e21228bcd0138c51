/**
 * Golden cases for claim reconciliation: `cases/<slug>/input.json` holds a few short articles we
 * wrote ({ id, published, duplicateOf?, text }); the articles go through the real understand stage
 * and the claims come out summarised in `expected.json`. `UPDATE=1` rewrites the expected files
 * (review the diff); `npx tsx scripts/new-claims-case.ts <slug>` starts a new case.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PublishedDate } from '../../article/article.ts';
import { analyseText } from '../../understand/index.ts';
import { reconcileFigures } from '../claims.ts';
import { buildTimeline } from '../timeline.ts';
import type { StoryArticle } from '../types.ts';

export const DIR = fileURLToPath(new URL('.', import.meta.url));
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface CaseArticle {
  id: string;
  published: string | null;
  duplicateOf?: string;
  text: string;
}

export function listCases(): string[] {
  return readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

export function readInput(slug: string): { note?: string; articles: CaseArticle[] } {
  return JSON.parse(readFileSync(join(DIR, slug, 'input.json'), 'utf8'));
}

export function readExpected(slug: string): unknown {
  const p = join(DIR, slug, 'expected.json');
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null;
}

export function writeExpected(slug: string, value: unknown): void {
  writeFileSync(join(DIR, slug, 'expected.json'), `${JSON.stringify(value, null, 2)}\n`);
}

function published(day: string | null): PublishedDate {
  return day ? { value: day, earliest: day, latest: day, basis: 'explicit', evidence: 'case input' } : { value: null, earliest: null, latest: null, basis: 'unknown', evidence: null };
}

export function runCase(input: { articles: CaseArticle[] }): unknown {
  const articles: StoryArticle[] = input.articles.map((a) => ({
    id: a.id,
    text: a.text,
    title: null,
    outlet: null,
    source: `${a.id}.txt`,
    published: published(a.published),
    analysis: analyseText(a.text, published(a.published)),
    duplicateOf: a.duplicateOf ?? null,
  }));
  const claims = [...reconcileFigures(articles), ...buildTimeline(articles).dateClaims];
  return claims.map((c) => ({
    measure: c.measure,
    kind: c.kind,
    status: c.status,
    values: c.values.map((v) => ({
      text: v.text,
      low: v.low,
      high: v.high,
      attribution: v.attribution,
      period: v.period,
      articleIds: v.articleIds,
      ...(v.derived ? { derived: v.derived } : {}),
      ...(v.increment ? { increment: true } : {}),
    })),
  }));
}
