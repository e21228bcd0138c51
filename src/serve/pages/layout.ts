/** The page frame and the small pieces every page shares (dates, citations, "none yet" notes). */
import { describeDate } from '../../report/render.ts';
import type { ReportPublished } from '../../report/schema.ts';
import { html, type Html, type HtmlValue } from '../html.ts';

export type Section = 'stories' | 'ingest' | 'api' | null;

export function page(title: string, body: HtmlValue, section: Section = null): string {
  const nav = (name: Section, href: string, label: string) => html`<a href="${href}"${name === section ? html` aria-current="page"` : ''}>${label}</a>`;
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Storyline</title>
<link rel="stylesheet" href="/static/style.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="top"><a class="brand" href="/">Storyline</a><nav>${nav('stories', '/', 'Stories')}${nav('ingest', '/ingest', 'Ingest')}${nav('api', '/api/openapi.json', 'API')}</nav></header>
<main>
${body}
</main>
</body>
</html>`}`;
}

/** A section of a page with a heading; `content` null or empty shows why there is nothing. */
export function section(id: string, heading: string, content: HtmlValue, emptyNote: string, isEmpty: boolean): Html {
  return html`<section id="${id}"><h2>${heading}</h2>${isEmpty ? html`<p class="none">${emptyNote}</p>` : content}</section>`;
}

export function dateText(p: ReportPublished): string {
  return describeDate(p);
}

/** `[1]`-style links to the cited articles, numbered by their place in the story's sources. */
export function citations(ids: readonly string[], number: (id: string) => number | undefined, title: (id: string) => string): Html {
  return html`<span class="cites">${ids.map((id) => {
    const n = number(id);
    return html`<a class="cite" href="/articles/${id}" title="${title(id)}">[${n ?? '?'}]</a>`;
  })}</span>`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
