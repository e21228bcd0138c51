/**
 * The metadata stage: title (stated, headline, or derived and marked so), publication date
 * (explicit, inferred bounds, or unknown) and language.
 */
import type { Article } from '../article/article.ts';
import { detectLanguage } from './language.ts';
import { explicitPublished, inferPublished } from './published.ts';
import { deriveTitle } from './title.ts';

export function metadata(article: Article): Article {
  const derived = article.title ? null : deriveTitle(article.text);
  const published = explicitPublished(article.stated.dates) ?? inferPublished(article.text);
  const detected = detectLanguage(article.text);
  return {
    ...article,
    title: article.title ?? derived,
    titleDerived: article.title === null && derived !== null,
    published,
    // The text's own language wins over a page's lang attribute, which templates often get wrong.
    language: detected ?? normaliseLang(article.stated.language),
  };
}

function normaliseLang(lang: string | null): string | null {
  const m = lang ? /^([a-z]{2})\b/i.exec(lang) : null;
  return m ? m[1]!.toLowerCase() : null;
}
