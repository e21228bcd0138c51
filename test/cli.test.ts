/**
 * The command as a user runs it: `bin/storyline` in a child process, real files, a real store.
 * Bad inputs, exit codes, idempotent re-runs, incremental grouping, the read commands, and a
 * kill -9 in the middle of `analyze`.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/report/schema.ts';
import { assertValidReport } from '../src/report/validate.ts';
import { BIN, run, type Run } from './cli-process.ts';
import { TOPICS, article } from './fixtures.ts';

const json = (r: Run): Report => JSON.parse(r.stdout) as Report;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'storyline-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('storyline --help', () => {
  it.each([[[]], [['analyze']], [['stories']], [['show']], [['articles']], [['brief']], [['timeline']], [['claims']]])('teaches with examples: %j', async (cmd) => {
    const r = await run([...cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: storyline/);
    if (cmd.length) expect(r.stdout).toMatch(/Examples:/);
  });

  it('rejects a thread count that is not a whole number, 0 or more (exit 1)', async () => {
    for (const bad of ['-1', 'two', '1.5']) {
      const r = await run(['analyze', '.', '--threads', bad, '--db', join(work, 'never')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/--threads.*expected a whole number, 0 or more/);
    }
  });

  it('prints usage and exits 1 with no command, or an unknown one', async () => {
    expect((await run([])).code).toBe(1);
    const r = await run(['analyse-this']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown command/);
  });
});

describe('storyline analyze: a folder of good and bad inputs', () => {
  let dir: string;
  let db: string;
  let first: Run;
  const bad = ['binary.txt', 'empty.txt', 'garbage.txt', 'huge.txt', 'notes.pdf'];

  beforeAll(async () => {
    dir = join(work, 'mixed');
    db = join(work, 'mixed-db');
    mkdirSync(join(dir, 'nested'), { recursive: true });
    writeFileSync(join(dir, 'flood-1.txt'), article(TOPICS[0]!, 0));
    writeFileSync(join(dir, 'nested', 'strike.html'), `<!doctype html><html lang="en"><head><title>${TOPICS[1]!.title} | Coast Herald</title>
      <meta property="og:site_name" content="Coast Herald"><meta property="article:published_time" content="2025-03-04T09:00:00Z"></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${TOPICS[1]!.title}</h1>
      ${article(TOPICS[1]!, 0).split('\n').slice(2).filter(Boolean).map((l) => `<p>${l}</p>`).join('\n')}
      </article><footer>Subscribe to our newsletter</footer></body></html>`);
    writeFileSync(join(dir, 'comet.jsonl'), `${JSON.stringify({ text: article(TOPICS[2]!, 0), title: TOPICS[2]!.title, published: '2025-05-02', source: 'Sky Weekly' })}\n`);
    // Windows-1252 with curly quotes, an accent and a euro sign: must decode right, not fail.
    writeFileSync(join(dir, 'cafe-1252.txt'), iconv.encode(`Café owners in Varnaton count the cost\n\nThe flood ruined “everything” in the café, its owner said, putting losses at 40,000 €.\nInsurers have sent assessors to the riverside district.\n`, 'win1252'));
    writeFileSync(join(dir, 'binary.txt'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'garbage.txt'), Buffer.from(Array(300).fill([0xc3, 0x28]).flat()));
    const fd = openSync(join(dir, 'huge.txt'), 'w');
    ftruncateSync(fd, 20 * 1024 * 1024); // sparse: 20 MB without writing 20 MB
    closeSync(fd);
    writeFileSync(join(dir, 'notes.pdf'), '%PDF-1.4 not an article');
    first = await run(['analyze', dir, '--db', db, '--format', 'json']);
  });

  it('exits 2, with one clear stderr line and one report error per bad input', () => {
    expect(first.code).toBe(2);
    const report = json(first);
    assertValidReport(report);
    expect(report.errors.map((e) => e.path.split('/').pop()).sort()).toEqual([...bad].sort());
    for (const name of bad) {
      const lines = first.stderr.split('\n').filter((l) => l.includes(`/${name}:`));
      expect(lines, `stderr for ${name}`).toHaveLength(1);
      expect(lines[0]).toMatch(/^storyline: skipped /);
    }
    expect(report.errors.find((e) => e.path.endsWith('huge.txt'))?.reason).toMatch(/--max-bytes/);
    expect(report.errors.find((e) => e.path.endsWith('notes.pdf'))?.reason).toMatch(/unsupported file type/);
  });

  it('analyses and stores every good input', () => {
    const report = json(first);
    expect(report.summary).toMatchObject({ inputs: 9, analysed: 4, unchanged: 0, failed: 5 });
    const titles = report.articles.map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining([TOPICS[0]!.title, TOPICS[1]!.title, TOPICS[2]!.title, 'Café owners in Varnaton count the cost']));
    const cafe = report.articles.find((a) => a.source.endsWith('cafe-1252.txt'))!;
    expect(cafe.text).toContain('ruined “everything” in the café');
    expect(cafe.text).toContain('40,000 €');
    const strike = report.articles.find((a) => a.source.endsWith('strike.html'))!;
    expect(strike.published).toMatchObject({ value: '2025-03-04', basis: 'explicit' });
    expect(strike.outlet).toBe('Coast Herald');
    expect(strike.text).not.toMatch(/newsletter|Home/);
    const comet = report.articles.find((a) => a.source.endsWith('comet.jsonl#1'))!;
    expect(comet).toMatchObject({ outlet: 'Sky Weekly', published: { value: '2025-05-02', basis: 'explicit' } });
  });

  it('changes nothing when re-run on the same files', async () => {
    const again = await run(['analyze', dir, '--db', db, '--format', 'json']);
    expect(again.code).toBe(2);
    const before = json(first);
    const after = json(again);
    expect(after.summary).toMatchObject({ analysed: 0, unchanged: 4, failed: 5 });
    expect(after.articles.map((a) => a.id).sort()).toEqual(before.articles.map((a) => a.id).sort());
    expect(after.stories.map((s) => [s.id, s.articleIds]).sort()).toEqual(before.stories.map((s) => [s.id, s.articleIds]).sort());
    const listed = json(await run(['articles', '--db', db, '--format', 'json']));
    expect(listed.articles).toHaveLength(4);
  });

  it('joins a new article to its existing story', async () => {
    const more = join(work, 'more');
    mkdirSync(more, { recursive: true });
    writeFileSync(join(more, 'flood-2.txt'), article(TOPICS[0]!, 1));
    const r = await run(['analyze', more, '--db', db, '--format', 'json']);
    expect(r.code).toBe(0);
    const flood2 = json(r).articles.find((a) => a.source.endsWith('flood-2.txt'))!;
    const flood1 = json(first).articles.find((a) => a.source.endsWith('flood-1.txt'))!;
    expect(flood2.storyId).toBe(flood1.storyId);
    // The flood story: both flood reports, and the café owners counting the flood's cost in Varnaton.
    const members = json(r).stories.find((s) => s.id === flood1.storyId)!.articleIds;
    expect(members).toContain(flood2.id);
    expect(members).toContain(flood1.id);
    expect(members.length).toBeGreaterThanOrEqual(2);
  });

  it('reads the store back: stories, show, articles', async () => {
    const stories = await run(['stories', '--db', db, '--format', 'text']);
    expect(stories.code).toBe(0);
    expect(stories.stdout).toContain(TOPICS[0]!.title);
    const id = new RegExp(`^(s[0-9a-f]{16}) +\\d+ articles +${TOPICS[0]!.title}`, 'm').exec(stories.stdout)?.[1];
    expect(id).toBeTruthy();
    const show = await run(['show', id!, '--db', db, '--format', 'md']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`## ${TOPICS[0]!.title}`);
    const articleId = json(first).articles.find((a) => a.source.endsWith('strike.html'))!.id;
    const one = await run(['articles', articleId, '--db', db, '--format', 'text']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('Removed:');
    expect(one.stdout).toMatch(/date evidence: .*2025-03-04/);
  });

  it('stops quietly, exit 0, when the reader of its output closes the pipe (`| head`)', async () => {
    // The reader is gone before the first write, whatever the size of the output.
    const piped = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(BIN, ['stories', '--db', db, '--format', 'json'], { env: { ...process.env, CI: '1' } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.destroy();
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(piped.stderr).not.toMatch(/EPIPE|Error/);
    expect(piped.code).toBe(0);
  });

  it('tells a story: brief, timeline and claims, as text, Markdown, HTML and JSON', async () => {
    const stories = await run(['stories', '--db', db, '--format', 'text']);
    const id = new RegExp(`^(s[0-9a-f]{16}) +\\d+ articles +${TOPICS[0]!.title}`, 'm').exec(stories.stdout)![1]!;
    const brief = await run(['brief', id, '--db', db, '--format', 'md', '--words', '60']);
    expect(brief.code).toBe(0);
    expect(brief.stdout).toContain('## Briefing');
    expect(brief.stdout).toMatch(/\[\d\]/);
    const sentences = brief.stdout.split('## Briefing')[1]!.split('## Sources')[0]!;
    expect(sentences.replace(/\[\d\]/g, '').split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(60 + 20);
    const html = await run(['brief', id, '--db', db, '--format', 'html']);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain("Content-Security-Policy");
    expect(html.stdout).not.toMatch(/<script/i);
    const timeline = await run(['timeline', id, '--db', db, '--format', 'json']);
    expect(timeline.code).toBe(0);
    expect(Array.isArray(JSON.parse(timeline.stdout).events)).toBe(true);
    const claims = await run(['claims', id, '--db', db, '--format', 'text']);
    expect(claims.code).toBe(0);
    expect(claims.stdout).toContain('Claims');
    const bad = await run(['claims', 'nope', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/is not a story id/);
  }, 240_000);

  it('says what went wrong for unknown ids and missing stores (exit 1)', async () => {
    const bad = await run(['show', 'not-an-id', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/is not a story id/);
    const missing = await run(['show', 's0000000000000000', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no story s0000000000000000/);
    const nostore = await run(['stories', '--db', join(work, 'nowhere')]);
    expect(nostore.code).toBe(1);
    expect(nostore.stderr).toMatch(/no store at/);
  });

  it('exits 1 when nothing could be analysed', async () => {
    const only = join(work, 'only-bad');
    mkdirSync(only, { recursive: true });
    writeFileSync(join(only, 'empty.txt'), '');
    const r = await run(['analyze', only, '--db', join(work, 'only-bad-db'), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing could be analysed/);
  });

  it('reads JSON Lines from standard input', async () => {
    const input = `${JSON.stringify({ text: article(TOPICS[2]!, 3), url: 'https://example.org/comet' })}\n`;
    const r = await run(['analyze', '-', '--db', join(work, 'stdin-db'), '--format', 'json'], { input });
    expect(r.code).toBe(0);
    expect(json(r).articles[0]).toMatchObject({ source: 'stdin#1', url: 'https://example.org/comet' });
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file (not testable as root, where every file is readable)', async () => {
    const d = join(work, 'unreadable');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'secret.txt'), article(TOPICS[0]!, 2));
    chmodSync(join(d, 'secret.txt'), 0o000);
    const r = await run(['analyze', d, '--db', join(work, 'unreadable-db'), '--format', 'json']);
    expect(r.stderr).toMatch(/secret\.txt: cannot read: permission denied/);
  });
});

describe('storyline analyze killed mid-run', () => {
  it('leaves a store that opens, and a re-run completes without duplicates', async () => {
    const dir = join(work, 'many');
    const db = join(work, 'many-db');
    mkdirSync(dir, { recursive: true });
    const N = 400;
    for (let i = 0; i < N; i++) writeFileSync(join(dir, `a${String(i).padStart(4, '0')}.txt`), article(TOPICS[i % 3]!, i));

    const child = spawn(BIN, ['analyze', dir, '--db', db, '--format', 'json', '--progress'], { env: { ...process.env, CI: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    // Kill once progress says some inputs are stored: mid-run, whatever the machine's speed.
    await new Promise<void>((resolve) => {
      child.stderr!.on('data', (d: Buffer) => {
        const m = /analysing: (\d+) inputs/.exec(String(d));
        if (m && Number(m[1]) >= 40) resolve();
      });
      child.on('close', () => resolve());
    });
    child.kill('SIGKILL');
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.on('close', r)));

    const rerun = await run(['analyze', dir, '--db', db, '--format', 'json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    const report = json(rerun);
    expect(report.summary.inputs).toBe(N);
    expect(report.summary.analysed + report.summary.unchanged).toBe(N);
    expect(report.summary.unchanged, 'some inputs were stored before the kill').toBeGreaterThanOrEqual(40);
    expect(report.summary.analysed, 'the kill came before the end').toBeGreaterThan(0);
    const listed = json(await run(['articles', '--db', db, '--format', 'json', '--limit', '10000']));
    expect(listed.articles).toHaveLength(N);
    expect(new Set(listed.articles.map((a) => a.id)).size).toBe(N);
  }, 180_000);
});
