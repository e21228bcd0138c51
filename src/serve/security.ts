/**
 * Small middleware factories for the web app's defences. Scraped text is hostile and the server may
 * be reachable by others, so: a strict Content-Security-Policy (no inline script at all), bounded
 * request bodies, writes that need a token unless the server listens on loopback only, form posts
 * from this site only, and a Host check against DNS rebinding on loopback.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from './errors.ts';

/**
 * No inline script, style or event handler runs even if escaping ever failed: scripts and styles
 * come only from this server (`/static/`), nothing is framed, forms post only here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    // Links out to scraped articles must not tell their sites what the analyst was reading.
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
  };
}

/** Bodies over `maxBytes` are refused with 413 before they are read into memory. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpError(413, `the request body is over the ${Math.round(maxBytes / 1024 / 1024)} MB limit: send fewer or smaller articles per request (or start the server with a larger --max-bytes)`);
    },
  });
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * On loopback, only requests addressed to a loopback name are served: a web page elsewhere cannot
 * point its own domain at 127.0.0.1 (DNS rebinding) and read the store through the victim's browser.
 */
export function loopbackHostOnly(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    if (host !== undefined && !isLoopback(host.replace(/:\d+$/, ''))) {
      throw new HttpError(421, `this server listens on loopback only and does not answer for host '${host.slice(0, 80)}': open it as http://127.0.0.1 or http://localhost`);
    }
    await next();
  };
}

/**
 * Form posts only from this site: the browser's Origin (or Sec-Fetch-Site) must say so. Stops
 * another web page from submitting the ingest form into a store on the analyst's machine.
 */
export function sameOriginForms(): MiddlewareHandler {
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const own = new URL(c.req.url).origin;
    const fromHere = site === 'same-origin' || (origin !== undefined && origin === own);
    if (!fromHere) throw new HttpError(403, 'form posts are accepted only from this site\'s own pages: open the ingest page of this server and submit it there');
    await next();
  };
}

/** JSON writes must say they are JSON: a cross-site page cannot send that without a CORS preflight, which this server never grants. */
export function jsonOnly(): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) throw new HttpError(415, `send the articles as JSON with 'Content-Type: application/json' (got '${type.slice(0, 60) || 'none'}')`);
    await next();
  };
}

export interface WriteAccess {
  /** The shared secret writes must carry; null for none. */
  token: string | null;
  /** The server listens on loopback only. */
  loopback: boolean;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Compares in constant time (over digests, so lengths do not leak either). */
export function tokenMatches(given: string | null | undefined, token: string): boolean {
  return typeof given === 'string' && timingSafeEqual(digest(given), digest(token));
}

/**
 * Whether a write may proceed with this token. With a token configured, it must match; without
 * one, writes are open on loopback only, because anyone who can reach a public address could
 * otherwise fill the store.
 */
export function checkWrite(access: WriteAccess, given: string | null | undefined): void {
  if (access.token !== null) {
    if (!tokenMatches(given, access.token)) {
      throw new HttpError(401, given ? 'the token is wrong: use the one the server was started with (--token or STORYLINE_TOKEN)' : 'this server needs a token for writes: send \'Authorization: Bearer TOKEN\' (the API) or fill in the token field (the ingest form)');
    }
    return;
  }
  if (!access.loopback) {
    throw new HttpError(403, 'writes are disabled: this server is reachable from other machines and was started without a token; restart it with --token TOKEN (or STORYLINE_TOKEN) to allow them');
  }
}

/** The token of an API request: `Authorization: Bearer TOKEN`. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}
