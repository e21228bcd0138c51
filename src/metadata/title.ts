/** Titles: the one the input gives, else the page's headline, else one derived from the first sentence. */
import { paragraphs } from '../article/article.ts';
import { sentences } from './published.ts';

/** A derived title is cut to about this many words, at a clause boundary when there is one. */
export const DERIVED_TITLE_WORDS = 16;

export function deriveTitle(text: string): string | null {
  const first = paragraphs(text)[0];
  if (!first) return null;
  const sentence = sentences(first)[0] ?? first;
  const words = sentence.replace(/[.!?]+["\u201d\u2019]?$/, '').split(/\s+/);
  if (words.length <= DERIVED_TITLE_WORDS) return words.join(' ');
  // Prefer the first clause (up to a comma or dash) when it is long enough to say something.
  const clause = /^(.{20,}?)[,;:\u2013\u2014]\s/.exec(sentence);
  if (clause && clause[1]!.split(/\s+/).length <= DERIVED_TITLE_WORDS + 4) return clause[1]!;
  return `${words.slice(0, DERIVED_TITLE_WORDS).join(' ')}\u2026`;
}

/** Removes a site-name suffix or prefix ("Headline | Outlet", "Outlet - Headline") from an HTML title. */
export function stripSiteName(title: string, siteName: string | null): string {
  let t = title.replace(/\s+/g, ' ').trim();
  const parts = t.split(/\s+[|\u2013\u2014\u00b7\u2022:-]\s+/);
  if (parts.length > 1) {
    const site = siteName?.toLowerCase();
    const isSite = (p: string) => (site ? p.toLowerCase() === site || site.includes(p.toLowerCase()) : false);
    if (isSite(parts[parts.length - 1]!)) parts.pop();
    else if (isSite(parts[0]!)) parts.shift();
    else if (parts[parts.length - 1]!.split(/\s+/).length <= 3 && parts.slice(0, -1).join(' ').split(/\s+/).length >= 4) parts.pop();
    t = parts.join(' - ');
  }
  return t;
}
