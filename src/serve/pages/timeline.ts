/**
 * The story timeline as SVG: each dated event is a bar from the earliest to the latest day it can
 * have, so a precise day is a dot and "2024" is a year-long bar: the chart shows how much is known,
 * never more. Undated events are listed apart by the caller.
 */
import type { StoryEvent } from '../../report/schema.ts';
import { html, type Html } from '../html.ts';

const DAY = 86_400_000;
const WIDTH = 760;
const LEFT = 16;
const RIGHT = 40;
const TOP = 28;
const ROW = 22;
/** Average width of a character of the 11px label font, for fitting labels beside their bars. */
const CHAR_PX = 6;

/** Days an open-ended bar ("after 2024-01-01") runs at least, so it reads as a span, not a dot. */
const OPEN_DAYS = 180;

export interface PlacedEvent {
  event: StoryEvent;
  /** First and last possible day, as UTC milliseconds. */
  start: number;
  end: number;
  /** Bounded on one side only ("not before 2024-01-01"): the bar runs to the chart's edge, faded. */
  open?: 'after' | 'before';
}

/** The span of days a partial date covers: `2024` → the year, `2024-06` → June. */
function span(date: string): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) {
    const d = Date.UTC(y, Number(m[2]) - 1, Number(m[3]));
    return [d, d];
  }
  if (m[2]) return [Date.UTC(y, Number(m[2]) - 1, 1), Date.UTC(y, Number(m[2]), 0)];
  return [Date.UTC(y, 0, 1), Date.UTC(y, 11, 31)];
}

function day(bound: string | null): number | null {
  return bound ? (span(bound)?.[0] ?? null) : null;
}

/** Places an event: its bounds, else its date's span; null when neither says anything. */
export function place(event: StoryEvent): PlacedEvent | null {
  const s = event.date ? span(event.date) : null;
  const start = day(event.earliest) ?? s?.[0] ?? day(event.latest);
  const end = day(event.latest) ?? s?.[1] ?? start;
  if (start === null || end === null) return null;
  const open = !s && event.earliest && !event.latest ? 'after' : !s && event.latest && !event.earliest ? 'before' : undefined;
  return { event, start: Math.min(start, end), end: Math.max(start, end), ...(open ? { open } : {}) };
}

export function whenText(e: StoryEvent): string {
  if (e.date) return e.date;
  if (e.earliest && e.latest) return `${e.earliest} – ${e.latest}`;
  if (e.earliest) return `after ${e.earliest}`;
  if (e.latest) return `before ${e.latest}`;
  return 'undated';
}

function ticks(min: number, max: number): Array<{ at: number; label: string }> {
  const years = (max - min) / (365 * DAY);
  const out: Array<{ at: number; label: string }> = [];
  const from = new Date(min);
  if (years > 2.5) {
    const step = Math.ceil(years / 8);
    for (let y = from.getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= max; y += step) out.push({ at: Date.UTC(y, 0, 1), label: String(y) });
  } else {
    const step = years > 1 ? 3 : 1;
    for (let t = Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1); t <= max; ) {
      const d = new Date(t);
      if (d.getUTCMonth() % step === 0) out.push({ at: t, label: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}` });
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
  }
  return out;
}

/** The chart; events are numbered in date order, matching the list the caller prints under it. */
export function timelineSvg(placed: readonly PlacedEvent[]): Html {
  // An open bound shows at least OPEN_DAYS of the side it is open on.
  const min = Math.min(...placed.map((p) => (p.open === 'before' ? p.end - OPEN_DAYS * DAY : p.start)));
  const max = Math.max(...placed.map((p) => (p.open === 'after' ? p.start + OPEN_DAYS * DAY : p.end))) + DAY;
  const pad = Math.max(DAY * 15, (max - min) * 0.03);
  const lo = min - pad;
  const hi = max + pad;
  const x = (t: number) => LEFT + ((t - lo) / (hi - lo)) * (WIDTH - LEFT - RIGHT);
  const height = TOP + placed.length * ROW + 10;
  const axis = ticks(lo, hi).map((t) => html`<line x1="${x(t.at).toFixed(1)}" x2="${x(t.at).toFixed(1)}" y1="${TOP - 8}" y2="${height}"/><text x="${(x(t.at) + 3).toFixed(1)}" y="14">${t.label}</text>`);
  const rows = placed.map((p, i) => {
    const y = TOP + i * ROW;
    // An open bound runs to the chart's edge: the event can lie anywhere that way.
    const x0 = p.open === 'before' ? x(lo) : x(p.start);
    const w = Math.max(7, (p.open === 'after' ? x(hi) : x(p.end + DAY)) - x0);
    const precise = p.end === p.start && !p.open;
    // The label goes where there is more room, right or left of the bar, cut to fit.
    const right = WIDTH - (x0 + w + 4);
    const left = x0 - 4;
    const room = Math.max(right, left);
    const label = fit(`${i + 1}. ${p.event.summary}`, Math.floor(room / CHAR_PX));
    const text = right >= left
      ? html`<text x="${(x0 + w + 4).toFixed(1)}" y="${y + 14}">${label}</text>`
      : html`<text x="${(x0 - 4).toFixed(1)}" y="${y + 14}" text-anchor="end">${label}</text>`;
    return html`<g class="event${precise ? ' day' : ''}${p.open ? ' open' : ''}"><title>${whenText(p.event)}: ${p.event.summary}</title><rect x="${x0.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="12" rx="${precise ? 6 : 2}"/>${text}</g>`;
  });
  return html`<svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Timeline of ${placed.length} dated events"><g class="axis">${axis}</g>${rows}</svg>`;
}

function fit(label: string, chars: number): string {
  return label.length <= chars ? label : `${label.slice(0, Math.max(1, chars - 1)).trimEnd()}…`;
}
