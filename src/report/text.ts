/**
 * Making hostile text safe to show: on a terminal (no control characters: a title must not move the
 * cursor or recolour the screen), in Markdown (no raw HTML, links or table breaks), in HTML.
 */
import type { ReportPublished } from './schema.ts';

// C0 and C1 control characters other than tab and newline (ESC starts terminal escape sequences).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function forTerminal(s: string): string {
  return s.replace(CONTROL, '');
}

export function forMarkdown(s: string): string {
  return forTerminal(s)
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#])/g, '\\$1');
}

export function describeDate(p: ReportPublished): string {
  if (p.basis === 'explicit') return p.value ?? 'date unknown';
  if (p.basis === 'unknown') return 'date unknown';
  if (p.value) return `${p.value} (inferred, ${range(p)})`;
  return `${range(p)} (inferred)`;
}

function range(p: ReportPublished): string {
  if (p.earliest && p.latest) return `${p.earliest} to ${p.latest}`;
  if (p.earliest) return `not before ${p.earliest}`;
  if (p.latest) return `not after ${p.latest}`;
  return 'no bounds';
}


const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text → HTML text or attribute value: control characters and bidi overrides dropped (as on a
 * terminal: they can disguise what a reader sees), quotes escaped too, so it is safe inside `"..."`
 * and `'...'`. The web app (serve/html.ts) and the HTML briefing both use it.
 */
export function escapeHtml(s: string): string {
  return forTerminal(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
