/**
 * Builds the report (contract version 1, docs/report.md) from the store. A report is
 * self-contained: it holds the stories its articles belong to, and every article those stories
 * list, so every id in it resolves inside it.
 */
import type { InputError } from '../analyze/index.ts';
import { groupMentions } from '../entities/index.ts';
import { reconcileStory } from '../reconcile/index.ts';
import type { Store, StoredArticle, StoredStory } from '../store/index.ts';
import {
  REPORT_VERSION,
  type Quote,
  type Report,
  type ReportArticle,
  type ReportFigure,
  type ReportMention,
  type ReportStory,
  type ReportSummary,
  type ReportTime,
  type ProvenanceEntry,
} from './schema.ts';

export interface BuildOptions {
  /** Words of each story's briefing at most (default 250). */
  words?: number;
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
  const byId = new Map(articles.map((a) => [a.id, a]));
  const reportById = new Map(reportArticles.map((a) => [a.id, a]));
  const reportStories = stories.map((s) => {
    const members = s.articleIds.map((id) => byId.get(id)).filter((a): a is StoredArticle => a !== undefined);
    const story = toReportStory(s, members, options);
    // Each article's mentions name the story entity they belong to (for highlighting).
    for (const [id, mentions] of story.mentionsOf) {
      const a = reportById.get(id);
      if (a) a.mentions = mentions;
    }
    return story.story;
  });
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
    times: (a.analysis?.times ?? []).map(
      (t): ReportTime => ({ text: t.text, start: t.start, end: t.end, type: t.type, value: t.value, precision: t.precision, earliest: t.earliest, latest: t.latest, relative: t.relative, resolved: t.resolved }),
    ),
    figures: (a.analysis?.figures ?? []).map(({ sentence: _sentence, ...f }): ReportFigure => f),
    // Filled per story (the entity a mention belongs to is a story-level decision): see assemble().
    mentions: [],
  };
}

/**
 * A story of the report, with what its articles say merged: entities (variants of one name merged
 * across articles) and quotes in article order. Returns each article's mentions too, labelled with
 * the story entity they belong to.
 */
export function toReportStory(s: StoredStory, members: StoredArticle[] = [], options: Pick<BuildOptions, 'words'> = {}): { story: ReportStory; mentionsOf: Map<string, ReportMention[]> } {
  const docs = members.map((a) => ({ id: a.id, mentions: a.analysis?.entities ?? [] }));
  const { entities, entityOf } = groupMentions(docs);
  const mentionsOf = new Map<string, ReportMention[]>();
  docs.forEach((d, i) => {
    const out: ReportMention[] = [];
    d.mentions.forEach((m, j) => {
      const e = entities[entityOf[i]![j]!];
      if (e) out.push({ text: m.text, start: m.start, end: m.end, type: m.type, entity: e.name });
    });
    mentionsOf.set(d.id, out);
  });
  // A speaker is named as its story entity ("Kim Jong-un" in one article, "Kim Jong Un" in another
  // are one speaker): by the entity mention at the speaker's words, else by the name.
  const entityByName = new Map<string, string>();
  for (const e of entities) for (const n of [e.name, ...e.aliases]) if (!entityByName.has(n.toLowerCase())) entityByName.set(n.toLowerCase(), e.name);
  const quotes: Quote[] = [];
  for (const a of members) {
    const seen = new Set<string>();
    const mentions = mentionsOf.get(a.id) ?? [];
    for (const q of a.analysis?.quotes ?? []) {
      const key = `${q.start}:${q.end}`;
      if (seen.has(key)) continue; // one span reported twice (as a quote and as a partial of its clause)
      seen.add(key);
      let speaker = q.speaker;
      if (speaker) {
        const at = q.speakerStart !== null && q.speakerEnd !== null ? mentions.find((m) => m.start < q.speakerEnd! && q.speakerStart! < m.end) : undefined;
        speaker = at && at.text.toLowerCase() === (q.speakerMention ?? '').toLowerCase() ? at.entity : (entityByName.get(speaker.toLowerCase()) ?? speaker);
      }
      const via = q.via ? (entityByName.get(q.via.replace(/^the\s+/i, '').toLowerCase()) ?? q.via) : null;
      quotes.push({ speaker, text: q.text, articleId: a.id, via, direct: q.direct, partial: q.partial, cue: q.cue, speakerMention: q.speakerMention, start: q.start, end: q.end });
    }
  }
  const reconciled = reconcileStory(
    members.map((a) => ({ id: a.id, text: a.text, title: a.title, outlet: a.outlet, source: a.source, published: a.published, analysis: a.analysis ?? null })),
    quotes.map((q) => ({ speaker: q.speaker, text: q.text, via: q.via, direct: q.direct, articleId: q.articleId })),
    { words: options.words },
  );
  const story: ReportStory = {
    id: s.id,
    title: s.title,
    articleIds: s.articleIds,
    entities: entities.map((e) => ({ name: e.name, type: e.type, aliases: e.aliases, role: e.role, mentions: e.mentions, articleIds: e.articleIds })),
    quotes,
    claims: reconciled.claims,
    events: reconciled.events,
    briefing: reconciled.briefing,
    voice: reconciled.voice,
    provenance: mergeChannels(reconciled.provenance, (c) => entityByName.get(c.replace(/^the\s+/i, '').toLowerCase()) ?? c),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    mergedFrom: s.mergedFrom,
  };
  return { story, mentionsOf };
}

/** Provenance entries naming one entity ("KCNA", "Korean Central News Agency") as one channel. */
function mergeChannels(entries: ProvenanceEntry[], name: (channel: string) => string): ProvenanceEntry[] {
  const out = new Map<string, ProvenanceEntry>();
  for (const e of entries) {
    const channel = name(e.channel);
    const into = out.get(channel.toLowerCase());
    if (!into) {
      out.set(channel.toLowerCase(), { ...e, channel, articleIds: [...e.articleIds], sentences: [...e.sentences] });
      continue;
    }
    into.quotes += e.quotes;
    for (const id of e.articleIds) if (!into.articleIds.includes(id)) into.articleIds.push(id);
    for (const x of e.sentences) if (into.sentences.length < 3 && !into.sentences.some((y) => y.text === x.text)) into.sentences.push(x);
  }
  return [...out.values()].sort((a, b) => b.articleIds.length - a.articleIds.length || b.quotes - a.quotes || a.channel.localeCompare(b.channel));
}
