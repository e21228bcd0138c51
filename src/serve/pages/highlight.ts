/**
 * Marking words in scraped text: the text is cut at the matches and every piece is escaped, so a
 * highlight can never turn article content into markup.
 */
import { html, type Html } from '../html.ts';

export type MarkKind = 'entity' | 'quote' | 'figure' | 'match';

export interface Mark {
  /** The words to mark, as they appear in the text. */
  text: string;
  kind: MarkKind;
  /** Shown on hover: what the mark stands for. */
  note?: string;
}

interface Range {
  start: number;
  end: number;
  mark: Mark;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every occurrence of each mark, whole words only; overlaps go to the earlier, then the longer one. */
function ranges(text: string, marks: readonly Mark[]): Range[] {
  const found: Range[] = [];
  for (const mark of marks) {
    const needle = mark.text.trim();
    if (needle.length < 2) continue;
    // Whole words: "Kim" must not mark "Kimberly"; whitespace in the needle matches any run of it.
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, `gu${mark.kind === 'match' ? 'i' : ''}`);
    for (const m of text.matchAll(pattern)) found.push({ start: m.index, end: m.index + m[0].length, mark });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Range[] = [];
  for (const r of found) if (!kept.length || r.start >= kept[kept.length - 1]!.end) kept.push(r);
  return kept;
}

export function highlight(text: string, marks: readonly Mark[]): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const r of ranges(text, marks)) {
    parts.push(html`${text.slice(at, r.start)}<mark class="${r.mark.kind}"${r.mark.note ? html` title="${r.mark.note}"` : ''}>${text.slice(r.start, r.end)}</mark>`);
    at = r.end;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}

/** The words of a web-search query worth marking (no operators, no excluded words). */
export function queryWords(q: string | null | undefined): string[] {
  if (!q) return [];
  const phrases = [...q.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim());
  const words = q.replace(/"[^"]*"/g, ' ').split(/\s+/).filter((w) => w && !w.startsWith('-') && w.toLowerCase() !== 'or');
  return [...phrases, ...words.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))].filter((w) => w.length > 1);
}

/** About `width` characters of `text` around the first match of any word (plain text, for the API and the page). */
export function excerptAround(text: string, words: readonly string[], width = 260): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  let first = -1;
  for (const w of words) {
    const i = lower.indexOf(w.toLowerCase());
    if (i !== -1 && (first === -1 || i < first)) first = i;
  }
  const start = first <= width / 3 ? 0 : flat.lastIndexOf(' ', first - width / 3) + 1;
  const end = Math.min(flat.length, start + width);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

/** The excerpt with the words marked. */
export function snippet(text: string, words: readonly string[], width = 260): Html {
  return highlight(excerptAround(text, words, width), words.map((w) => ({ text: w, kind: 'match' as const })));
}
