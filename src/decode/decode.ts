/**
 * Decode stage: raw bytes → normalised text, or a reason the bytes are not a text article.
 *
 * The charset is chosen much as browsers choose it (WHATWG HTML "encoding sniffing algorithm",
 * https://html.spec.whatwg.org/multipage/parsing.html#encoding-sniffing-algorithm):
 *   1. a byte order mark;
 *   2. (binary content is rejected here; BOM-less UTF-16 is recognised by its NULs);
 *   3. UTF-8, when the bytes are (mostly) valid UTF-8: browsers check the declaration first, see `decode`;
 *   4. the charset the caller's Content-Type declares, else a `<meta>` one (HTML only);
 *   5. a statistical guess (chardet);
 *   6. windows-1252.
 *
 * Pure: no I/O, never throws for bad content.
 */
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import type { Diagnostic } from '../article/article.ts';

export interface DecodeOptions {
  /** A MIME type (`text/html; charset=koi8-r`) or an input kind (`html`, `text`). */
  contentTypeHint?: string;
}

export interface Decoded {
  text: string;
  /** WHATWG name of the charset the bytes were decoded with, e.g. `utf-8`, `windows-1252`. */
  charset: string;
  diagnostics: Diagnostic[];
}

export type DecodeResult = Decoded | { error: string };

/** Bytes inspected for NULs; git's binary check looks at the first 8000 (xdiff-interface.c). */
const SNIFF_BYTES = 8 * 1024;
/** Where we look for `<meta charset>`. The HTML spec prescans 1024 bytes; real pages often put it later. */
const META_PRESCAN_BYTES = 4 * 1024;
/** chardet reads the first 64 KB: more text barely changes its answer but costs time on big files. */
const DETECT_SAMPLE_BYTES = 64 * 1024;
/** chardet confidences (0–100) below this are reported as guesses (single sentences score 20–50). */
const CONFIDENT = 50;
/** chardet's confidence for "nothing against it": no evidence at all. */
const NO_EVIDENCE = 10;
/** Non-ASCII bytes needed before a guess other than windows-1252 is believed. */
const MIN_EVIDENCE_BYTES = 4;
/** Share of control characters above which the content is binary; real text has next to none. */
const MAX_CONTROL_SHARE = 0.1;
/** Share of U+FFFD above which the text is unreadable rather than damaged in places. */
const MAX_REPLACEMENT_SHARE = 0.25;

/** Magic numbers, so a user learns what the file actually is. */
const SIGNATURES: ReadonlyArray<[what: string, magic: readonly number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]], // GIF8
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['a ZIP archive (or .docx, .xlsx, .epub)', [0x50, 0x4b, 0x03, 0x04]], // PK\3\4
  ['gzip-compressed data', [0x1f, 0x8b]],
];

/** Byte order marks (WHATWG Encoding "decode", https://encoding.spec.whatwg.org/#decode). */
const BOMS: ReadonlyArray<[charset: string, bom: readonly number[]]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/** WHATWG encoding names that iconv-lite knows under another name or decodes with a narrower table. */
const ICONV_NAMES: Record<string, string> = {
  gbk: 'gb18030', // WHATWG: the GBK decoder is the gb18030 decoder
  'iso-8859-8-i': 'iso-8859-8', // same characters; "-i" only marks logical bidi order
  'x-mac-cyrillic': 'maccyrillic',
};

/** ISO-8859 charsets chardet reports whose Windows code page has the same letters plus 0x80–0x9F. */
const WINDOWS_SIBLINGS: Record<string, string> = {
  'iso-8859-2': 'windows-1250',
  'iso-8859-4': 'windows-1257',
  'iso-8859-7': 'windows-1253',
  'iso-8859-8': 'windows-1255',
  'iso-8859-13': 'windows-1257',
};

/** What a statistical guess may return: legacy encodings only (UTF-8 was already ruled out, UTF-16 is sniffed). */
const GUESSABLE = /^(windows-\d+|iso-8859-\d+|koi8-[ru]|shift_jis|euc-jp|euc-kr|gb18030|gbk|big5)$/;

/**
 * Decodes `bytes` to NFC text with LF line ends, or explains why they are not a text article.
 *
 * One difference from browsers: when a page declares a legacy charset but its bytes are (mostly)
 * valid UTF-8 with non-ASCII characters, we read UTF-8. Scrapers that re-save pages as UTF-8 keep
 * the old `<meta>` (7 of the 200 htmldate-mediacloud pages do), and legacy text with non-ASCII
 * bytes is almost never valid UTF-8 by accident, so UTF-8 is the far likelier truth.
 */
export function decode(bytes: Uint8Array, opts: DecodeOptions = {}): DecodeResult {
  const diagnostics: Diagnostic[] = [];
  const note = (message: string, level: Diagnostic['level'] = 'info'): void => {
    diagnostics.push({ origin: 'decode:charset', message, level });
  };

  const bom = BOMS.find(([, magic]) => startsWith(bytes, magic));
  let charset: string;
  let body = bytes;
  if (bom) {
    charset = bom[0];
    body = bytes.subarray(bom[1].length);
  } else {
    const format = SIGNATURES.find(([, magic]) => startsWith(bytes, magic));
    if (format) return binary(`looks like ${format[0]}`);
    const utf16 = sniffUtf16(bytes);
    if (utf16) {
      charset = utf16;
      note(`no byte order mark, but the NUL pattern is that of ${utf16.toUpperCase()} text: decoded as such`);
    } else if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
      return binary('contains NUL bytes');
    } else {
      charset = chooseCharset(bytes, opts.contentTypeHint ?? '', note);
    }
  }

  const text = decodeWith(charset, body);
  const sample = text.slice(0, SNIFF_BYTES);
  const controls = count(sample, /[\0-\x08\x0e-\x1f\x7f-\x9f]/g);
  if (controls > MAX_CONTROL_SHARE * sample.length) {
    return binary(`${percent(controls, sample.length)} control characters`);
  }
  const replaced = count(text, /\uFFFD/g);
  if (replaced > 0) {
    const visible = text.replace(/\s+/g, '').length;
    if (replaced > MAX_REPLACEMENT_SHARE * visible) {
      return { error: `undecodable text: ${percent(replaced, visible)} of its characters could not be decoded (as ${charset})` };
    }
    diagnostics.push({
      origin: 'decode:replacement',
      message: `${replaced} character(s) are unreadable (U+FFFD): lost decoding ${charset}, or before the file was saved`,
      level: 'warning',
    });
  }
  return { text: normalizeText(text), charset, diagnostics };
}

/** Normalises decoded text: no BOM, LF line ends, NFC (so "é" is one code point wherever it came from). */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

/** Picks the charset for BOM-less, non-UTF-16 bytes, noting anything a user should know. */
function chooseCharset(bytes: Uint8Array, hint: string, note: (m: string, l?: Diagnostic['level']) => void): string {
  // Transport-layer charset (e.g. an HTTP header) precedes <meta> in the HTML sniffing algorithm.
  const declaredLabel = charsetParameter(hint) ?? (/html/i.test(hint) ? prescanMeta(bytes) : null);
  let declared = declaredLabel === null ? null : resolveLabel(declaredLabel);
  // A declared UTF-16 is wrong here (BOM and NUL sniffing found none, and we could read the label
  // as ASCII): the HTML prescan treats it as UTF-8, and so do we.
  if (declared === 'utf-16le' || declared === 'utf-16be') declared = 'utf-8';
  if (declaredLabel !== null && declared === null) note(`ignored the declared charset '${declaredLabel}': unknown or unsupported`, 'warning');

  if (isMostlyUtf8(bytes)) {
    if (declared && declared !== 'utf-8' && bytes.some((b) => b >= 0x80)) {
      note(`the input declares ${declared}, but its bytes are valid UTF-8 (a re-saved page?): decoded as UTF-8`);
    }
    return 'utf-8';
  }
  if (declared && declared !== 'utf-8') return declared;
  if (declared === 'utf-8') note('the input declares UTF-8, but its bytes are mostly not UTF-8', 'warning');

  const guess = guessCharset(bytes);
  if (!guess) {
    // windows-1252 is the HTML spec's fallback for unlabelled legacy pages in most locales, and
    // the most common legacy charset of news text.
    note('not UTF-8, and too little text to identify its charset: decoded as windows-1252, some characters may be wrong', 'warning');
    return 'windows-1252';
  }
  if (guess.confidence >= CONFIDENT) {
    note(`not UTF-8: detected ${guess.charset} (confidence ${guess.confidence}%)`);
  } else {
    note(`not UTF-8: guessed ${guess.charset} with low confidence (${guess.confidence}%), some characters may be wrong`, 'warning');
  }
  return guess.charset;
}

/**
 * chardet's best legacy-encoding candidate, or null when its statistics have nothing to go on.
 * Measured on one- to three-sentence samples in 11 encodings: the top candidate was right (or an
 * equivalent sibling) even at confidence 35, but chardet's multi-byte recognisers answer 10 for
 * any input ("Hi ¤¤!" → Big5), and one or two non-ASCII bytes can score 50 ("Hi é!" → KOI8-R).
 */
function guessCharset(bytes: Uint8Array): { charset: string; confidence: number } | null {
  const sample = bytes.subarray(0, DETECT_SAMPLE_BYTES);
  let best: { charset: string; confidence: number } | null = null;
  for (const match of analyse(sample)) {
    const charset = resolveLabel(match.name);
    if (!charset || !GUESSABLE.test(charset) || match.confidence <= NO_EVIDENCE) continue;
    if (!best || match.confidence > best.confidence || (match.confidence === best.confidence && charset === 'windows-1252')) {
      best = { charset, confidence: match.confidence };
    }
  }
  if (!best || (best.charset !== 'windows-1252' && sample.filter((b) => b >= 0x80).length < MIN_EVIDENCE_BYTES)) return null;
  // ISO-8859-x has C1 controls at 0x80–0x9F where its Windows sibling has letters and punctuation:
  // such bytes mean the text was written in the Windows code page.
  const sibling = WINDOWS_SIBLINGS[best.charset];
  if (sibling && sample.some((b) => b >= 0x80 && b <= 0x9f)) best.charset = sibling;
  return best;
}

/**
 * Maps a charset label to its WHATWG encoding name, or null if unknown or not decodable here.
 *
 * Node's TextDecoder implements the WHATWG Encoding "get an encoding" label table
 * (https://encoding.spec.whatwg.org/#names-and-labels). That table is why `iso-8859-1`, `latin1`
 * and `us-ascii` become `windows-1252` (and `iso-8859-9` becomes `windows-1254`): browsers decode
 * those labels with the superset, and pages labelled Latin-1 routinely contain “curly quotes”,
 * € and — in the 0x80–0x9F range that only windows-1252 defines.
 */
function resolveLabel(label: string): string | null {
  let name: string;
  try {
    name = new TextDecoder(label.trim()).encoding;
  } catch {
    return null; // not a WHATWG label (or a Node built without ICU)
  }
  // HTML prescan: x-user-defined in a <meta> means windows-1252.
  if (name === 'x-user-defined') return 'windows-1252';
  return name === 'utf-8' || iconv.encodingExists(ICONV_NAMES[name] ?? name) ? name : null;
}

function decodeWith(charset: string, bytes: Uint8Array): string {
  if (charset === 'utf-8') return new TextDecoder('utf-8').decode(bytes); // invalid sequences → U+FFFD
  return iconv.decode(bytes, ICONV_NAMES[charset] ?? charset, { stripBOM: false });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Valid UTF-8, or UTF-8 with a few broken sequences (a scraper that cut a character in half): more
 * than twice as many well-formed multi-byte characters as broken ones. Legacy-encoded text almost
 * never forms a well-formed multi-byte sequence (é then a space is invalid UTF-8): on the shared
 * data, every windows-1252 file had none, and the one damaged UTF-8 page 499 against 1.
 */
function isMostlyUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    const text = decodeWith('utf-8', bytes);
    const broken = count(text, /\uFFFD/g);
    const wellFormed = text.replace(/[\0-\x7f\uFFFD]+/g, '').length;
    return wellFormed > 2 * broken;
  }
}

function binary(why: string): { error: string } {
  return { error: `binary file (${why}): not a text, HTML or JSON article` };
}

/**
 * BOM-less UTF-16 of mostly Latin-script text has a NUL in every other byte, on one side only
 * (`A\0` little-endian, `\0A` big-endian); binary data has NULs on both sides, or fewer.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  const pairs = Math.floor(sample.length / 2);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  if (pairs === 0 || Math.max(even, odd) < 0.5 * pairs || Math.min(even, odd) > 0.02 * pairs) return null;
  return odd > even ? 'utf-16le' : 'utf-16be';
}

/**
 * The charset from the first `<meta charset>` or `<meta http-equiv="content-type" content="…">`
 * that has one, after the HTML spec's "prescan a byte stream to determine its encoding"
 * (https://html.spec.whatwg.org/multipage/parsing.html#prescan-a-byte-stream-to-determine-its-encoding),
 * simplified to regular expressions over the first 4 KB read as Latin-1 (labels are ASCII).
 */
function prescanMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_PRESCAN_BYTES))
    .toString('latin1')
    .replace(/<!--[\s\S]*?(-->|$)/g, ''); // a <meta> inside a comment does not count
  for (const [, attributes = ''] of head.matchAll(/<meta(?=[\s/])([^>]*)>/gi)) {
    const attrs = new Map<string, string>();
    for (const m of attributes.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const name = (m[1] ?? '').toLowerCase();
      if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '');
    }
    const charset = attrs.get('charset');
    if (charset) return charset;
    if (attrs.get('http-equiv')?.toLowerCase() === 'content-type') {
      const fromContent = charsetParameter(attrs.get('content') ?? '');
      if (fromContent) return fromContent;
    }
  }
  return null;
}

/** The `charset=` parameter of a Content-Type value (HTML "extracting a character encoding from a meta element"). */
function charsetParameter(contentType: string): string | null {
  const m = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function percent(part: number, whole: number): string {
  return `${Math.round((100 * part) / Math.max(whole, 1))}%`;
}
