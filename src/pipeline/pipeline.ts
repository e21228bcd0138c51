/**
 * The per-input pipeline: decode → clean → segment → metadata → understand. Pure apart from hashing: one raw
 * input in, its articles (the page and any stories split from it) out, or a reason it failed.
 * Grouping into stories needs the store and runs after this (see `group/`).
 */
import { createHash } from 'node:crypto';
import type { Article, RawInput } from '../article/article.ts';
import { UNKNOWN_DATE } from '../article/article.ts';
import { clean } from '../clean/index.ts';
import { decode } from '../decode/index.ts';
import { metadata } from '../metadata/index.ts';
import { segment } from '../segment/index.ts';
import { understand } from '../understand/index.ts';

export type AnalyseResult = { ok: true; articles: Article[] } | { ok: false; source: string; reason: string };

/** A page whose clean text has fewer words than this has no article (garbage bytes, a bare widget). */
export const MIN_ARTICLE_WORDS = 3;

/** Content address of an input: the same text gives the same id, whichever file or record it came in. */
export function articleId(content: string): string {
  return `a${createHash('sha256').update(content).digest('hex').slice(0, 16)}`;
}

export type PrepareResult = { ok: true; page: Article } | { ok: false; source: string; reason: string };

/** Runs every stage on one input: its page article first, then any stories split from it. */
export function analyse(input: RawInput): AnalyseResult {
  const prepared = prepare(input);
  return prepared.ok ? analysePage(prepared.page) : prepared;
}

/**
 * Decodes an input into its page article, not yet cleaned: cheap, and enough to know its id, so a
 * batch can skip inputs already stored before doing the expensive stages.
 */
export function prepare(input: RawInput): PrepareResult {
  let raw: string;
  const diagnostics: Article['diagnostics'] = [...(input.diagnostics ?? [])];
  if (input.content !== undefined) {
    raw = input.content.normalize('NFC').replace(/\r\n?/g, '\n');
  } else if (input.bytes) {
    const decoded = decode(input.bytes, { contentTypeHint: input.contentType ?? (input.kind === 'html' ? 'text/html' : 'text/plain') });
    if ('error' in decoded) return { ok: false, source: input.source, reason: decoded.error };
    raw = decoded.text;
    diagnostics.push(...decoded.diagnostics);
  } else {
    return { ok: false, source: input.source, reason: 'input has no content' };
  }
  if (!raw.trim()) return { ok: false, source: input.source, reason: 'no text in the input' };

  const page: Article = {
    id: articleId(raw),
    source: input.source,
    parentId: null,
    kind: input.kind,
    url: input.url ?? null,
    outlet: input.outlet ?? null,
    raw,
    title: null,
    titleDerived: false,
    published: UNKNOWN_DATE,
    language: null,
    text: '',
    removed: [],
    diagnostics,
    stated: {
      title: input.title?.trim() || null,
      dates: input.published ? [{ text: input.published, evidence: `published field of the input: ${input.published}` }] : [],
      language: null,
    },
  };
  return { ok: true, page };
}

/** The publication date of a page from cleaning and metadata alone, whether or not it holds an article. */
export function datePage(page: Article): Article['published'] {
  return metadata(clean(page).article).published;
}

/** The expensive stages: clean, segment, metadata, understand. */
export function analysePage(page: Article): AnalyseResult {
  const read = readPage(page);
  return read.ok ? { ok: true, articles: read.articles.map(understand) } : read;
}

/**
 * Clean, segment and metadata, without the understand stage: the articles' text, title and date,
 * or why the page has no article. What the extraction and date evaluations measure.
 */
export function readPage(page: Article): AnalyseResult {
  const cleaned = clean(page);
  const read = segment(cleaned.article, cleaned.tail).map(metadata);
  const words = read[0]!.text.match(/\p{L}{2,}/gu)?.length ?? 0;
  if (words < MIN_ARTICLE_WORDS) {
    const charset = page.diagnostics.find((d) => d.origin.startsWith('decode:') && d.level === 'warning');
    const reason = charset
      ? `no readable text: ${charset.message}`
      : 'no article text left after cleaning (the page is all navigation, ads or notices)';
    return { ok: false, source: page.source, reason };
  }
  return { ok: true, articles: read };
}
