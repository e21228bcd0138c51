/**
 * HTML output. Scraped text is hostile, so the only way to build markup is the `html` tagged
 * template, which escapes every interpolated value unless it is already `Html` (the output of
 * another `html` template). There is no way to splice an unchecked string into a page: a title
 * holding `<script>` or an `onerror=` attribute comes out as visible text.
 */
import { escapeHtml } from '../report/text.ts';

export { escapeHtml };

/** Markup built by `html`: safe to embed as is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false || value === true) return '';
  return escapeHtml(String(value));
}

/** Tagged template: html`<p>${text}</p>` escapes `text`; nested html`` values and arrays of them pass through. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/**
 * A link target from scraped data, or null when it is not a plain web address. Only absolute
 * http(s) URLs are linked: `javascript:`, `data:` and relative URLs render as text instead.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** An outgoing link to a page from the scraped data: it carries no referrer and no opener. */
export function externalLink(url: string | null | undefined, label?: HtmlValue): Html {
  const href = safeHref(url);
  if (!href) return html`<span class="url">${url ?? ''}</span>`;
  return html`<a class="external" href="${href}" rel="noopener noreferrer nofollow" target="_blank">${label ?? href}</a>`;
}
