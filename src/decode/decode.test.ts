import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from './index.ts';
import type { DecodeResult, Decoded } from './index.ts';

const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));

function ok(result: DecodeResult): Decoded {
  if ('error' in result) throw new Error(`expected text, got error: ${result.error}`);
  return result;
}

function failure(result: DecodeResult): string {
  if (!('error' in result)) throw new Error(`expected an error, got text: ${result.text.slice(0, 80)}`);
  return result.error;
}

const bytes = (...parts: Array<string | Uint8Array>): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));

const levels = (d: Decoded): string[] => d.diagnostics.map((x) => `${x.origin}:${x.level}`);

describe('decode: UTF-8 and byte order marks', () => {
  it('reads plain UTF-8 without diagnostics', () => {
    const r = ok(decode(bytes('Café “quoted” — 5 €')));
    expect(r).toEqual({ text: 'Café “quoted” — 5 €', charset: 'utf-8', diagnostics: [] });
  });

  it('strips a UTF-8 BOM', () => {
    expect(ok(decode(bytes(new Uint8Array([0xef, 0xbb, 0xbf]), 'Hello'))).text).toBe('Hello');
  });

  it('reads UTF-16LE and UTF-16BE with a BOM, whatever a <meta> says', () => {
    const text = 'Héllo “world” — €5\r\nnext line';
    const le = ok(decode(bytes(new Uint8Array([0xff, 0xfe]), iconv.encode(text, 'utf-16le'))));
    expect(le).toMatchObject({ text: 'Héllo “world” — €5\nnext line', charset: 'utf-16le' });
    const html = iconv.encode('<meta charset="windows-1252"><p>Grüße</p>', 'utf-16be');
    const be = ok(decode(bytes(new Uint8Array([0xfe, 0xff]), html), { contentTypeHint: 'text/html' }));
    expect(be).toMatchObject({ text: '<meta charset="windows-1252"><p>Grüße</p>', charset: 'utf-16be' });
  });

  it('recognises BOM-less UTF-16 by its NUL pattern, and says so', () => {
    const r = ok(decode(iconv.encode('The council met on Tuesday evening.', 'utf-16le')));
    expect(r.text).toBe('The council met on Tuesday evening.');
    expect(r.charset).toBe('utf-16le');
    expect(levels(r)).toEqual(['decode:charset:info']);
  });

  it('keeps UTF-8 with a character cut in half, and warns about the loss', () => {
    const cut = Buffer.from('Zażółć', 'utf8').subarray(0, -1); // last char loses a byte
    const r = ok(decode(bytes('Dzień dobry, gęś i żółw. ', cut, ' koniec')));
    expect(r.charset).toBe('utf-8');
    expect(r.text).toBe('Dzień dobry, gęś i żółw. Zażół\uFFFD koniec');
    expect(levels(r)).toEqual(['decode:replacement:warning']);
  });
});

describe('decode: legacy single-byte text', () => {
  it('reads windows-1252 curly quotes, é, € and — (short text: a low-confidence guess, with a warning)', () => {
    const r = ok(decode(iconv.encode('Café “quoted” — 5 €', 'win1252')));
    expect(r.text).toBe('Café “quoted” — 5 €');
    expect(r.charset).toBe('windows-1252');
    expect(levels(r)).toEqual(['decode:charset:warning']);
  });

  it('reads a longer windows-1252 paragraph with a confident detection', () => {
    const text =
      'The mayor said “the bridge will reopen in spring” — residents were not convinced.\n' +
      'Tickets for the café concert cost 12 € each, and the naïve résumé of the plan drew laughter.';
    const r = ok(decode(iconv.encode(text.replace(/\n/g, '\r\n'), 'win1252')));
    expect(r.text).toBe(text);
    expect(r.charset).toBe('windows-1252');
    expect(r.diagnostics).toHaveLength(1);
  });

  it('reads Latin-1 (ISO-8859-1) text as windows-1252, its superset', () => {
    const r = ok(decode(iconv.encode('Café déjà vu, naïve façade, 3½ pâtés à 5 £', 'latin1')));
    expect(r.text).toBe('Café déjà vu, naïve façade, 3½ pâtés à 5 £');
    expect(r.charset).toBe('windows-1252');
  });

  it('maps a declared ISO-8859-1 to windows-1252 (WHATWG), so 0x93/0x94 are curly quotes', () => {
    const html = bytes('<meta charset="ISO-8859-1"><p>', iconv.encode('He said “yes” — at 5 €', 'win1252'), '</p>');
    const r = ok(decode(html, { contentTypeHint: 'text/html' }));
    expect(r.text).toBe('<meta charset="ISO-8859-1"><p>He said “yes” — at 5 €</p>');
    expect(r).toMatchObject({ charset: 'windows-1252', diagnostics: [] });
  });

  it('still decodes text it cannot identify, as windows-1252 with a warning', () => {
    const r = ok(decode(new Uint8Array([0x48, 0x69, 0x20, 0xa4, 0xa4, 0x21])));
    expect(r.charset).toBe('windows-1252');
    expect(r.text).toBe('Hi ¤¤!');
    expect(r.diagnostics.some((d) => d.origin === 'decode:charset' && d.level === 'warning')).toBe(true);
  });
});

describe('decode: detecting other legacy charsets (no declaration)', () => {
  // Two sentences each: about the least a news snippet has. Written for these tests.
  const samples: Array<[charset: string, iconvName: string, text: string]> = [
    ['windows-1250', 'win1250', 'Burmistrz ogłosił w czwartek, że remont teatru będzie kosztował dwa miliony złotych. Uczniowie świętowali festyn mimo deszczu.'],
    ['iso-8859-2', 'iso-8859-2', 'Burmistrz ogłosił w czwartek, że remont teatru będzie kosztował dwa miliony złotych. Uczniowie świętowali festyn mimo deszczu.'],
    ['windows-1251', 'win1251', 'Мэр города заявил в четверг, что ремонт театра обойдётся в два миллиона рублей. Школьники отпраздновали праздник.'],
    ['koi8-r', 'koi8-r', 'Мэр города заявил в четверг, что ремонт театра обойдётся в два миллиона рублей. Школьники отпраздновали праздник.'],
    ['windows-1254', 'win1254', 'Belediye başkanı perşembe günü tiyatronun yenilenmesini açıkladı. Öğrenciler yağmura rağmen şenliği kutladı.'],
    ['shift_jis', 'shift_jis', '市長は木曜日、劇場の改修費用を発表した。生徒たちは雨にもかかわらず学校祭を祝った。'],
    ['euc-kr', 'euc-kr', '시장은 목요일 극장 보수 비용을 발표했다. 학생들은 폭우에도 불구하고 축제를 즐겼다.'],
    ['gb18030', 'gb18030', '市长周四宣布了剧院的翻修费用。尽管下着大雨，学生们还是庆祝了校园节。'],
  ];
  it.each(samples)('reads %s', (charset, iconvName, text) => {
    const r = ok(decode(iconv.encode(text, iconvName)));
    expect(r.text).toBe(text);
    expect(r.charset).toBe(charset);
  });

  it('does not trust statistics on one or two non-ASCII bytes ("Hi é!" is not KOI8-R)', () => {
    const r = ok(decode(iconv.encode('Hi é!', 'win1252')));
    expect(r).toMatchObject({ text: 'Hi é!', charset: 'windows-1252' });
    expect(levels(r)).toEqual(['decode:charset:warning']);
  });
});

describe('decode: charsets declared by HTML', () => {
  const cyrillic = 'Новости дня: в Москве открылась выставка.';

  it('follows <meta charset="windows-1251">', () => {
    const html = bytes('<!doctype html><html><head><meta charset="windows-1251"><title>', iconv.encode(cyrillic, 'win1251'), '</title>');
    const r = ok(decode(html, { contentTypeHint: 'text/html' }));
    expect(r.text).toContain(`<title>${cyrillic}</title>`);
    expect(r).toMatchObject({ charset: 'windows-1251', diagnostics: [] });
  });

  it('follows <meta http-equiv="Content-Type" content="…; charset=koi8-r">, and skips commented-out metas', () => {
    const html = bytes(
      '<html><head><!-- <meta charset="iso-8859-2"> -->\n',
      "<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=KOI8-R'>\n<p>",
      iconv.encode(cyrillic, 'koi8-r'),
    );
    const r = ok(decode(html, { contentTypeHint: 'html' }));
    expect(r.charset).toBe('koi8-r');
    expect(r.text.endsWith(`<p>${cyrillic}`)).toBe(true);
  });

  it('lets a Content-Type charset in the hint win over the <meta>, as an HTTP header does', () => {
    const html = bytes('<meta charset="windows-1252"><p>', iconv.encode(cyrillic, 'win1251'));
    const r = ok(decode(html, { contentTypeHint: 'text/html; charset=windows-1251' }));
    expect(r).toMatchObject({ charset: 'windows-1251', text: `<meta charset="windows-1252"><p>${cyrillic}` });
  });

  it('reads UTF-8 when a page declares a legacy charset but its bytes are UTF-8 (re-saved by a scraper)', () => {
    const r = ok(decode(bytes('<meta charset="iso-8859-1"><p>Grüße aus München</p>'), { contentTypeHint: 'text/html' }));
    expect(r).toMatchObject({ charset: 'utf-8', text: '<meta charset="iso-8859-1"><p>Grüße aus München</p>' });
    expect(levels(r)).toEqual(['decode:charset:info']);
  });

  it('detects the charset when a page wrongly declares UTF-8', () => {
    const html = bytes('<meta charset="utf-8"><p>', iconv.encode('Café “quoted” — 5 €', 'win1252'), '</p>');
    const r = ok(decode(html, { contentTypeHint: 'text/html' }));
    expect(r.text).toBe('<meta charset="utf-8"><p>Café “quoted” — 5 €</p>');
    expect(r.diagnostics.filter((d) => d.level === 'warning').length).toBeGreaterThan(0);
  });

  it('ignores an unknown declared charset with a warning', () => {
    const r = ok(decode(bytes('<meta charset="x-made-up"><p>Plain words.</p>'), { contentTypeHint: 'text/html' }));
    expect(r.charset).toBe('utf-8');
    expect(r.diagnostics).toEqual([expect.objectContaining({ origin: 'decode:charset', level: 'warning', message: expect.stringContaining("'x-made-up'") })]);
  });

  it('does not look for <meta> in plain text', () => {
    const text = bytes('<meta charset="windows-1251"> is how a page declares Cyrillic.');
    expect(ok(decode(text, { contentTypeHint: 'text' })).charset).toBe('utf-8');
  });
});

describe('decode: binary and undecodable content', () => {
  it('rejects a PNG (named by its signature) and other NUL-bearing bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(failure(decode(png))).toBe('binary file (looks like a PNG image): not a text, HTML or JSON article');
    expect(failure(decode(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj')))).toMatch(/^binary file \(looks like a PDF document\)/);
    const nul = bytes('header', new Uint8Array([0, 1, 0, 0, 2, 0, 0, 0, 7]), 'more');
    expect(failure(decode(nul))).toBe('binary file (contains NUL bytes): not a text, HTML or JSON article');
  });

  it('rejects content that is mostly control characters', () => {
    const junk = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x41 : 1 + (i % 7)));
    expect(failure(decode(junk))).toMatch(/^binary file \(\d+% control characters\): not a text, HTML or JSON article$/);
  });

  it('rejects text that is mostly replacement characters', () => {
    expect(failure(decode(bytes('\uFFFD\uFFFD\uFFFD ok \uFFFD\uFFFD')))).toMatch(/^undecodable text: \d+% of its characters/);
  });

  it('returns empty text for empty bytes (the reader rejects empty files)', () => {
    expect(ok(decode(new Uint8Array()))).toEqual({ text: '', charset: 'utf-8', diagnostics: [] });
  });
});

describe('decode: normalisation', () => {
  it('turns CRLF and lone CR into LF and composes accents (NFC)', () => {
    const r = ok(decode(bytes('Cafe\u0301 one\r\ntwo\rthree\n')));
    expect(r.text).toBe('Café one\ntwo\nthree\n');
  });
});

describe('decode: shared data (../shared)', () => {
  const wikiref = `${SHARED}data/clustering/wikiref220/`;

  it('reads every wikiref220 text (windows-1252 or ASCII) without a lost character', (ctx) => {
    if (!existsSync(wikiref)) ctx.skip(`shared data absent: ${wikiref} (see ../shared/README.md)`);
    const charsets = new Set<string>();
    for (const name of readdirSync(wikiref)) {
      const r = ok(decode(readFileSync(wikiref + name)));
      charsets.add(r.charset);
      expect(r.text, name).not.toMatch(/\uFFFD|Ã[\x80-\xbf]|â€/);
    }
    expect([...charsets].sort()).toEqual(['utf-8', 'windows-1252']);
  });
});
