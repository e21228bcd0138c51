/**
 * The clean stage: main text for HTML, boilerplate removal for both inputs. Returns the cleaned
 * article and the page's tail (what stands below its end-of-article marker) for the segment stage.
 */
import type { Article, Diagnostic, Removed } from '../article/article.ts';
import { extractHtml } from './html.ts';
import { REASONS } from './rules.ts';
import { cleanText } from './text.ts';

export interface CleanResult {
  article: Article;
  tail: string | null;
}

export function clean(article: Article): CleanResult {
  if (article.kind === 'html') return cleanHtml(article);
  const r = cleanText(article.raw, { title: article.stated.title });
  const cut = paywallAtEnd(article.raw, r.paragraphs, r.removed);
  return {
    article: {
      ...article,
      title: article.stated.title ?? r.headline,
      titleDerived: false,
      text: r.paragraphs.join('\n\n'),
      removed: [...article.removed, ...r.removed],
      diagnostics: cut ? [...article.diagnostics, paywallDiagnostic(cut)] : article.diagnostics,
      ...(cut ? { truncated: true } : {}),
      stated: { ...article.stated, dates: [...article.stated.dates, ...r.dateLines.map((text) => ({ text, evidence: `date line: ${text}` }))] },
    },
    tail: r.tail,
  };
}

function cleanHtml(article: Article): CleanResult {
  const page = extractHtml(article.raw, { url: article.url });
  const title = article.stated.title ?? page.title;
  // Blank lines between blocks: each block is a paragraph to the text cleaner.
  const r = cleanText(page.blocks.join('\n\n'), { title, detectHeadline: title === null, dropDuplicates: false });
  const diagnostics: Diagnostic[] = [...article.diagnostics, ...page.notes.map((message) => ({ origin: 'clean:size', message, level: 'warning' as const }))];
  const cut = page.truncated ?? paywallAtEnd(page.blocks.join('\n\n'), r.paragraphs, r.removed);
  if (cut) diagnostics.push(paywallDiagnostic(cut));
  if (page.updated && page.dates.length === 0 && page.dateLines.length === 0 && r.dateLines.length === 0) {
    diagnostics.push({ origin: 'metadata:updated', level: 'info', message: `the page states only when it was updated (${page.updated.evidence}): taken as the publication date` });
  }
  return {
    article: {
      ...article,
      title: title ?? r.headline,
      titleDerived: false,
      url: article.url ?? page.canonicalUrl,
      outlet: article.outlet ?? page.siteName,
      text: r.paragraphs.join('\n\n'),
      removed: [...article.removed, ...page.outside, ...page.captions.map((text) => ({ text, reason: REASONS.caption })), ...r.removed],
      diagnostics,
      ...(cut ? { truncated: true } : {}),
      stated: {
        title,
        // The markup's dates (JSON-LD, meta, <time>, dated elements) before date lines in the text;
        // an update date only when nothing states the publication.
        dates: [
          ...article.stated.dates,
          ...page.dates,
          ...page.dateLines,
          ...r.dateLines.map((text) => ({ text, evidence: `date line: ${text}` })),
          ...(page.updated ? [{ text: page.updated.text, evidence: `${page.updated.evidence} (last update; no publication date stated)` }] : []),
        ],
        language: article.stated.language ?? page.language,
      },
    },
    tail: r.tail,
  };
}

function paywallDiagnostic(reason: string): Diagnostic {
  return { origin: 'clean:paywall', level: 'warning', message: `the text is cut off: ${reason}` };
}

/** A paywall notice below the last paragraph kept: the article stops where the paywall starts. */
function paywallAtEnd(input: string, paragraphs: string[], removed: Removed[]): string | null {
  const notices = removed.filter((r) => r.reason === REASONS.paywall);
  if (!notices.length || !paragraphs.length) return null;
  const last = paragraphs[paragraphs.length - 1]!;
  const lastAt = input.lastIndexOf(last.slice(0, 60));
  const notice = notices.find((n) => input.indexOf(n.text.slice(0, 60)) > lastAt);
  return notice ? `a paywall notice follows the last paragraph ("${notice.text.slice(0, 60)}")` : null;
}
