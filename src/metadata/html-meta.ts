/**
 * Metadata a page states in its markup: title (without the site's name), byline, site name,
 * language, canonical URL, and the JSON-LD article record (its `articleBody`, dates, author).
 * Order of trust, per field: JSON-LD of the article, OpenGraph / meta tags, then the document
 * (`<title>`, `<h1>`, `<html lang>`). Reads the compact tree (clean/dom.ts), never the DOM.
 */
import { type El, type PageIndex, textOf } from '../clean/dom.ts';
import { stripSiteName } from './title.ts';

/** schema.org types of an article (readability's jsonLdArticleTypes, plus WebPage kinds that carry one). */
export const ARTICLE_TYPES =
  /^(?:Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|Blog|Review|Recipe|HowTo|VideoObject|CreativeWork)$/;

export type JsonObject = Record<string, unknown>;

/** Every object of the page's JSON-LD, `@graph` and arrays flattened (at most a few hundred); blocks that do not parse go to `broken`. */
export function parseJsonLd(texts: string[], broken: string[] = []): JsonObject[] {
  const out: JsonObject[] = [];
  for (const text of texts) {
    let value: unknown;
    try {
      value = JSON.parse(text.trim().replace(/^<!--|-->$/g, '').replace(/^\s*\/\/<!\[CDATA\[|\/\/\]\]>\s*$/g, ''));
    } catch {
      // Malformed JSON-LD is common (control characters in strings): try once with them escaped.
      try {
        value = JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '));
      } catch {
        broken.push(text);
        continue;
      }
    }
    const stack: unknown[] = [value];
    while (stack.length && out.length < 500) {
      const v = stack.pop();
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      } else if (v && typeof v === 'object') {
        const o = v as JsonObject;
        out.push(o);
        if (Array.isArray(o['@graph'])) stack.push(o['@graph']);
      }
    }
  }
  return out;
}

export function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** The JSON-LD object that describes the article: an Article type, the first with a headline or body. */
export function articleObject(objects: JsonObject[]): JsonObject | null {
  const articles = objects.filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
  return articles.find((o) => typeof o.articleBody === 'string') ?? articles.find((o) => o.headline || o.datePublished) ?? articles[0] ?? null;
}

export interface MetaTags {
  /** `<meta>` content by lower-cased name / property / itemprop / http-equiv (first wins). */
  get(key: string): string | null;
  /** All `<meta>` elements in document order. */
  all: Array<{ key: string; content: string; el: El }>;
}

export function readMetaTags(index: PageIndex): MetaTags {
  const all: MetaTags['all'] = [];
  const first = new Map<string, string>();
  for (const el of index.byTag('meta')) {
    const content = el.attrs.content;
    if (content === undefined) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.attrs[attr]?.trim().toLowerCase();
      if (!key) continue;
      all.push({ key, content, el });
      if (!first.has(key)) first.set(key, content);
    }
  }
  return { all, get: (key) => squashOrNull(first.get(key)) };
}

function squashOrNull(s: string | undefined | null): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t || null;
}

export interface PageMeta {
  /** The headline, without a site-name suffix or prefix. */
  title: string | null;
  /** The title as the page states it, before the site name is stripped. */
  rawTitle: string | null;
  siteName: string | null;
  byline: string | null;
  /** The page's declared language (BCP 47 as written), or null. */
  language: string | null;
  canonicalUrl: string | null;
  /** JSON-LD `articleBody`, when the article record carries one (HTML tags removed). */
  articleBody: string | null;
  /** The article's JSON-LD record, when there is one. */
  article: JsonObject | null;
}

function names(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (v && typeof v === 'object') {
    const n = (v as JsonObject).name;
    return typeof n === 'string' ? [n] : [];
  }
  return [];
}

export function readPageMeta(index: PageIndex, jsonLd: JsonObject[], meta: MetaTags = readMetaTags(index)): PageMeta {
  const article = articleObject(jsonLd);
  const website = jsonLd.find((o) => typesOf(o).some((t) => t === 'WebSite' || t === 'NewsMediaOrganization' || t === 'Organization'));
  const siteName =
    meta.get('og:site_name') ??
    squashOrNull(names(article?.publisher)[0]) ??
    squashOrNull(names(website)[0]) ??
    meta.get('application-name') ??
    meta.get('twitter:site')?.replace(/^@/, '') ??
    null;

  const titleEl = index.byTag('title')[0];
  const h1El = index.byTag('h1')[0];
  const docTitle = titleEl ? squashOrNull(textOf(titleEl)) : null;
  const h1 = h1El ? squashOrNull(textOf(h1El)) : null;
  const headline = typeof article?.headline === 'string' ? squashOrNull(decodeEntities(article.headline)) : null;
  // Meta titles are often escaped twice ("Australia&#039;s" once the attribute is read): decoded again.
  const metaTitle = meta.get('og:title') ?? meta.get('twitter:title');
  const rawTitle = headline ?? (metaTitle ? decodeEntities(metaTitle) : null) ?? docTitle ?? h1;
  let title = rawTitle ? stripSiteName(rawTitle, siteName) : null;
  // The page's own h1, when the stated title holds it (plus a site name the stripper did not know), is the cleaner headline.
  if (title && h1 && h1.length >= 10 && h1.length < title.length && title.toLowerCase().includes(h1.toLowerCase())) title = h1;

  const authors = [...names(article?.author), ...names(article?.creator)].map((n) => n.trim()).filter((n) => n && !/^https?:/.test(n));
  const metaAuthor = meta.get('author') ?? meta.get('article:author') ?? meta.get('dc.creator') ?? meta.get('parsely-author') ?? meta.get('sailthru.author');
  const byline = authors.length ? [...new Set(authors)].join(', ') : metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : null;

  let language: string | null = index.byTag('html')[0]?.attrs.lang?.trim() || null;
  language ??= meta.get('content-language') ?? meta.get('og:locale') ?? meta.get('dc.language') ?? (typeof article?.inLanguage === 'string' ? article.inLanguage : null);

  let canonical: string | null = index.byTag('link').find((el) => /\bcanonical\b/i.test(el.attrs.rel ?? '') && el.attrs.href)?.attrs.href?.trim() ?? null;
  canonical ??= meta.get('og:url') ?? (typeof article?.url === 'string' ? article.url : null);

  const body = typeof article?.articleBody === 'string' ? article.articleBody : null;
  return {
    title,
    rawTitle,
    siteName: siteName ? decodeEntities(siteName) : null,
    byline,
    language,
    canonicalUrl: canonical,
    articleBody: body ? decodeEntities(body.replace(/<[^>]{0,2000}>/g, ' ')).replace(/[ \t]+/g, ' ').trim() || null : null,
    article,
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The few entities JSON-LD writers leave in strings ("Europa&apos;s"). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}
