/**
 * The benchmark corpus: BASIL article bodies (JSON) and WikiRef texts (cp1252 .txt) from
 * ../shared/data, repeated to N files. Each copy is made distinct (paragraphs rotated and a
 * numbered line added), since identical copies would be recognised by content and skipped.
 * Written to a temporary folder at run time; nothing from ../shared is kept in the repository.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const DATA = join(import.meta.dirname, '..', '..', 'shared', 'data', 'clustering');

function sources(): Array<{ title: string; paragraphs: string[] }> {
  const out: Array<{ title: string; paragraphs: string[] }> = [];
  const basil = join(DATA, 'basil-dev');
  for (const year of readdirSync(basil).sort()) {
    for (const f of readdirSync(join(basil, year)).sort()) {
      const d = JSON.parse(readFileSync(join(basil, year, f), 'utf8')) as { title: string; 'body-paragraphs': string[][] };
      out.push({ title: d.title, paragraphs: d['body-paragraphs'].map((p) => p.join(' ')) });
    }
  }
  const wiki = join(DATA, 'wikiref220');
  for (const f of readdirSync(wiki).filter((f) => f.endsWith('.txt') && f !== 'readme.txt').sort()) {
    const [title = '', ...rest] = iconv.decode(readFileSync(join(wiki, f)), 'win1252').split('\n');
    out.push({ title, paragraphs: rest.map((l) => l.trim()).filter(Boolean) });
  }
  return out;
}

export function buildCorpus(dir: string, n: number): { files: number; bytes: number } {
  const base = sources();
  if (base.length === 0) throw new Error(`no shared data under ${DATA}`);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const src = base[i % base.length]!;
    const copy = Math.floor(i / base.length);
    const k = src.paragraphs.length ? copy % src.paragraphs.length : 0;
    const paras = [...src.paragraphs.slice(k), ...src.paragraphs.slice(0, k)];
    const text = `${src.title}\n\n${paras.join('\n\n')}\n\nThis is copy ${copy} of the article, number ${i}.\n`;
    const sub = join(dir, String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${String(i).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: n, bytes };
}

/** The fields every benchmark's JSON starts with: what was measured, when, on what. */
export function header(task: string, corpus: { files: number; bytes: number }) {
  return { task, date: new Date().toISOString().slice(0, 10), node: process.version, inputs: corpus.files, corpusMB: +(corpus.bytes / 1e6).toFixed(1) };
}
