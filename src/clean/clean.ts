/**
 * The clean stage: main text for HTML, boilerplate removal for both inputs. Returns the cleaned
 * article and the page's tail (what stands below its end-of-article marker) for the segment stage.
 */
import type { Article } from '../article/article.ts';
import { extractHtml } from './html.ts';
import { cleanText } from './text.ts';
import { stripSiteName } from '../metadata/title.ts';

export interface CleanResult {
  article: Article;
  tail: string | null;
}

export function clean(article: Article): CleanResult {
  if (article.kind === 'html') return cleanHtml(article);
  const r = cleanText(article.raw, { title: article.stated.title });
  return {
    article: {
      ...article,
      title: article.stated.title ?? r.headline,
      titleDerived: false,
      text: r.paragraphs.join('\n\n'),
      removed: [...article.removed, ...r.removed],
      stated: { ...article.stated, dates: [...article.stated.dates, ...r.dateLines.map((text) => ({ text, evidence: `date line: ${text}` }))] },
    },
    tail: r.tail,
  };
}

function cleanHtml(article: Article): CleanResult {
  const page = extractHtml(article.raw);
  const title = article.stated.title ?? (page.title ? stripSiteName(page.title, page.siteName) : null);
  // Blank lines between blocks: each block is a paragraph to the text cleaner.
  const r = cleanText(page.blocks.join('\n\n'), { title, detectHeadline: title === null });
  return {
    article: {
      ...article,
      title: title ?? r.headline,
      titleDerived: false,
      url: article.url ?? page.canonicalUrl,
      outlet: article.outlet ?? page.siteName,
      text: r.paragraphs.join('\n\n'),
      removed: [
        ...article.removed,
        ...page.outside,
        ...page.captions.map((text) => ({ text, reason: 'caption' })),
        ...r.removed,
      ],
      stated: {
        title,
        dates: [...article.stated.dates, ...page.dates, ...r.dateLines.map((text) => ({ text, evidence: `date line: ${text}` }))],
        language: article.stated.language ?? page.language,
      },
    },
    tail: r.tail,
  };
}
