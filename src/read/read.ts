/**
 * Read stage: turns the paths a user gave (files, folders, `-` for standard input) into raw inputs,
 * one at a time, and every input it cannot use into an error item saying why.
 *
 * Only I/O and framing happen here. Text and HTML files are handed over as bytes: the decode stage
 * picks their charset and rejects binary content. JSON and JSON Lines are decoded here (they must
 * be, to be parsed), with the same `decode`, so a windows-1252 JSON file reads as well as a .txt.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname, join } from 'node:path';
import type { Diagnostic, InputKind, RawInput } from '../article/article.ts';
import { decode, normalizeText } from '../decode/index.ts';
import { feedItems, looksLikeFeed } from './feed.ts';
import { fetchUrl, isHttpUrl, type FetchOptions } from './fetch.ts';
import { warcItems } from './warc.ts';

export type ReadItem = { ok: true; input: RawInput } | { ok: false; path: string; reason: string };

export interface ReadOptions {
  /** Largest file (or standard-input line) read; bigger ones become error items. */
  maxBytes?: number;
  /** Where `-` reads JSON Lines from; defaults to `process.stdin` (tests pass their own). */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Limits for URLs (feeds, pages) and, with `fetchLinks`, feed items' links. */
  fetch?: FetchOptions;
  /** Analyse the page each feed item links to instead of the feed's copy of it. */
  fetchLinks?: boolean;
  /** Told what a file held that is not an input and was passed over (a WARC's request records). */
  onNote?: (path: string, message: string) => void;
}

/** Larger files are refused: a news article is kilobytes; 10 MB leaves room for bloated HTML. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** The path that means "JSON Lines on standard input". */
export const STDIN_PATH = '-';

const FORMATS = {
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.warc': 'warc',
  '.warc.gz': 'warc',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
} as const;
type Format = (typeof FORMATS)[keyof typeof FORMATS];

export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS) as ReadonlyArray<keyof typeof FORMATS>;

const EXPECTED = `expected ${SUPPORTED_EXTENSIONS.slice(0, -1).join(', ')} or ${SUPPORTED_EXTENSIONS.at(-1)}`;

/**
 * Yields one item per input file or JSON record, in a deterministic order: paths as given, folder
 * entries sorted by name (code-unit order, not locale), recursively. Dot-files and dot-folders
 * inside folders (`.git`, `.storyline`) are skipped; symbolic links are followed, but a folder is
 * never walked twice, so link loops end. Lazy: files are read one at a time, as items are pulled;
 * only the names of the folders being walked are held.
 */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(Number.isInteger(maxBytes) && maxBytes > 0)) throw new RangeError(`maxBytes must be a positive integer, got ${maxBytes}`);
  const walked = new Set<string>();
  for (const path of paths) {
    if (path === STDIN_PATH) yield* readStdin(opts.stdin, maxBytes);
    else if (isHttpUrl(path)) yield* readUrl(path, opts);
    else yield* readPath(path, { ...opts, maxBytes }, walked);
  }
}

/** A URL: a feed (by its Content-Type or its root element) gives its items; anything else is one page. */
async function* readUrl(url: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const got = await fetchUrl(url, { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, ...opts.fetch });
  if (!got.ok) {
    yield fail(url, `${got.url === url ? '' : `(redirected to ${got.url}) `}${got.reason}`);
    return;
  }
  const type = got.contentType ?? '';
  if (/(rss|atom|xml)/i.test(type) || /^\s*</.test(Buffer.from(got.bytes.subarray(0, 512)).toString('latin1'))) {
    const decoded = decode(got.bytes, { contentTypeHint: type || 'text/xml' });
    if (!('error' in decoded) && looksLikeFeed(decoded.text)) {
      yield* feedItems(url, decoded.text, decoded.diagnostics, opts);
      return;
    }
  }
  if (!/^\s*(text\/|application\/xhtml)/i.test(type) && type !== '') {
    yield fail(url, `not a page or a feed (Content-Type ${type.split(';')[0]})`);
    return;
  }
  yield { ok: true, input: { source: url, kind: /text\/plain/i.test(type) ? 'text' : 'html', bytes: got.bytes, url: got.url, ...(type ? { contentType: type } : {}) } };
}

async function* readPath(path: string, opts: ReadOptions & { maxBytes: number }, walked: Set<string>): AsyncGenerator<ReadItem> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (err) {
    yield fail(path, fsReason(err, path));
    return;
  }
  if (info.isDirectory()) {
    const id = `${info.dev}:${info.ino}`;
    if (walked.has(id)) return; // reached again through a symbolic link: already read
    walked.add(id);
    let names: string[];
    try {
      names = await readdir(path);
    } catch (err) {
      yield fail(path, fsReason(err, path));
      return;
    }
    for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
      yield* readPath(join(path, name), opts, walked);
    }
  } else if (!info.isFile()) {
    yield fail(path, 'not a regular file (a device, socket or pipe)');
  } else {
    yield* readFileItems(path, info.size, opts);
  }
}

async function* readFileItems(path: string, size: number, opts: ReadOptions & { maxBytes: number }): AsyncGenerator<ReadItem> {
  const { maxBytes } = opts;
  const format = formatFor(path, size, maxBytes);
  if (typeof format !== 'string') {
    yield format;
    return;
  }
  if (format === 'warc') {
    yield* warcItems(path, { maxBytes, onNote: opts.onNote });
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    yield fail(path, fsReason(err, path));
    return;
  }
  if (format === 'feed') {
    const decoded = decode(bytes);
    if ('error' in decoded) yield fail(path, decoded.error);
    else yield* feedItems(path, decoded.text, decoded.diagnostics, opts);
    return;
  }
  yield* bytesItems(path, format, bytes);
}

/**
 * Items from a file already in memory (an upload), under the same rules as a file on disk: the
 * name's extension picks the format, empty and oversized files are refused.
 */
export function* readBytes(name: string, bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Generator<ReadItem> {
  const format = formatFor(name, bytes.length, maxBytes);
  if (typeof format !== 'string') yield format;
  else yield* bytesItems(name, format, bytes);
}

/** The format a file's name says, or the error item when the file cannot be read as one. */
function formatFor(path: string, size: number, maxBytes: number): Format | ReadItem {
  const ext = /\.warc\.gz$/i.test(path) ? '.warc.gz' : extname(path).toLowerCase();
  const format: Format | undefined = Object.hasOwn(FORMATS, ext) ? FORMATS[ext as keyof typeof FORMATS] : undefined;
  if (!format) return fail(path, `unsupported file type ${ext ? `'${ext}'` : '(no extension)'} (${EXPECTED})`);
  if (size === 0) return fail(path, 'empty file');
  // Web archives hold thousands of pages: the size limit applies to each record, not the file.
  if (format === 'warc') return format;
  if (size > maxBytes) return fail(path, tooLarge(`file is ${formatBytes(size)},`, maxBytes));
  return format;
}

/** Text, HTML and JSON: the formats that need nothing but their bytes (no file, no network). */
function* bytesItems(path: string, format: Format, bytes: Uint8Array): Generator<ReadItem> {
  if (format === 'text' || format === 'html') {
    yield { ok: true, input: { source: path, kind: format, bytes } };
    return;
  }
  if (format === 'warc' || format === 'feed') {
    // Read from a file path (records streamed) or a feed's links fetched: not from bytes in memory.
    yield fail(path, `${format === 'warc' ? 'web archives' : 'feeds'} are read from files or URLs (storyline analyze), not uploaded`);
    return;
  }
  const decoded = decode(bytes);
  if ('error' in decoded) {
    yield fail(path, decoded.error);
  } else if (format === 'jsonl') {
    yield* jsonLinesItems(path, decoded.text.split('\n'), decoded.diagnostics);
  } else {
    yield* jsonItems(path, decoded.text, decoded.diagnostics);
  }
}

/** A .json file: one article object (source = path), or an array of them (source = path#N). */
function* jsonItems(path: string, text: string, diagnostics: Diagnostic[]): Generator<ReadItem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    yield fail(path, `invalid JSON: ${(err as Error).message}`);
    return;
  }
  if (!Array.isArray(value)) {
    yield recordItem(value, path, diagnostics);
  } else if (value.length === 0) {
    yield fail(path, 'empty JSON array: no articles');
  } else {
    for (const [i, record] of value.entries()) yield recordItem(record, `${path}#${i + 1}`, diagnostics);
  }
}

/** A .jsonl file: one article object per line (source = path#line); blank lines are skipped. */
function* jsonLinesItems(path: string, lines: string[], diagnostics: Diagnostic[]): Generator<ReadItem> {
  let records = 0;
  for (const [i, line] of lines.entries()) {
    const item = jsonLineItem(line, `${path}#${i + 1}`, i + 1, diagnostics);
    if (item) {
      records++;
      yield item;
    }
  }
  if (records === 0) yield fail(path, 'no records: every line is blank');
}

/** Standard input as JSON Lines (source = stdin#line), streamed line by line. */
async function* readStdin(stream: AsyncIterable<Uint8Array | string> | undefined, maxBytes: number): AsyncGenerator<ReadItem> {
  if (!stream && process.stdin.isTTY) {
    yield fail('stdin', 'standard input is a terminal: pipe JSON Lines into it (e.g. `cat articles.jsonl | storyline -`)');
    return;
  }
  let lineNo = 0;
  for await (const bytes of byteLines(stream ?? process.stdin, maxBytes)) {
    lineNo++;
    const source = `stdin#${lineNo}`;
    if (bytes === null) {
      yield fail(source, tooLarge('line is', maxBytes));
      continue;
    }
    const decoded = decode(bytes); // per line, so one bad line cannot spoil the stream
    const item = 'error' in decoded ? fail(source, decoded.error) : jsonLineItem(decoded.text, source, lineNo, decoded.diagnostics);
    if (item) yield item;
  }
}

/** One JSON Lines line → an item, or null for a blank line. */
function jsonLineItem(line: string, source: string, lineNo: number, diagnostics: Diagnostic[]): ReadItem | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return fail(source, `invalid JSON on line ${lineNo}: ${(err as Error).message}`);
  }
  return recordItem(value, source, diagnostics);
}

/** One article record → a RawInput. The record's `source` (outlet name or URL) becomes `outlet`. */
export function recordItem(record: unknown, source: string, diagnostics: Diagnostic[] = []): ReadItem {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    const what = record === null ? 'null' : Array.isArray(record) ? 'an array' : `a ${typeof record}`;
    return fail(source, `record is ${what}, not a JSON object`);
  }
  const fields = record as Record<string, unknown>;
  const text = nonBlank(fields.text);
  const html = nonBlank(fields.html);
  const content = text ?? html;
  if (content === null) return fail(source, "record has no 'text' or 'html' field with the article (a non-empty string)");
  const kind: InputKind = text !== null ? 'text' : 'html';
  return {
    ok: true,
    input: {
      source,
      kind,
      // JSON escapes (\r\n, decomposed accents) bypass decode's normalisation of the file.
      content: normalizeText(content),
      url: stringOrNull(fields.url),
      title: stringOrNull(fields.title),
      published: stringOrNull(fields.published),
      outlet: stringOrNull(fields.source),
      ...(diagnostics.length ? { diagnostics } : {}),
    },
  };
}

/**
 * Splits a byte stream on LF. Yields each line's bytes, or null for a line over `maxBytes`
 * (whose bytes are dropped as they arrive, so memory stays bounded).
 */
async function* byteLines(chunks: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<Uint8Array | null> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLong = false;
  const add = (part: Uint8Array): void => {
    size += part.length;
    if (size > maxBytes) tooLong = true;
    if (tooLong) parts = [];
    else if (part.length > 0) parts.push(part);
  };
  const take = (): Uint8Array | null => {
    const line = tooLong ? null : Buffer.concat(parts);
    parts = [];
    size = 0;
    tooLong = false;
    return line;
  };
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = buf.indexOf(0x0a); nl !== -1; nl = buf.indexOf(0x0a, start)) {
      add(buf.subarray(start, nl));
      yield take();
      start = nl + 1;
    }
    add(buf.subarray(start));
  }
  if (size > 0 || tooLong) yield take();
}

function fail(path: string, reason: string): ReadItem {
  return { ok: false, path, reason };
}

function tooLarge(what: string, maxBytes: number): string {
  return `${what} over the ${formatBytes(maxBytes)} limit (raise it with --max-bytes)`;
}

/** A file-system error as a user would say it. */
function fsReason(err: unknown, path: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `no such file or directory: ${path}`;
    case 'EACCES':
    case 'EPERM':
      return 'cannot read: permission denied';
    case 'ELOOP':
      return 'cannot read: too many levels of symbolic links';
    default:
      return `cannot read: ${(err as Error).message}`;
  }
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const [value, unit] = n < 1024 * 1024 ? [n / 1024, 'KB'] : [n / (1024 * 1024), 'MB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

function nonBlank(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
