/**
 * Fetching a URL the user named (a feed, or with `--fetch` the page a feed item links to), with
 * the limits hostile servers need: one deadline for the whole exchange (redirects and body
 * included), a size cap enforced while the body streams in (a lying or missing Content-Length
 * cannot get past it), a bounded number of redirects, http/https only, and a User-Agent that
 * says who is asking (RFC 9110 §10.1.5). Failures come back as a reason, never as an exception.
 */
import { createRequire } from 'node:module';

export interface FetchOptions {
  /** Deadline for the whole fetch, redirects and body included. */
  timeoutMs?: number;
  /** Largest body accepted. */
  maxBytes?: number;
  /** Redirects followed before giving up. */
  maxRedirects?: number;
  userAgent?: string;
}

export type FetchResult =
  | { ok: true; url: string; status: number; contentType: string | null; bytes: Uint8Array }
  | { ok: false; url: string; reason: string };

export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;
export const DEFAULT_FETCH_MAX_BYTES = 10 * 1024 * 1024;
/** Browsers follow up to 20 (Fetch standard, "HTTP-redirect fetch"); a news page needs a few. */
export const DEFAULT_MAX_REDIRECTS = 5;

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
export const USER_AGENT = `Storyline/${version} (news analysis; fetches only feeds and pages its user names)`;

export function isHttpUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  try {
    for (let redirects = 0; ; redirects++) {
      let parsed: URL;
      try {
        parsed = new URL(current);
      } catch {
        return { ok: false, url: current, reason: 'not a valid URL' };
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        return { ok: false, url: current, reason: `only http and https URLs are fetched, not ${parsed.protocol}` };
      }
      const res = await fetch(parsed, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': opts.userAgent ?? USER_AGENT, accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/*;q=0.8' },
      });
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel();
        if (redirects >= maxRedirects) return { ok: false, url, reason: `more than ${maxRedirects} redirects` };
        current = new URL(res.headers.get('location')!, parsed).toString();
        continue;
      }
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel();
        return { ok: false, url: current, reason: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > maxBytes) {
        await res.body?.cancel();
        return { ok: false, url: current, reason: `response is ${declared} bytes, over the ${maxBytes}-byte limit` };
      }
      const bytes = await readCapped(res, maxBytes);
      if (!bytes) return { ok: false, url: current, reason: `response is over the ${maxBytes}-byte limit` };
      return { ok: true, url: current, status: res.status, contentType: res.headers.get('content-type'), bytes };
    }
  } catch (e) {
    if (signal.aborted) return { ok: false, url: current, reason: `no complete answer within ${timeoutMs} ms` };
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, url: current, reason: `cannot fetch: ${cause?.code ?? cause?.message ?? (e as Error).message}` };
  }
}

/** The body, or null as soon as it passes `maxBytes` (the rest is not downloaded). */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}
