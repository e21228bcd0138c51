/**
 * One story for people: its briefing, timeline and claims table, as text (terminal), Markdown or
 * HTML. Citations are article numbers ([1], [2]) in the story's article order, listed under
 * "Sources". Everything from an article is hostile: `forTerminal` / `forMarkdown` / `escapeHtml`.
 */
import { describeDate as describePublished, escapeHtml, forMarkdown, forTerminal } from './text.ts';
import type { Claim, Report, ReportArticle, ReportStory, StoryEvent } from './schema.ts';

export type StoryView = 'brief' | 'timeline' | 'claims';
export type StoryFormat = 'text' | 'md' | 'html';

export { escapeHtml } from './text.ts';

interface Ctx {
  story: ReportStory;
  articles: ReportArticle[];
  number: Map<string, number>;
}

function context(report: Report, story: ReportStory): Ctx {
  const byId = new Map(report.articles.map((a) => [a.id, a]));
  const articles = story.articleIds.map((id) => byId.get(id)).filter((a): a is ReportArticle => a !== undefined);
  return { story, articles, number: new Map(articles.map((a, i) => [a.id, i + 1])) };
}

function cite(ctx: Ctx, ids: string[]): string {
  return ids.map((id) => `[${ctx.number.get(id) ?? '?'}]`).join('');
}

export function eventDate(e: StoryEvent): string {
  if (e.date && e.precision !== 'range' && e.date.length >= 7) return e.date;
  if (e.date && e.precision !== 'range' && e.precision !== 'year' && e.earliest && e.latest) return `${e.earliest} \u2013 ${e.latest}${e.dateText ? ` (\u201c${e.dateText}\u201d)` : ''}`;
  if (e.date && e.precision !== 'range') return e.date;
  if (e.earliest && e.latest) return `${e.earliest} \u2013 ${e.latest}`;
  if (e.earliest) return `not before ${e.earliest}`;
  if (e.latest) return `not after ${e.latest}`;
  return e.dateText ? `undated (\u201c${e.dateText}\u201d)` : 'undated';
}

function valueLine(v: Claim['values'][number]): string {
  const bits = [v.derived ? `${v.text} (converted: ${v.derived})` : v.text];
  if (v.increment) bits.push('(an increment, not compared)');
  if (v.attribution) bits.push(`\u2014 ${v.attribution}`);
  if (v.period) bits.push(`\u2014 ${v.period}`);
  return bits.join(' ');
}

const STATUS_WORD: Record<Claim['status'], string> = {
  conflicting: 'CONFLICTING',
  changed: 'changed over time',
  corroborated: 'corroborated',
  'single-source': 'single source',
};

function sourcesText(ctx: Ctx, clean: (s: string) => string): string[] {
  return ctx.articles.map((a, i) => `[${i + 1}] ${clean(a.title ?? '(no title)')} \u2014 ${clean(a.outlet ?? a.url ?? a.source)}, ${clean(describePublished(a.published))}`);
}

/** Lines of one section of a story, as text or Markdown. */
function section(ctx: Ctx, view: StoryView, md: boolean): string[] {
  const { story } = ctx;
  const clean = md ? forMarkdown : (s: string) => forTerminal(s).replace(/\s+/g, ' ');
  const heading = (t: string) => (md ? `### ${t}` : t);
  const out: string[] = [];
  if (view === 'brief') {
    out.push(heading('Briefing'), '');
    if (story.briefing.length === 0) out.push('No briefing: the articles hold no sentence to build one from.', '');
    for (const b of story.briefing) out.push(`${clean(b.text)} ${cite(ctx, b.articleIds)}`, '');
    const disputed = story.claims.filter((c) => c.status === 'conflicting');
    if (disputed.length) out.push(`${md ? '_' : ''}Disputed: ${disputed.map((c) => clean(c.measure)).join('; ')} (see the claims).${md ? '_' : ''}`, '');
  }
  if (view === 'timeline') {
    out.push(heading('Timeline'), '');
    if (md && story.events.length) out.push('| When | What | Articles |', '|---|---|---|');
    for (const e of story.events) {
      out.push(md ? `| ${clean(eventDate(e))} | ${clean(e.summary)} | ${cite(ctx, e.articleIds)} |` : `${clean(eventDate(e)).padEnd(26)} ${clean(e.summary)} ${cite(ctx, e.articleIds)}`);
    }
    if (story.events.length === 0) out.push('No dated events.');
    out.push('');
  }
  if (view === 'claims') {
    out.push(heading('Claims'), '');
    if (story.claims.length === 0) out.push('No figures or dates to compare.', '');
    for (const c of story.claims) {
      out.push(md ? `**${clean(c.measure)}** \u2014 ${STATUS_WORD[c.status]}${c.reason ? `: _${clean(c.reason)}_` : ''}` : `${clean(c.measure)}: ${STATUS_WORD[c.status]}`);
      if (c.reason && !md) out.push(`  (${clean(c.reason)})`);
      if (md) out.push('', '| Value | Low | High | Attribution | Period | Articles |', '|---|---|---|---|---|---|');
      for (const v of c.values) {
        out.push(
          md
            ? `| ${clean(v.derived ? `${v.text} (${v.derived})` : v.text)}${v.increment ? ' _(increment)_' : ''} | ${v.low ?? ''} | ${v.high ?? ''} | ${clean(v.attribution ?? '')} | ${clean(v.period ?? '')} | ${cite(ctx, v.articleIds)} |`
            : `  - ${clean(valueLine(v))} ${cite(ctx, v.articleIds)}`,
        );
      }
      out.push('');
    }
  }
  return out;
}

/** Briefing, claims and timeline of a story as Markdown, citing its articles by number in `articles` order. */
export function storySections(story: ReportStory, articles: ReportArticle[]): string[] {
  const ctx: Ctx = { story, articles, number: new Map(articles.map((a, i) => [a.id, i + 1])) };
  return [...section(ctx, 'brief', true), ...section(ctx, 'claims', true), ...section(ctx, 'timeline', true)];
}

export function renderStory(report: Report, story: ReportStory, view: StoryView, format: StoryFormat): string {
  const ctx = context(report, story);
  if (format === 'html') return renderHtml(ctx, view);
  const md = format === 'md';
  const clean = md ? forMarkdown : (s: string) => forTerminal(s).replace(/\s+/g, ' ');
  const out: string[] = [md ? `# ${clean(story.title)}` : clean(story.title).toUpperCase(), ''];
  out.push(...section(ctx, view, md).map((l) => (md ? l.replace(/^### /, '## ') : l)));
  out.push(md ? '## Sources' : 'Sources', '');
  for (const line of sourcesText(ctx, clean)) out.push(md ? `- ${line}` : line);
  return `${out.join('\n')}\n`;
}

const STATUS_CLASS: Record<Claim['status'], string> = { conflicting: 'bad', changed: 'warn', corroborated: 'ok', 'single-source': 'single' };

/** A self-contained page: no script, no external resource; a CSP that forbids both. */
function renderHtml(ctx: Ctx, view: StoryView): string {
  const { story } = ctx;
  const h = escapeHtml;
  const link = (ids: string[]) => ids.map((id) => `<a href="#src-${ctx.number.get(id) ?? 0}">[${ctx.number.get(id) ?? '?'}]</a>`).join('');
  const parts: string[] = [];
  if (view === 'brief') {
    parts.push('<section><h2>Briefing</h2>');
    for (const b of story.briefing) parts.push(`<p>${h(b.text)} <span class="cite">${link(b.articleIds)}</span></p>`);
    if (story.briefing.length === 0) parts.push('<p class="none">No briefing.</p>');
    parts.push('</section>');
  }
  if (view === 'brief' || view === 'timeline') {
    parts.push('<section><h2>Timeline</h2><table><thead><tr><th>When</th><th>What</th><th>Articles</th></tr></thead><tbody>');
    for (const e of story.events) parts.push(`<tr class="${e.basis === 'none' ? 'undated' : ''}"><td class="when">${h(eventDate(e))}</td><td>${h(e.summary)}</td><td class="cite">${link(e.articleIds)}</td></tr>`);
    parts.push('</tbody></table></section>');
  }
  if (view === 'brief' || view === 'claims') {
    parts.push('<section><h2>Figures and dates across sources</h2>');
    for (const c of story.claims) {
      parts.push(`<div class="claim ${STATUS_CLASS[c.status]}"><h3>${h(c.measure)} <span class="status">${h(STATUS_WORD[c.status])}</span></h3>${c.reason ? `<p class="reason">${h(c.reason)}</p>` : ''}<ul>`);
      for (const v of c.values) parts.push(`<li>${h(valueLine(v))} <span class="cite">${link(v.articleIds)}</span></li>`);
      parts.push('</ul></div>');
    }
    if (story.claims.length === 0) parts.push('<p class="none">No figures or dates to compare.</p>');
    parts.push('</section>');
  }
  if (view === 'brief' && story.voice?.length) {
    parts.push('<section><h2>Loaded words</h2><table><thead><tr><th>Outlet</th><th>Own voice</th><th>Quoted</th></tr></thead><tbody>');
    const words = (xs: Array<{ word: string; count: number }>) => xs.map((x) => `${h(x.word)}${x.count > 1 ? ` \u00d7${x.count}` : ''}`).join(', ');
    for (const v of story.voice) parts.push(`<tr><td>${h(v.outlet)} ${link([v.articleId])}</td><td>${words(v.own)}</td><td>${words(v.quoted)}</td></tr>`);
    parts.push('</tbody></table></section>');
  }
  parts.push('<section><h2>Sources</h2><ol>');
  ctx.articles.forEach((a, i) => {
    const url = a.url && /^https?:\/\//i.test(a.url) ? a.url : null;
    const title = h(a.title ?? '(no title)');
    parts.push(`<li id="src-${i + 1}">${url ? `<a href="${h(url)}" rel="noopener noreferrer nofollow">${title}</a>` : title} \u2014 ${h(a.outlet ?? a.source)}, ${h(describePublished(a.published))}</li>`);
  });
  parts.push('</ol></section>');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(story.title)} \u2014 Storyline</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2327}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
.cite a{font-size:.8em;text-decoration:none;margin-left:.1em}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.3rem .5rem;vertical-align:top;text-align:left}.when{white-space:nowrap;color:#555}
tr.undated td{color:#777;font-style:italic}.claim{border-left:4px solid #999;padding:.2rem .8rem;margin:.8rem 0}
.claim h3{font-size:1rem;margin:.2rem 0}.status{font-size:.8rem;padding:.1rem .4rem;border-radius:.3rem;background:#eee}
.claim.bad{border-color:#c0392b}.claim.bad .status{background:#fadbd8}.claim.warn{border-color:#d68910}.claim.warn .status{background:#fdebd0}
.claim.ok{border-color:#1e8449}.claim.ok .status{background:#d5f5e3}.reason{color:#555;font-size:.9rem;margin:.2rem 0}.none{color:#777}
</style></head><body>
<h1>${h(story.title)}</h1>
<p class="meta">Story ${h(story.id)} \u00b7 ${ctx.articles.length} article${ctx.articles.length === 1 ? '' : 's'}</p>
${parts.join('\n')}
</body></html>
`;
}
