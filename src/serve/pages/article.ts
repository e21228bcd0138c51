/**
 * The article page: the clean text with the story's entities, quotes and figures marked, a toggle
 * that shows what the cleaner removed where it stood in the page, and the evidence behind the date.
 */
import { decodeHTML } from 'entities';
import { paragraphs } from '../../article/article.ts';
import type { ReportRemoved, ReportStory } from '../../report/schema.ts';
import type { StoredArticle } from '../../store/index.ts';
import { externalLink, html, type Html } from '../html.ts';
import { dateText, page, plural } from './layout.ts';
import { highlight, type Mark } from './highlight.ts';

export type Block = { kind: 'kept'; text: string } | { kind: 'removed'; text: string; reason: string };

function flatten(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The page's text as a reader saw it, for locating pieces: tags out, entities decoded. Never shown. */
function readable(raw: string, kind: StoredArticle['kind']): string {
  return flatten(kind === 'html' ? decodeHTML(raw.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ')) : raw);
}

/**
 * Interleaves the kept paragraphs and the removed pieces in the order they had in the input, by
 * finding each in the raw page. A kept paragraph that cannot be found (the cleaner changed it)
 * stays right after the one before it; removed pieces that cannot be found are returned apart.
 */
export function placeRemoved(raw: string, kind: StoredArticle['kind'], text: string, removed: readonly ReportRemoved[]): { blocks: Block[]; unplaced: ReportRemoved[] } {
  const page = readable(raw, kind);
  const used = new Map<string, number>();
  const locate = (piece: string): number => {
    const flat = flatten(kind === 'html' ? decodeHTML(piece) : piece);
    for (const needle of [flat.slice(0, 60), flat.slice(-60)]) {
      if (needle.length < 3) continue;
      const from = used.get(needle) ?? 0;
      const at = page.indexOf(needle, from);
      if (at !== -1) {
        used.set(needle, at + 1);
        return needle === flat.slice(0, 60) ? at : Math.max(0, at - (flat.length - needle.length));
      }
    }
    return -1;
  };
  const placed: Array<{ at: number; order: number; block: Block }> = [];
  let last = -1;
  paragraphs(text).forEach((p, i) => {
    const at = locate(p);
    last = at >= last ? at : last + 0.001;
    placed.push({ at: last, order: i, block: { kind: 'kept', text: p } });
  });
  const unplaced: ReportRemoved[] = [];
  removed.forEach((r, i) => {
    const at = locate(r.text);
    if (at === -1) unplaced.push(r);
    else placed.push({ at, order: 10_000 + i, block: { kind: 'removed', text: r.text, reason: r.reason } });
  });
  placed.sort((a, b) => a.at - b.at || a.order - b.order);
  return { blocks: placed.map((p) => p.block), unplaced };
}

/** What to mark in this article: the story's entity names, and the quotes and figures it gives. */
export function marksFor(articleId: string, story: ReportStory | null): Mark[] {
  if (!story) return [];
  const marks: Mark[] = [];
  for (const q of story.quotes) if (q.articleId === articleId) marks.push({ text: q.text, kind: 'quote', note: `${q.speaker ?? 'speaker not named'}${q.via ? `, via ${q.via}` : ''}` });
  for (const c of story.claims) for (const v of c.values) if (v.articleIds.includes(articleId)) marks.push({ text: v.text, kind: 'figure', note: `${c.measure} (${c.status})` });
  for (const e of story.entities) for (const name of [e.name, ...e.aliases]) marks.push({ text: name, kind: 'entity', note: `${e.name} · ${e.type}${e.role ? ` · ${e.role}` : ''}` });
  return marks;
}

function removedBlock(r: { text: string; reason: string }): Html {
  return html`<p class="removed" data-reason="${r.reason}"><span class="reason">${r.reason}</span>${r.text}</p>`;
}

export interface ArticleView {
  article: StoredArticle;
  story: ReportStory | null;
  /** Articles split off this page (it carried other stories below its own). */
  children: Array<{ id: string; title: string | null }>;
}

export function articlePage({ article: a, story, children }: ArticleView): string {
  const marks = marksFor(a.id, story);
  const { blocks, unplaced } = placeRemoved(a.raw, a.kind, a.text, a.removed);
  const text = blocks.map((b) => (b.kind === 'kept' ? html`<p>${highlight(b.text, marks)}</p>` : removedBlock(b)));
  const kinds = new Set(marks.map((m) => m.kind));
  const legend = kinds.size ? html`<p class="legend meta">Marked: ${kinds.has('entity') ? html`<mark class="entity">names</mark> ` : ''}${kinds.has('quote') ? html`<mark class="quote">quotes</mark> ` : ''}${kinds.has('figure') ? html`<mark class="figure">figures</mark>` : ''}</p>` : '';
  const p = a.published;
  const truncated = a.truncated ?? a.diagnostics.some((d) => d.origin === 'clean:paywall');
  const meta = html`<dl class="meta-list">
  <dt>Published</dt><dd>${dateText(p)} <span class="badge">${p.basis}</span>${p.evidence ? html`<div class="evidence">Evidence: ${p.evidence}</div>` : html`<div class="meta">No date evidence in the page.</div>`}</dd>
  <dt>Outlet</dt><dd>${a.outlet ?? html`<span class="none">unknown</span>`}</dd>
  <dt>Language</dt><dd>${a.language ?? 'unknown'}</dd>
  <dt>URL</dt><dd>${a.url ? externalLink(a.url) : html`<span class="none">none given</span>`}</dd>
  <dt>Source${a.sources.length > 1 ? 's' : ''}</dt><dd>${(a.sources.length ? a.sources : [a.source]).map((s) => html`<div>${s}</div>`)}</dd>
  <dt>Story</dt><dd>${story ? html`<a href="/stories/${story.id}">${story.title}</a>` : html`<span class="none">none</span>`}</dd>
  ${a.parentId ? html`<dt>Split from</dt><dd><a href="/articles/${a.parentId}">${a.parentId}</a> (the page also carried other stories)</dd>` : ''}
  ${children.length ? html`<dt>Split off</dt><dd>${children.map((ch) => html`<div><a href="/articles/${ch.id}">${ch.title ?? ch.id}</a></div>`)}</dd>` : ''}
  <dt>Id</dt><dd class="id">${a.id}</dd>
  ${a.diagnostics.length ? html`<dt>Notes</dt><dd>${a.diagnostics.map((d) => html`<div class="${d.level}"><code>${d.origin}</code> ${d.message}</div>`)}</dd>` : ''}
</dl>`;
  const body = html`<p class="meta"><a href="/">Stories</a>${story ? html` › <a href="/stories/${story.id}">${story.title}</a>` : ''} › article</p>
<h1>${a.title ?? '(no title)'}</h1>
${a.titleDerived ? html`<p class="meta">The page has no headline: this title is derived from the first sentence.</p>` : ''}
${truncated ? html`<p class="warning">The text is cut off by a paywall or teaser: trust it less.</p>` : ''}
${meta}
<h2>Text</h2>
${legend}
<input type="checkbox" id="show-removed" class="toggle"${a.removed.length ? '' : ' disabled'}><label for="show-removed">Show removed parts in place (${plural(a.removed.length, 'piece')})</label>
<div class="article-text">${text}${unplaced.length ? html`<div class="removed unplaced-note"><span class="reason">not located</span>These removed pieces could not be placed in the page:</div>${unplaced.map(removedBlock)}` : ''}</div>
${a.removed.length ? '' : html`<p class="none">Nothing was removed from this page.</p>`}`;
  return page(a.title ?? a.id, body, 'stories');
}
