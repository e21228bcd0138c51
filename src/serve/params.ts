/**
 * Validation of what arrives in URLs: ids and search parameters. Anything malformed is a 400 with
 * a message saying what a good value looks like; the store only ever sees checked values.
 */
import { MAX_LIMIT, type ArticleQuery } from '../store/search.ts';
import { HttpError } from './errors.ts';

export const ARTICLE_ID = /^a[0-9a-f]{16}$/;
export const STORY_ID = /^s[0-9a-f]{16}$/;

/** Longest search text accepted: a query, not a document. */
export const MAX_QUERY_CHARS = 200;
/** Most articles accepted in one POST: a batch, not a bulk load (use `storyline analyze` for that). */
export const MAX_BATCH = 1000;
/** Deepest page of results: beyond it, narrow the search instead. */
export const MAX_OFFSET = 10_000;

export function articleId(value: string): string {
  if (!ARTICLE_ID.test(value)) throw new HttpError(400, `'${clip(value)}' is not an article id: ids are 'a' and 16 hex digits, like a0123456789abcdef`);
  return value;
}

export function storyId(value: string): string {
  if (!STORY_ID.test(value)) throw new HttpError(400, `'${clip(value)}' is not a story id: ids are 's' and 16 hex digits, like s0123456789abcdef`);
  return value;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

type Get = (name: string) => string | undefined;

function text(get: Get, name: string): string | null {
  const v = get(name)?.trim();
  if (!v) return null;
  if (v.length > MAX_QUERY_CHARS) throw new HttpError(400, `'${name}' is ${v.length} characters long; at most ${MAX_QUERY_CHARS} are accepted`);
  return v;
}

export function integer(get: Get, name: string, fallback: number, min: number, max: number): number {
  const v = get(name);
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, `'${name}' must be a whole number from ${min} to ${max} (got '${clip(v)}')`);
  return n;
}

/**
 * A date bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, widened to the first (`from`) or last (`to`)
 * day it covers, so `from=2024&to=2024` means the whole year.
 */
function dateBound(get: Get, name: 'from' | 'to'): string | null {
  const v = get(name)?.trim();
  if (!v) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  const bad = new HttpError(400, `'${name}' must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got '${clip(v)}')`);
  if (!m) throw bad;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : name === 'from' ? 1 : 12;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] ? Number(m[3]) : name === 'from' ? 1 : lastDay;
  if (month < 1 || month > 12 || day < 1 || day > lastDay) throw bad;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The search parameters `q`, `entity`, `from`, `to`, `limit`, `offset`, checked. */
export function articleQuery(get: Get, defaultLimit = 20): Required<ArticleQuery> {
  const query = {
    q: text(get, 'q'),
    entity: text(get, 'entity'),
    from: dateBound(get, 'from'),
    to: dateBound(get, 'to'),
    limit: integer(get, 'limit', defaultLimit, 1, MAX_LIMIT),
    offset: integer(get, 'offset', 0, 0, MAX_OFFSET),
  };
  if (query.from && query.to && query.from > query.to) throw new HttpError(400, `'from' (${query.from}) is after 'to' (${query.to}): swap them`);
  return query;
}

export function isSearch(q: ArticleQuery): boolean {
  return Boolean(q.q || q.entity || q.from || q.to);
}
