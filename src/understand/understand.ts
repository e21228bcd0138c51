/**
 * The understand stage: what an article says, read once when it is analysed and stored with it —
 * time expressions resolved against its publication date (time/), figures (figures/), entity
 * mentions (entities/) and quotations (quotes/). Pure: article in, article with `analysis` out.
 *
 * Each module keeps its own reading of the text, so each can be evaluated on its own set
 * (src/eval); the figures, quotations and time expressions take their sentences from the same
 * splitter (nlp/sentences.ts).
 */
import type { Analysis, Article } from '../article/article.ts';
import { extractEntities } from '../entities/index.ts';
import { extractFigures } from '../figures/index.ts';
import { extractQuotes } from '../quotes/index.ts';
import { tagTimes } from '../time/index.ts';

/**
 * Bumped whenever what the stage finds changes in a way stored articles should pick up: an
 * `analyze` run re-reads stored articles whose analysis is older (see analyze/). 3: one sentence
 * splitter for every module (nlp/sentences.ts) — the figures of about one article in ten read
 * from whole sentences where wink had cut them (".45-caliber" is 0.45, not 45).
 */
export const ANALYSIS_VERSION = 3;

/** Texts longer than this are read only up to it (a 1 MB "article" is a dump, not news; bounds time). */
export const MAX_UNDERSTOOD_CHARS = 200_000;

export function analyseText(text: string, published: Article['published']): Analysis {
  const body = text.length > MAX_UNDERSTOOD_CHARS ? text.slice(0, MAX_UNDERSTOOD_CHARS) : text;
  return {
    version: ANALYSIS_VERSION,
    times: tagTimes(body, published),
    figures: extractFigures(body),
    entities: extractEntities(body),
    quotes: extractQuotes(body),
  };
}

export function understand(article: Article): Article {
  return { ...article, analysis: analyseText(article.text, article.published) };
}
