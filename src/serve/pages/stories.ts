/** The stories page: newest activity first, or the stories holding the articles a search found. */
import type { StoredArticle } from '../../store/index.ts';
import type { StorySummary } from '../../store/search.ts';
import type { ArticleQuery } from '../../store/search.ts';
import { html, type Html } from '../html.ts';
import { dateText, page, plural } from './layout.ts';
import { queryWords, snippet } from './highlight.ts';

export interface StoriesView {
  query: Required<ArticleQuery>;
  /** The stories to list: a page of all of them, or those holding search hits. */
  stories: StorySummary[];
  /** Total live stories in the store (for paging the unfiltered list). */
  totalStories: number;
  /** With a search: matching articles (this page of them), and how many match in all. */
  search: { total: number; articles: StoredArticle[] } | null;
}

function searchForm(q: Required<ArticleQuery>): Html {
  return html`<form class="search" method="get" action="/" role="search">
  <label>Words in the articles<input type="search" name="q" value="${q.q ?? ''}" placeholder='Shoigu, "artillery shells", -Kyiv' maxlength="200"></label>
  <label>Entity<input type="text" name="entity" value="${q.entity ?? ''}" placeholder="Kim Jong Un" maxlength="200"></label>
  <label>From<input type="text" name="from" value="${q.from ?? ''}" placeholder="2024 or 2024-06" maxlength="10"></label>
  <label>To<input type="text" name="to" value="${q.to ?? ''}" placeholder="2025-12-31" maxlength="10"></label>
  <button type="submit">Search</button>
</form>`;
}

function range(s: StorySummary): string {
  if (!s.earliest && !s.latest) return 'dates unknown';
  if (s.earliest === s.latest) return s.earliest!;
  return `${s.earliest ?? '…'} – ${s.latest ?? '…'}`;
}

function storyItem(s: StorySummary, hits: Html | null): Html {
  const outlets = s.outlets ? plural(s.outlets, 'outlet') : 'outlets unknown';
  return html`<li class="story"><a class="title" href="/stories/${s.id}">${s.title}</a>
  <div class="meta">${plural(s.articles, 'article')} · ${outlets} · published ${range(s)} · updated ${s.updatedAt.slice(0, 16).replace('T', ' ')}</div>${hits}</li>`;
}

export function storiesPage(view: StoriesView): string {
  const { query, search } = view;
  if (!search) {
    const list = view.stories.length
      ? html`<ol class="stories">${view.stories.map((s) => storyItem(s, null))}</ol>${pager(query, view.totalStories)}`
      : html`<p class="none">No stories yet. Add articles on the <a href="/ingest">Ingest</a> page, or run <code>storyline analyze PATH</code> on this store.</p>`;
    return page('Stories', html`<h1>Stories</h1><p class="meta">${plural(view.totalStories, 'story', 'stories')}, most recent activity first.</p>${searchForm(query)}${list}`, 'stories');
  }
  const words = [...queryWords(query.q), ...(query.entity ? [query.entity] : [])];
  const byStory = new Map<string, StoredArticle[]>();
  for (const a of search.articles) byStory.set(a.storyId ?? '', [...(byStory.get(a.storyId ?? '') ?? []), a]);
  const hitList = (articles: StoredArticle[]) => html`<ul class="hits">${articles.map((a) => html`<li><a href="/articles/${a.id}">${a.title ?? '(no title)'}</a> <span class="meta">${a.outlet ?? ''} ${dateText(a.published)}</span><div class="snippet">${snippet(a.text, words)}</div></li>`)}</ul>`;
  const listed = view.stories.map((s) => storyItem(s, hitList(byStory.get(s.id) ?? [])));
  const loose = byStory.get('');
  const body = search.total
    ? html`<ol class="stories">${listed}${loose ? html`<li class="story"><span class="title">Articles in no story</span>${hitList(loose)}</li>` : ''}</ol>${pager(query, search.total)}`
    : html`<p class="none">No article matches. Fewer words, a wider date range, or another spelling of the name may help.</p>`;
  return page('Search', html`<h1>Stories</h1><p class="meta">${plural(search.total, 'article')} match${search.total === 1 ? 'es' : ''}${describeQuery(query)}. <a href="/">Show all stories</a></p>${searchForm(query)}${body}`, 'stories');
}

function describeQuery(q: Required<ArticleQuery>): string {
  const parts: string[] = [];
  if (q.q) parts.push(`“${q.q}”`);
  if (q.entity) parts.push(`naming ${q.entity}`);
  if (q.from || q.to) parts.push(`published ${q.from ?? 'any time'} to ${q.to ?? 'now'}`);
  return parts.length ? ` ${parts.join(', ')}` : '';
}

function pager(q: Required<ArticleQuery>, total: number): Html | '' {
  const link = (offset: number, label: string) => {
    const params = new URLSearchParams();
    for (const key of ['q', 'entity', 'from', 'to'] as const) if (q[key]) params.set(key, q[key]!);
    if (offset) params.set('offset', String(offset));
    const search = params.toString();
    return html`<a href="/${search ? `?${search}` : ''}">${label}</a>`;
  };
  if (q.offset === 0 && total <= q.limit) return '';
  return html`<nav class="pager"><span>${q.offset > 0 ? link(Math.max(0, q.offset - q.limit), '← Newer') : ''}</span><span class="meta">${q.offset + 1}–${Math.min(total, q.offset + q.limit)} of ${total}</span><span>${q.offset + q.limit < total ? link(q.offset + q.limit, 'Older →') : ''}</span></nav>`;
}
