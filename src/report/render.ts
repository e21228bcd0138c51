/**
 * Renders a report for people: `text` for a terminal, `md` for documents. (`json` is the report
 * itself.) Scraped content is hostile, so everything taken from an article goes through
 * `forTerminal` (no control characters: a title must not be able to move the cursor or recolour the
 * screen) or `forMarkdown` (no raw HTML, links or table breaks).
 */
import type { Report, ReportArticle, ReportStory } from './schema.ts';
import { storySections } from './story.ts';
import { describeDate, forMarkdown, forTerminal } from './text.ts';

export { describeDate, forMarkdown, forTerminal } from './text.ts';

export type Format = 'text' | 'md' | 'json';
export const FORMATS: readonly Format[] = ['text', 'md', 'json'];

/** Words of each article's opening shown in the Markdown report. */
const EXCERPT_WORDS = 45;
/** Entities and speakers named per story on a terminal (the JSON and Markdown reports list all). */
const TEXT_ENTITIES = 8;
/** Words of a quotation shown in the Markdown table before it is cut. */
const QUOTE_WORDS = 40;

export function render(report: Report, format: Format): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return format === 'md' ? renderMarkdown(report) : renderText(report);
}

function summaryLine(r: Report): string {
  const s = r.summary;
  const parts = [`${s.inputs} input${s.inputs === 1 ? '' : 's'}`, `${s.analysed} analysed`];
  if (s.unchanged) parts.push(`${s.unchanged} already stored`);
  if (s.failed) parts.push(`${s.failed} failed`);
  return `${parts.join(', ')} \u2014 ${s.articles} article${s.articles === 1 ? '' : 's'} in ${s.stories} stor${s.stories === 1 ? 'y' : 'ies'}`;
}

function removedSummary(a: ReportArticle): string {
  if (a.removed.length === 0) return 'nothing removed';
  const counts = new Map<string, number>();
  for (const r of a.removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return `removed: ${[...counts].map(([k, n]) => (n > 1 ? `${k} \u00d7${n}` : k)).join(', ')}`;
}

function byId(r: Report): Map<string, ReportArticle> {
  return new Map(r.articles.map((a) => [a.id, a]));
}

function excerpt(text: string, words = EXCERPT_WORDS): string {
  const w = text.split(/\s+/);
  return w.length <= words ? text : `${w.slice(0, words).join(' ')}\u2026`;
}

function renderText(r: Report): string {
  const out: string[] = [`Storyline report: ${summaryLine(r)}`, ''];
  const articles = byId(r);
  for (const story of r.stories) {
    out.push(`STORY ${story.id}  ${forTerminal(story.title)}`);
    out.push(`  ${story.articleIds.length} article${story.articleIds.length === 1 ? '' : 's'}${story.mergedFrom.length ? ` \u00b7 merged from ${story.mergedFrom.join(', ')}` : ''}`);
    const people = story.entities.slice(0, TEXT_ENTITIES).map((e) => forTerminal(e.name) + (e.aliases.length ? ` (${e.aliases.slice(0, 3).map(forTerminal).join(', ')})` : ''));
    if (people.length) out.push(`  who and where: ${people.join('; ')}${story.entities.length > TEXT_ENTITIES ? `; +${story.entities.length - TEXT_ENTITIES} more` : ''}`);
    const said = speakers(story);
    if (said.length) out.push(`  quoted: ${said.slice(0, TEXT_ENTITIES).map(([who, n]) => `${forTerminal(who)} \u00d7${n}`).join(', ')}`);
    for (const id of story.articleIds) {
      const a = articles.get(id);
      if (!a) continue;
      const title = a.title ? forTerminal(a.title) + (a.titleDerived ? ' [derived title]' : '') : '(no title)';
      out.push(`  - ${a.id}  ${title}`);
      out.push(`      ${forTerminal(a.source)}${a.parentId ? ` (split from ${a.parentId})` : ''}`);
      out.push(`      ${describeDate(a.published)} \u00b7 ${a.language ?? 'language unknown'} \u00b7 ${removedSummary(a)}`);
    }
    out.push('');
  }
  if (r.errors.length) {
    out.push(`ERRORS (${r.errors.length})`);
    for (const e of r.errors) out.push(`  ${forTerminal(e.path)}: ${forTerminal(e.reason)}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function renderMarkdown(r: Report): string {
  const out: string[] = ['# Storyline report', '', `_${summaryLine(r)} \u00b7 generated ${r.generatedAt}_`, ''];
  const articles = byId(r);
  for (const story of r.stories) out.push(...storyMarkdown(story, articles));
  const orphans = r.articles.filter((a) => !a.storyId || !r.stories.some((s) => s.id === a.storyId));
  if (orphans.length) {
    out.push('## Articles in no story', '');
    for (const a of orphans) out.push(...articleMarkdown(a));
  }
  if (r.errors.length) {
    out.push(`## Inputs that could not be analysed (${r.errors.length})`, '', '| Input | Why |', '|---|---|');
    for (const e of r.errors) out.push(`| ${forMarkdown(e.path)} | ${forMarkdown(e.reason)} |`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function storyMarkdown(story: ReportStory, articles: Map<string, ReportArticle>): string[] {
  const members = story.articleIds.map((id) => articles.get(id)).filter((a): a is ReportArticle => a !== undefined);
  const out = [`## ${forMarkdown(story.title)}`, ''];
  out.push(`Story \`${story.id}\` \u00b7 ${members.length} article${members.length === 1 ? '' : 's'}${story.mergedFrom.length ? ` \u00b7 merged from ${story.mergedFrom.map((m) => `\`${m}\``).join(', ')}` : ''}`, '');
  out.push('| # | Article | Published | Language | Source |', '|---|---|---|---|---|');
  members.forEach((a, i) => {
    const title = `${a.title ? forMarkdown(a.title) : '(no title)'}${a.titleDerived ? ' _(derived title)_' : ''}`;
    out.push(`| ${i + 1} | ${title} | ${forMarkdown(describeDate(a.published))} | ${a.language ?? '?'} | ${forMarkdown(a.source)} |`);
  });
  out.push('');
  out.push(...storySections(story, members));
  if (story.entities.length) {
    out.push('### Who and what', '', '| Name | Type | Also written | Role | Mentions |', '|---|---|---|---|---|');
    for (const e of story.entities) {
      out.push(`| ${forMarkdown(e.name)} | ${e.type} | ${e.aliases.map(forMarkdown).join(', ')} | ${e.role ? forMarkdown(e.role) : ''} | ${e.mentions} |`);
    }
    out.push('');
  }
  const direct = story.quotes.filter((q) => q.direct);
  if (direct.length) {
    const number = new Map(members.map((a, i) => [a.id, i + 1]));
    out.push('### Who said what', '', '| Speaker | Said | Via | Article |', '|---|---|---|---|');
    for (const q of direct) {
      out.push(`| ${q.speaker ? forMarkdown(q.speaker) : '_unknown_'} | \u201c${forMarkdown(excerpt(q.text, QUOTE_WORDS))}\u201d | ${q.via ? forMarkdown(q.via) : ''} | ${number.get(q.articleId) ?? ''} \`${q.articleId}\` |`);
    }
    const reported = story.quotes.length - direct.length;
    out.push('', `_${direct.length} direct quotation${direct.length === 1 ? '' : 's'}${reported ? `; ${reported} reported statement${reported === 1 ? '' : 's'} in the JSON report` : ''}. Article numbers follow the table above._`, '');
  }
  for (const a of members) out.push(...articleMarkdown(a));
  return out;
}

/** Speakers of a story's direct quotations, most quoted first. */
function speakers(story: ReportStory): Array<[string, number]> {
  const n = new Map<string, number>();
  for (const q of story.quotes) if (q.direct && q.speaker) n.set(q.speaker, (n.get(q.speaker) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function articleMarkdown(a: ReportArticle): string[] {
  const out = [`### ${a.title ? forMarkdown(a.title) : '(no title)'}${a.titleDerived ? ' _(derived title)_' : ''}`, ''];
  out.push(`\`${a.id}\` \u00b7 ${forMarkdown(a.source)}${a.parentId ? ` \u00b7 split from \`${a.parentId}\`` : ''}`, '');
  out.push(`- **Published:** ${forMarkdown(describeDate(a.published))}${a.published.evidence ? ` \u2014 ${forMarkdown(a.published.evidence)}` : ''}`);
  out.push(`- **Language:** ${a.language ?? 'unknown'}`);
  out.push(`- **Cleaning:** ${forMarkdown(removedSummary(a))}`, '');
  out.push(`> ${forMarkdown(excerpt(a.text))}`, '');
  if (a.removed.length) {
    out.push('<details><summary>What was removed, and why</summary>', '');
    for (const r of a.removed) out.push(`- _${r.reason}_: ${forMarkdown(excerpt(r.text, 25))}`);
    out.push('', '</details>', '');
  }
  return out;
}
