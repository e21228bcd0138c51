/**
 * WARC files (ISO 28500), plain or gzipped record by record as Common Crawl's CC-NEWS ships them,
 * read with warcio (Webrecorder's maintained reader). Each `response` record with status 200 and
 * an HTML (or plain text) payload becomes one input: its URL from `WARC-Target-URI`, its bytes
 * decoded with the charset its HTTP `Content-Type` declares. Everything else a crawl holds
 * (request, metadata and warcinfo records, redirects, images) is skipped and counted, not
 * reported one by one. A truncated or corrupt record is an error item and ends the file: a reader
 * cannot find the next record boundary in damaged data reliably.
 *
 * warcio itself does not flag damage: a short record reads short, and a corrupt gzip member just
 * ends the iteration. So we check what it read against what the headers promised (the record's
 * remaining Content-Length, the file's size), and never ask it for another record after a short
 * one (warcio 2.4.11 then waits forever on the ended stream).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { WARCParser, WARCRecord } from 'warcio';
import type { ReadItem } from './read.ts';

export interface WarcOptions {
  /** Largest record payload accepted. */
  maxBytes: number;
  /** Told once per file what was skipped and why, with counts ("12 request records, 3 HTTP 404"). */
  onNote?: (path: string, message: string) => void;
}

const PAGE_TYPE = /^\s*(text\/html|application\/xhtml\+xml|text\/plain)\b/i;
/** A local file read never stalls this long; a stall means the parser lost its way in bad data. */
const STALL_MS = 15_000;

type Parsed = { record: WARCRecord | null } | { error: string };
/** warcio internals we read to detect damage (see the module comment). */
type Internals = { _reader: { limit: number } };
type ParserInternals = { _reader: { getRawOffset(): number } };

export async function* warcItems(path: string, opts: WarcOptions): AsyncGenerator<ReadItem> {
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  let n = 0;
  let pages = 0;
  let broken = false;
  const size = (await stat(path)).size;
  // Loaded on first use: every `storyline` command would otherwise pay for it at start-up.
  const { WARCParser: Parser } = await import('warcio');
  const stream = createReadStream(path);
  const parser = new Parser(stream);
  try {
    for (;;) {
      const parsed = await parseNext(parser);
      if ('error' in parsed) {
        yield { ok: false, path: `${path}#${n + 1}`, reason: `corrupt WARC record: ${parsed.error}` };
        broken = true;
        break;
      }
      const { record } = parsed;
      if (!record) {
        const offset = (parser as unknown as ParserInternals)._reader.getRawOffset();
        if (offset < size) yield { ok: false, path: `${path}#${n + 1}`, reason: `truncated or corrupt WARC data after ${n} record(s), at byte ${offset} of ${size}` };
        broken = offset < size;
        break;
      }
      n++;
      const source = `${path}#${n}`;
      if (!/^WARC\/\d/.test(record.warcHeaders.statusline)) {
        yield { ok: false, path: n === 1 ? path : source, reason: n === 1 ? 'not a WARC file (it does not start with a WARC/1.x record)' : 'corrupt WARC record: no WARC/1.x header line' };
        broken = true;
        break;
      }
      const item = await recordItem(record, source, opts.maxBytes, skip);
      if ((record as unknown as Internals)._reader.limit > 0) {
        yield { ok: false, path: source, reason: `truncated WARC record: ${(record as unknown as Internals)._reader.limit} of its ${record.warcContentLength} bytes are missing` };
        broken = true;
        break;
      }
      if (item) {
        if (item.ok) pages++;
        yield item;
      }
    }
  } finally {
    stream.destroy();
  }
  if (n > 0 && !broken && pages === 0 && skipped.size === 0) yield { ok: false, path, reason: 'no response records with a page' };
  if (skipped.size) {
    const parts = [...skipped].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `${count} ${reason}`);
    opts.onNote?.(path, `skipped ${[...skipped.values()].reduce((a, b) => a + b, 0)} of ${n} WARC records: ${parts.join(', ')}`);
  }
}

async function parseNext(parser: WARCParser): Promise<Parsed> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<Parsed>((resolve) => {
    timer = setTimeout(() => resolve({ error: `the reader stalled for ${STALL_MS / 1000} s` }), STALL_MS);
  });
  try {
    return await Promise.race([parser.parse().then((record) => ({ record }), (e: Error) => ({ error: e.message })), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads the rest of a record we do not keep (never warcio's skipFully: it loops on a short record). */
async function drain(record: WARCRecord): Promise<void> {
  for await (const _ of record.reader);
}

async function recordItem(record: WARCRecord, source: string, maxBytes: number, skip: (reason: string) => void): Promise<ReadItem | null> {
  try {
    const skipAs = async (reason: string) => {
      await drain(record);
      skip(reason);
      return null;
    };
    if (record.warcType !== 'response') return skipAs(`${record.warcType ?? 'untyped'} records`);
    const http = record.httpHeaders;
    if (!http) return skipAs('responses without HTTP headers');
    const status = Number(http.statusCode);
    if (status !== 200) return skipAs(`HTTP ${Number.isFinite(status) ? status : 'unknown status'}`);
    const contentType = http.headers.get('content-type') ?? '';
    if (!PAGE_TYPE.test(contentType)) return skipAs(`not HTML (${contentType.split(';')[0]!.trim() || 'no Content-Type'})`);
    if (record.warcContentLength > maxBytes + 64 * 1024) {
      await drain(record);
      return { ok: false, path: source, reason: `record is ${record.warcContentLength} bytes, over the ${maxBytes}-byte limit (raise it with --max-bytes)` };
    }
    // Content = the payload with any chunked transfer- and gzip/deflate content-encoding undone.
    const bytes = await record.readFully(true);
    if (bytes.length === 0) return { ok: false, path: source, reason: 'empty response payload' };
    if (bytes.length > maxBytes) return { ok: false, path: source, reason: `page is ${bytes.length} bytes, over the ${maxBytes}-byte limit (raise it with --max-bytes)` };
    return { ok: true, input: { source, kind: /text\/plain/i.test(contentType) ? 'text' : 'html', bytes, contentType, url: record.warcTargetURI ?? null } };
  } catch (e) {
    return { ok: false, path: source, reason: `unreadable WARC record: ${(e as Error).message}` };
  }
}
