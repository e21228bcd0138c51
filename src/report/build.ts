/**
 * Builds the report (contract version 1, docs/report.md) from the store. A report is
 * self-contained: it holds the stories its articles belong to, and every article those stories
 * list, so every id in it resolves inside it.
 */
import type { InputError } from '../analyze/index.ts';
import type { Store, StoredArticle, StoredStory } from '../store/index.ts';
import { REPORT_VERSION, type Report, type ReportArticle, type ReportStory, type ReportSummary } from './schema.ts';

export interface BuildOptions {
  errors?: InputError[];
  summary?: Partial<Pick<ReportSummary, 'inputs' | 'analysed' | 'unchanged' | 'failed'>>;
  now?: Date;
}

/** The report over the given articles (and the stories they are in). */
export async function buildReport(store: Store, articleIds: string[], options: BuildOptions = {}): Promise<Report> {
  const seed = await store.getArticles(articleIds);
  const storyIds = [...new Set(seed.map((a) => a.storyId).filter((s): s is string => s !== null))];
  const stories = await liveStories(store, storyIds);
  const memberIds = new Set<string>(articleIds);
  for (const s of stories) for (const id of s.articleIds) memberIds.add(id);
  const extra = await store.getArticles([...memberIds].filter((id) => !seed.some((a) => a.id === id)));
  return assemble([...seed, ...extra], stories, options);
}

/** The report for stories (all their articles). */
export async function buildStoryReport(store: Store, stories: StoredStory[], options: BuildOptions = {}): Promise<Report> {
  const articles = await store.getArticles(stories.flatMap((s) => s.articleIds));
  return assemble(articles, stories, options);
}

async function liveStories(store: Store, ids: string[]): Promise<StoredStory[]> {
  const out: StoredStory[] = [];
  for (const s of await store.getStories(ids)) out.push(s);
  // Ids merged away during the run resolve to their live story.
  for (const id of ids) {
    if (out.some((s) => s.id === id || s.mergedFrom.includes(id))) continue;
    const live = await store.getStory(id);
    if (live && !out.some((s) => s.id === live.id)) out.push(live);
  }
  return out;
}

function assemble(articles: StoredArticle[], stories: StoredStory[], options: BuildOptions): Report {
  const errors = options.errors ?? [];
  const reportArticles = articles.map(toReportArticle);
  const reportStories = stories.map(toReportStory);
  return {
    version: REPORT_VERSION,
    generatedAt: (options.now ?? new Date()).toISOString(),
    summary: {
      inputs: options.summary?.inputs ?? 0,
      analysed: options.summary?.analysed ?? 0,
      unchanged: options.summary?.unchanged ?? 0,
      failed: options.summary?.failed ?? errors.length,
      articles: reportArticles.length,
      stories: reportStories.length,
    },
    articles: reportArticles,
    stories: reportStories,
    errors: errors.map((e) => ({ path: e.path, reason: e.reason })),
  };
}

export function toReportArticle(a: StoredArticle): ReportArticle {
  return {
    id: a.id,
    source: a.source,
    parentId: a.parentId,
    title: a.title,
    titleDerived: a.titleDerived,
    published: a.published,
    language: a.language,
    text: a.text,
    removed: a.removed,
    url: a.url,
    outlet: a.outlet,
    storyId: a.storyId,
    diagnostics: a.diagnostics,
    // Addition: the text is cut off by a paywall or teaser (the store keeps it as a `clean:paywall` diagnostic).
    truncated: a.truncated ?? a.diagnostics.some((d) => d.origin === 'clean:paywall'),
  };
}

export function toReportStory(s: StoredStory): ReportStory {
  return {
    id: s.id,
    title: s.title,
    articleIds: s.articleIds,
    // Filled by the understanding and reconciliation stages (later issues); empty in v1.
    entities: [],
    quotes: [],
    claims: [],
    events: [],
    briefing: [],
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    mergedFrom: s.mergedFrom,
  };
}
