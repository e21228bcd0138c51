import { chmod, mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decode } from '../decode/index.ts';
import { DEFAULT_MAX_BYTES, readInputs, SUPPORTED_EXTENSIONS } from './index.ts';
import type { ReadItem, ReadOptions } from './index.ts';

// Root ignores file modes (CAP_DAC_OVERRIDE), so `chmod 000` cannot make a file unreadable when the
// tests run as root, as they do in this project's CI. Under root only, reading the one chmod-000
// fixture fails with the EACCES the kernel gives every other user: this tests how we report the
// error, not the kernel. As any other user the real permission check runs and this mock is inert.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = (async (path: Parameters<typeof fs.readFile>[0], ...rest: unknown[]) => {
    if (process.getuid?.() === 0 && String(path).endsWith('j-locked.txt')) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
    }
    return (fs.readFile as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFile;
  return { ...fs, readFile };
});

const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));

async function collect(paths: string[], opts?: ReadOptions): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readInputs(paths, opts)) items.push(item);
  return items;
}

const where = (item: ReadItem): string => (item.ok ? item.input.source : item.path);

let root = '';
const p = (...parts: string[]): string => join(root, ...parts);

const WIN1252_TEXT = 'Café “quoted” — 5 €. The naïve résumé was well received.';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'storyline-read-'));
  await mkdir(p('nested', 'deeper'), { recursive: true });
  await mkdir(p('.git'));
  const files: Record<string, string | Uint8Array> = {
    'a-story.txt': 'The river festival drew a large crowd.\n\nOrganisers plan to repeat it next year.\n',
    'b-page.html': '<!doctype html><html><head><title>Harbour</title></head><body><p>The harbour reopened.</p></body></html>',
    'c-batch.json': JSON.stringify([
      { text: 'Schools close early.\r\nParents were told by letter.', title: 'Schools', url: 'https://news.example/s', published: '2024-03-05', source: 'Example News' },
      { html: '<p>Bridge repairs begin.</p>', source: 'https://outlet.example' },
    ]),
    'd-feed.jsonl': [
      JSON.stringify({ text: 'Line one story.', title: 'One' }),
      '',
      '{"text": "unterminated',
      JSON.stringify({ title: 'A record with no body' }),
      JSON.stringify({ html: '<p>Line five story.</p>', published: 20240305 }),
      '',
    ].join('\n'),
    'e-single.json': JSON.stringify({ text: 'A single article in a single object.', source: 'Solo Times' }),
    'f-image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0]),
    'g-empty.txt': '',
    'h-cp1252.txt': iconv.encode(WIN1252_TEXT, 'win1252'),
    'i-huge.txt': '',
    'j-locked.txt': 'You should not be able to read this.',
    'k-report.pdf': '%PDF-1.7 not really',
    'l-notes': 'No extension at all.',
    'n-cp1252.jsonl': iconv.encode(`${JSON.stringify({ text: WIN1252_TEXT })}\r\n`, 'win1252'),
    '.hidden.txt': 'Dot-files are skipped.',
    '.git/config.txt': 'Dot-folders are skipped.',
    'nested/deeper/m-story.htm': '<p>A nested story.</p>',
  };
  for (const [name, content] of Object.entries(files)) await writeFile(p(name), content);
  await truncate(p('i-huge.txt'), 20 * 1024 * 1024); // sparse: instant, takes no disk
  await chmod(p('j-locked.txt'), 0o000);
  await symlink(root, p('nested', 'loop')); // a folder loop: nested/loop → root
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('readInputs over a folder', () => {
  let items: ReadItem[] = [];
  beforeAll(async () => {
    items = await collect([root]);
  });

  it('walks recursively in name order, skips dot-files and dot-folders, and ends folder loops', () => {
    expect(items.map(where)).toEqual([
      p('a-story.txt'),
      p('b-page.html'),
      p('c-batch.json#1'),
      p('c-batch.json#2'),
      p('d-feed.jsonl#1'),
      p('d-feed.jsonl#3'),
      p('d-feed.jsonl#4'),
      p('d-feed.jsonl#5'),
      p('e-single.json'),
      p('f-image.txt'),
      p('g-empty.txt'),
      p('h-cp1252.txt'),
      p('i-huge.txt'),
      p('j-locked.txt'),
      p('k-report.pdf'),
      p('l-notes'),
      p('n-cp1252.jsonl#1'),
      p('nested', 'deeper', 'm-story.htm'),
    ]);
  });

  it('hands text and HTML files over as bytes, with their kind', () => {
    const byPath = new Map(items.filter((i) => i.ok).map((i) => [i.input.source, i.input]));
    expect(byPath.get(p('a-story.txt'))).toMatchObject({ kind: 'text' });
    expect(byPath.get(p('a-story.txt'))).not.toHaveProperty('content');
    expect(Buffer.from(byPath.get(p('a-story.txt'))!.bytes!).toString()).toContain('river festival');
    expect(byPath.get(p('b-page.html'))?.kind).toBe('html');
    expect(byPath.get(p('nested', 'deeper', 'm-story.htm'))?.kind).toBe('html');
  });

  it('maps JSON records to inputs: text or html, metadata, and source → outlet', () => {
    const inputs = new Map(items.filter((i) => i.ok).map((i) => [i.input.source, i.input]));
    expect(inputs.get(p('c-batch.json#1'))).toEqual({
      source: p('c-batch.json#1'),
      kind: 'text',
      content: 'Schools close early.\nParents were told by letter.',
      url: 'https://news.example/s',
      title: 'Schools',
      published: '2024-03-05',
      outlet: 'Example News',
    });
    expect(inputs.get(p('c-batch.json#2'))).toMatchObject({ kind: 'html', content: '<p>Bridge repairs begin.</p>', outlet: 'https://outlet.example', title: null });
    expect(inputs.get(p('d-feed.jsonl#1'))).toMatchObject({ kind: 'text', content: 'Line one story.', title: 'One' });
    expect(inputs.get(p('d-feed.jsonl#5'))).toMatchObject({ kind: 'html', published: null }); // a number is not a date string
    expect(inputs.get(p('e-single.json'))).toMatchObject({ kind: 'text', outlet: 'Solo Times' });
    expect(inputs.get(p('n-cp1252.jsonl#1'))?.content).toBe(WIN1252_TEXT);
  });

  it('gives every bad input exactly one error item, with a reason a user understands', () => {
    const errors = (path: string): string[] => items.filter((i) => where(i) === path).map((i) => (i.ok ? 'ok' : i.reason));
    expect(errors(p('d-feed.jsonl#3'))).toEqual([expect.stringMatching(/^invalid JSON on line 3: /)]);
    expect(errors(p('d-feed.jsonl#4'))).toEqual(["record has no 'text' or 'html' field with the article (a non-empty string)"]);
    expect(errors(p('g-empty.txt'))).toEqual(['empty file']);
    expect(errors(p('i-huge.txt'))).toEqual(['file is 20 MB, over the 10 MB limit (raise it with --max-bytes)']);
    expect(errors(p('j-locked.txt'))).toEqual(['cannot read: permission denied']);
    expect(errors(p('k-report.pdf'))).toEqual(["unsupported file type '.pdf' (expected .txt, .html, .htm, .json, .jsonl, .warc, .warc.gz, .rss, .atom or .xml)"]);
    expect(errors(p('l-notes'))).toEqual(['unsupported file type (no extension) (expected .txt, .html, .htm, .json, .jsonl, .warc, .warc.gz, .rss, .atom or .xml)']);
  });

  it('leaves binary and charset problems of .txt files to the decode stage, which reports them', () => {
    const decoded = new Map(items.flatMap((i) => (i.ok && i.input.bytes ? [[i.input.source, decode(i.input.bytes)] as const] : [])));
    expect(decoded.get(p('f-image.txt'))).toEqual({ error: 'binary file (looks like a PNG image): not a text, HTML or JSON article' });
    expect(decoded.get(p('h-cp1252.txt'))).toMatchObject({ text: WIN1252_TEXT, charset: 'windows-1252' });
    const failed = [...decoded].filter(([, r]) => 'error' in r).map(([source]) => source);
    expect(failed).toEqual([p('f-image.txt')]);
  });
});

describe('readInputs: single paths and options', () => {
  it('reports a missing path', async () => {
    const missing = p('no-such-thing.txt');
    expect(await collect([missing])).toEqual([{ ok: false, path: missing, reason: `no such file or directory: ${missing}` }]);
  });

  it('reads an explicitly named dot-file, and keeps the order of the paths given', async () => {
    const items = await collect([p('e-single.json'), p('.hidden.txt')]);
    expect(items.map(where)).toEqual([p('e-single.json'), p('.hidden.txt')]);
  });

  it('applies maxBytes, and the huge file reads once the limit is raised', async () => {
    const [small] = await collect([p('a-story.txt')], { maxBytes: 10 });
    expect(small).toMatchObject({ ok: false, reason: expect.stringMatching(/^file is \d+ bytes, over the 10 bytes limit \(raise it with --max-bytes\)$/) });
    const [huge] = await collect([p('i-huge.txt')], { maxBytes: 32 * 1024 * 1024 });
    expect(huge?.ok).toBe(true);
    await expect(readInputs([], { maxBytes: 0 }).next()).rejects.toThrow(RangeError);
  });

  it('rejects a .json that is not an article, an empty array, and an invalid file', async () => {
    await writeFile(p('x-empty-array.json'), '[]');
    await writeFile(p('x-number.json'), '42');
    await writeFile(p('x-broken.json'), '{"text": ');
    const items = await collect([p('x-empty-array.json'), p('x-number.json'), p('x-broken.json')]);
    expect(items).toEqual([
      { ok: false, path: p('x-empty-array.json'), reason: 'empty JSON array: no articles' },
      { ok: false, path: p('x-number.json'), reason: 'record is a number, not a JSON object' },
      { ok: false, path: p('x-broken.json'), reason: expect.stringMatching(/^invalid JSON: /) },
    ]);
  });

  it('exports its defaults', () => {
    expect(DEFAULT_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.html', '.htm', '.json', '.jsonl', '.warc', '.warc.gz', '.rss', '.atom', '.xml']);
  });
});

describe('readInputs: "-" reads JSON Lines from standard input', () => {
  async function* chunks(...parts: Array<string | Uint8Array>): AsyncGenerator<Uint8Array | string> {
    yield* parts;
  }

  it('streams records across chunk boundaries, with stdin#N sources and per-line errors', async () => {
    const stdin = chunks(
      '{"text": "First piped story.", "source": "Pipe Post"}\n\n{"te',
      'xt": "Second piped story."}\r\nnot json\n',
      iconv.encode('{"text": "Prix: 5 € — “ok”"}', 'win1252'), // no final newline
    );
    const items = await collect(['-'], { stdin });
    expect(items).toEqual([
      { ok: true, input: expect.objectContaining({ source: 'stdin#1', kind: 'text', content: 'First piped story.', outlet: 'Pipe Post' }) },
      { ok: true, input: expect.objectContaining({ source: 'stdin#3', content: 'Second piped story.' }) },
      { ok: false, path: 'stdin#4', reason: expect.stringMatching(/^invalid JSON on line 4: /) },
      { ok: true, input: expect.objectContaining({ source: 'stdin#5', content: 'Prix: 5 € — “ok”' }) },
    ]);
  });

  it('rejects a line over maxBytes without holding it in memory, and goes on', async () => {
    const long = `{"text": "${'x'.repeat(500)}"}`;
    const stdin = chunks(long.slice(0, 200), long.slice(200), '\n{"text": "short"}\n');
    const items = await collect(['-'], { stdin, maxBytes: 100 });
    expect(items).toEqual([
      { ok: false, path: 'stdin#1', reason: 'line is over the 100 bytes limit (raise it with --max-bytes)' },
      { ok: true, input: expect.objectContaining({ source: 'stdin#2', content: 'short' }) },
    ]);
  });
});

describe('readInputs: shared seeds (../shared)', () => {
  const seeds = `${SHARED}corpus/seeds`;

  it('reads the seed articles as UTF-8 text, and names what it cannot read', async (ctx) => {
    if (!existsSync(seeds)) ctx.skip(`shared data absent: ${seeds} (see ../shared/README.md)`);
    const items = await collect([seeds]);
    const inputs = items.flatMap((i) => (i.ok ? [i.input] : []));
    expect(inputs.length).toBe(5);
    for (const input of inputs) expect(decode(input.bytes!)).toMatchObject({ charset: 'utf-8', diagnostics: [] });
    expect(items.filter((i) => !i.ok)).toEqual([{ ok: false, path: join(seeds, 'EXPECTED.md'), reason: expect.stringMatching(/^unsupported file type '\.md'/) }]);
  });
});
