/**
 * The story page: briefing, timeline, claims, quotes, entities and sources. Each analysis section
 * shows whatever the report contract holds and says "none yet" when the pipeline has not filled it.
 */
import type { Claim, Quote, Report, ReportArticle, ReportStory } from '../../report/schema.ts';
import { externalLink, html, type Html } from '../html.ts';
import { citations, dateText, page, plural, section } from './layout.ts';
import { place, timelineSvg, whenText, type PlacedEvent } from './timeline.ts';

interface Sources {
  number: (id: string) => number | undefined;
  title: (id: string) => string;
  cite: (ids: readonly string[]) => Html;
  article: (id: string) => ReportArticle | undefined;
}

function sourcesOf(story: ReportStory, report: Report): Sources {
  const index = new Map(story.articleIds.map((id, i) => [id, i + 1]));
  const byId = new Map(report.articles.map((a) => [a.id, a]));
  const title = (id: string) => {
    const a = byId.get(id);
    return a ? `${a.title ?? '(no title)'}${a.outlet ? ` — ${a.outlet}` : ''}` : id;
  };
  const number = (id: string) => index.get(id);
  return { number, title, cite: (ids) => citations(ids, number, title), article: (id) => byId.get(id) };
}

function briefing(story: ReportStory, src: Sources): Html {
  return section('briefing', 'Briefing', html`<div class="briefing">${story.briefing.map((s) => html`<p>${s.text}${src.cite(s.articleIds)}</p>`)}</div>`, 'No briefing yet: it is written once the story’s claims and events are reconciled.', story.briefing.length === 0);
}

function timeline(story: ReportStory, src: Sources): Html {
  const placed = story.events.map(place).filter((p): p is PlacedEvent => p !== null).sort((a, b) => a.start - b.start || a.end - b.end);
  const undated = story.events.filter((e) => place(e) === null);
  const item = (e: (typeof story.events)[number]) => html`<span class="when">${whenText(e)}</span>${e.summary}${src.cite(e.articleIds)}`;
  const content = html`${placed.length ? html`<figure class="timeline">${timelineSvg(placed)}<figcaption class="hint">Bars span every day an event can have happened on: a dot is an exact day, a long bar a month or a year, a faded bar running to the edge a date known only as "after" or "before" a day.</figcaption></figure><ol class="events">${placed.map((p) => html`<li>${item(p.event)}</li>`)}</ol>` : ''}
  ${undated.length ? html`<h3>Undated events</h3><ul class="events undated">${undated.map((e) => html`<li>${item(e)}</li>`)}</ul>` : ''}`;
  return section('timeline', 'Timeline', content, 'No events yet: the timeline fills in when events are extracted from the articles.', story.events.length === 0);
}

function figureRange(v: Claim['values'][number]): string {
  const unit = v.unit ? ` ${v.unit}` : '';
  if (v.low !== null && v.high !== null) return `${v.low === v.high ? v.low.toLocaleString('en') : `${v.low.toLocaleString('en')}–${v.high.toLocaleString('en')}`}${unit}${v.approx ? ' (approx.)' : ''}`;
  if (v.low !== null) return `at least ${v.low.toLocaleString('en')}${unit}`;
  if (v.high !== null) return `at most ${v.high.toLocaleString('en')}${unit}`;
  return '—';
}

function claims(story: ReportStory, src: Sources): Html {
  const rows = story.claims.map((c) => html`<tbody class="claim claim-${c.status}">
  <tr class="claim-head claim-${c.status}"><td colspan="5">${c.measure} <span class="badge status-${c.status}">${c.status}</span></td></tr>
  ${c.values.map((v) => html`<tr class="claim-${c.status}"><td>${v.text}</td><td>${figureRange(v)}</td><td>${v.attribution ?? html`<span class="none">the article’s own voice</span>`}</td><td>${v.period ?? '—'}</td><td>${src.cite(v.articleIds)} ${v.articleIds.map((id) => src.article(id)?.outlet).filter(Boolean).join(', ')}</td></tr>`)}
</tbody>`);
  const content = html`<table class="claims"><thead><tr><th>Figure</th><th>Value</th><th>Attribution</th><th>Period</th><th>Sources</th></tr></thead>${rows}</table>`;
  return section('claims', 'Figures across sources', content, 'No figures compared yet: the claims table fills in when figures are reconciled across the sources.', story.claims.length === 0);
}

function quotes(story: ReportStory, src: Sources): Html {
  const bySpeaker = new Map<string, Quote[]>();
  for (const q of story.quotes) {
    const key = q.speaker ?? '';
    bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), q]);
  }
  const groups = [...bySpeaker].sort(([a, qa], [b, qb]) => (a === '' ? 1 : b === '' ? -1 : qb.length - qa.length));
  const content = groups.map(([speaker, qs]) => html`<h3 class="speaker">${speaker || 'Speaker not named'} <span class="meta">${plural(qs.length, 'quote')}</span></h3>
  ${qs.map((q) => html`<blockquote class="${q.direct ? 'direct' : 'reported'}">${q.direct ? html`“${q.text}”` : html`<span class="meta">reported:</span> ${q.text}`}
  <div class="via">${q.via ? html`via ${q.via} · ` : ''}${src.cite([q.articleId])} ${src.article(q.articleId)?.outlet ?? ''}</div></blockquote>`)}`);
  return section('quotes', 'Who said what', content, 'No quotations yet: quotes appear here, grouped by speaker, once they are attributed.', story.quotes.length === 0);
}

function entities(story: ReportStory): Html {
  const list = [...story.entities].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  const content = html`<table class="entities"><thead><tr><th>Name</th><th>Type</th><th>Also called</th><th>Role</th><th>Mentions</th></tr></thead><tbody>${list.map((e) => html`<tr><td><a href="/?entity=${encodeURIComponent(e.name)}">${e.name}</a></td><td>${e.type}</td><td>${e.aliases.join(' · ') || '—'}</td><td>${e.role ?? '—'}</td><td>${e.mentions}</td></tr>`)}</tbody></table>`;
  return section('entities', 'People, organisations and places', content, 'No entities yet: they appear here once names are resolved across the articles.', story.entities.length === 0);
}

function sources(story: ReportStory, src: Sources): Html {
  const rows = story.articleIds.map((id) => {
    const a = src.article(id);
    if (!a) return html`<tr><td>${src.number(id)}</td><td colspan="5" class="none">${id} (not in the store)</td></tr>`;
    return html`<tr id="source-${src.number(id)}"><td>${src.number(id)}</td><td><a href="/articles/${a.id}">${a.title ?? '(no title)'}</a>${a.titleDerived ? html` <span class="badge" title="The page has no headline; this one is derived from the text">derived title</span>` : ''}</td><td>${a.outlet ?? html`<span class="none">unknown</span>`}</td><td>${dateText(a.published)}</td><td>${a.language ?? '?'}</td><td>${a.url ? externalLink(a.url, 'original') : html`<span class="path" title="${a.source}">${a.source.split('/').pop()}</span>`}</td></tr>`;
  });
  return section('sources', 'Sources', html`<table class="sources"><thead><tr><th>#</th><th>Article</th><th>Outlet</th><th>Published</th><th>Lang.</th><th>Original</th></tr></thead><tbody>${rows}</tbody></table>`, '', false);
}

export function storyPage(report: Report, story: ReportStory): string {
  const src = sourcesOf(story, report);
  const body = html`<p class="meta"><a href="/">Stories</a> › story <span class="id">${story.id}</span></p>
<h1>${story.title}</h1>
<p class="meta">${plural(story.articleIds.length, 'article')} · first seen ${story.createdAt.slice(0, 10)} · updated ${story.updatedAt.slice(0, 16).replace('T', ' ')}${story.mergedFrom.length ? ` · merged from ${story.mergedFrom.join(', ')}` : ''}</p>
${briefing(story, src)}
${timeline(story, src)}
${claims(story, src)}
${quotes(story, src)}
${entities(story)}
${sources(story, src)}`;
  return page(story.title, body, 'stories');
}
