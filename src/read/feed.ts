/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom (RFC 4287) feeds: each item becomes one input. Its body is the
 * item's full content (`content:encoded`, Atom `content`) or else its summary (`description`,
 * Atom `summary`); its link, title and publication date are handed on as stated metadata, and the
 * channel's title as the outlet. With `fetchLinks`, the page at the item's link is fetched and
 * analysed instead of the feed's copy (often a teaser), keeping the feed's title and date.
 *
 * Parsed with linkedom's XML parser, which neither expands entities declared in a DOCTYPE nor
 * loads anything external: a hostile feed cannot read files or grow exponentially (XXE, "billion
 * laughs").
 */
import { DOMParser } from 'linkedom';
import type { Diagnostic, InputKind } from '../article/article.ts';
import { normalizeText } from '../decode/index.ts';
import { fetchUrl, type FetchOptions } from './fetch.ts';
import type { ReadItem } from './read.ts';

export interface FeedItem {
  title: string | null;
  link: string | null;
  /** The date the feed states, as ISO 8601 where it could be read (RFC 822 dates are converted). */
  published: string | null;
  body: string | null;
  kind: InputKind;
}

export interface Feed {
  format: 'rss' | 'rdf' | 'atom';
  title: string | null;
  items: FeedItem[];
}

export interface FeedOptions {
  /** Fetch each item's linked page and analyse it instead of the feed's copy. */
  fetchLinks?: boolean;
  fetch?: FetchOptions;
}

type El = { getElementsByTagName(name: string): Iterable<El> & ArrayLike<El>; getAttribute(name: string): string | null; textContent: string | null; innerHTML: string; children: Iterable<El>; tagName: string; parentNode: unknown };

/** True when the text looks like a feed: its root element is rss, rdf:RDF or feed. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 8192).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/gi, '').trimStart();
  return /^<(rss|rdf:RDF|feed)[\s>]/.test(head);
}

export function parseFeed(text: string): Feed | { error: string } {
  if (!looksLikeFeed(text)) return { error: 'not an RSS or Atom feed (its root element is not rss, rdf:RDF or feed)' };
  let root: El;
  try {
    root = new DOMParser().parseFromString(text, 'text/xml').documentElement as unknown as El;
  } catch (e) {
    return { error: `unreadable XML: ${(e as Error).message}` };
  }
  const tag = root.tagName;
  if (tag === 'feed') {
    return { format: 'atom', title: childText(root, 'title'), items: [...root.getElementsByTagName('entry')].map(atomEntry) };
  }
  const channel = root.getElementsByTagName('channel')[0];
  return {
    format: tag === 'rss' ? 'rss' : 'rdf',
    title: channel ? childText(channel, 'title') : null,
    items: [...root.getElementsByTagName('item')].map(rssItem),
  };
}

function rssItem(item: El): FeedItem {
  const body = childText(item, 'content:encoded') ?? childText(item, 'description');
  return {
    title: childText(item, 'title'),
    link: childText(item, 'link') ?? permalink(item),
    published: statedDate(childText(item, 'pubDate') ?? childText(item, 'dc:date')),
    body,
    kind: 'html',
  };
}

function atomEntry(entry: El): FeedItem {
  const links = [...entry.getElementsByTagName('link')].filter((l) => l.parentNode === entry);
  const link = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  const content = child(entry, 'content') ?? child(entry, 'summary');
  const type = content?.getAttribute('type') ?? 'text';
  // RFC 4287 §3.1.1: type "xhtml" holds markup as child elements; "html" holds it escaped; "text" is plain.
  const body = content ? (type === 'xhtml' ? content.innerHTML : content.textContent) : null;
  return {
    title: childText(entry, 'title')?.replace(/<[^>]*>/g, '') ?? null,
    link: link?.getAttribute('href') ?? null,
    published: statedDate(childText(entry, 'published')),
    body: body?.trim() ? body : null,
    kind: type === 'text' ? 'text' : 'html',
  };
}

/** A guid that is a permalink (RSS 2.0: isPermaLink defaults to true). */
function permalink(item: El): string | null {
  const guid = child(item, 'guid');
  if (!guid || guid.getAttribute('isPermaLink') === 'false') return null;
  const v = guid.textContent?.trim() ?? '';
  return /^https?:\/\//i.test(v) ? v : null;
}

function child(el: El, name: string): El | null {
  return [...el.getElementsByTagName(name)].find((c) => c.parentNode === el) ?? null;
}

function childText(el: El, name: string): string | null {
  const t = child(el, name)?.textContent?.trim();
  return t ? t : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * RSS dates are RFC 822 (`Tue, 04 Mar 2025 09:00:00 -0500`); the date is kept as the feed states
 * it, in the feed's own time zone (converting to UTC could move it to another day). ISO dates
 * (Atom, dc:date) pass through.
 */
export function statedDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^(?:\w{3},\s*)?(\d{1,2})\s+(\w{3})\w*\s+(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value.trim());
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  if (!m || month < 0) return value.trim();
  const day = `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return m[4] ? `${day}T${m[4]}:${m[5]}:${m[6] ?? '00'}` : day;
}

/** The inputs of one feed: `source#N` for its N-th item. */
export async function* feedItems(source: string, text: string, diagnostics: Diagnostic[], opts: FeedOptions = {}): AsyncGenerator<ReadItem> {
  const feed = parseFeed(text);
  if ('error' in feed) {
    yield { ok: false, path: source, reason: feed.error };
    return;
  }
  if (feed.items.length === 0) {
    yield { ok: false, path: source, reason: `the ${feed.format === 'atom' ? 'Atom' : 'RSS'} feed has no items` };
    return;
  }
  for (const [i, item] of feed.items.entries()) {
    const itemSource = `${source}#${i + 1}`;
    const stated = { url: item.link, title: item.title, published: item.published, outlet: feed.title };
    if (opts.fetchLinks) {
      if (!item.link) {
        yield { ok: false, path: itemSource, reason: 'feed item has no link to fetch' };
        continue;
      }
      const page = await fetchUrl(item.link, opts.fetch);
      if (!page.ok) {
        yield { ok: false, path: itemSource, reason: `fetching ${page.url}: ${page.reason}` };
        continue;
      }
      const kind: InputKind = /text\/plain/i.test(page.contentType ?? '') ? 'text' : 'html';
      yield { ok: true, input: { source: itemSource, kind, bytes: page.bytes, contentType: page.contentType ?? undefined, ...stated, url: page.url } };
      continue;
    }
    if (!item.body) {
      yield { ok: false, path: itemSource, reason: 'feed item has no content or description (add --fetch to analyse its linked page)' };
      continue;
    }
    yield { ok: true, input: { source: itemSource, kind: item.kind, content: normalizeText(item.body), ...stated, ...(diagnostics.length ? { diagnostics } : {}) } };
  }
}
