/** `DATABASE_URL` is the store of every command when `--db` is not given (twelve-factor style). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TOPICS, article } from './fixtures.ts';
import { dropSchema, havePg, pgQuery, run, schemaUrl } from './helpers.ts';

describe.skipIf(!havePg)('DATABASE_URL', () => {
  const { schema, url } = schemaUrl();
  const work = mkdtempSync(join(tmpdir(), 'storyline-dburl-'));
  afterAll(async () => {
    await dropSchema(schema);
    rmSync(work, { recursive: true, force: true });
  });

  it('stores into the PostgreSQL schema it names, and every command reads from it', async () => {
    writeFileSync(join(work, 'flood.txt'), article(TOPICS[0]!, 0));
    const r = await run(['analyze', join(work, 'flood.txt'), '--format', 'json'], { env: { DATABASE_URL: url } });
    expect(r.code, r.stderr).toBe(0);
    const [row] = await pgQuery<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.articles`);
    expect(Number(row!.n)).toBe(1);
    const stories = await run(['stories', '--format', 'text'], { env: { DATABASE_URL: url } });
    expect(stories.code, stories.stderr).toBe(0);
    expect(stories.stdout).toContain(TOPICS[0]!.title);
  }, 120_000);

  it('gives way to an explicit --db', async () => {
    const db = join(work, 'embedded');
    const r = await run(['analyze', join(work, 'flood.txt'), '--db', db, '--format', 'json'], { env: { DATABASE_URL: url } });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ analysed: 1, unchanged: 0 });
  }, 120_000);
});
