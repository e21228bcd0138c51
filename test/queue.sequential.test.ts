/**
 * Scale-out, for real: `storyline ingest` to NATS JetStream, `storyline worker` processes into
 * PostgreSQL, and the faults they must survive, each checked by counting rows against inputs
 * (nothing lost, nothing stored twice):
 * - two workers at once give the same stories as one embedded `analyze`;
 * - a worker killed with SIGKILL mid-batch, then another started;
 * - an input that makes the analyser fail, or kills its worker every time: dead letters, the
 *   rest of the queue goes on, and `retry` puts them back.
 * Restarts of PostgreSQL and NATS are in restart.sequential.test.ts. Runs after the other test
 * files, alone (vitest.config.ts). CI sets
 * STORYLINE_REQUIRE_NATS and STORYLINE_REQUIRE_PG, so a service that is down fails the run
 * rather than skipping this.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeInputs } from '../src/analyze/index.ts';
import { readInputs } from '../src/read/index.ts';
import { openStore } from '../src/store/index.ts';
import { TOPICS, article } from './fixtures.ts';
import { haveNats, havePg, NATS_URL, run, stop, waitFor } from './helpers.ts';
import { archive, cleanUp, common, counts, exited, ingest, partition, setup, status, worker } from './queue-harness.ts';

afterAll(cleanUp);

describe.skipIf(!havePg || !haveNats)('scale-out on PostgreSQL and NATS JetStream', () => {
  it('two workers at once store every input once, in the same stories as one embedded analyze', async () => {
    const s = setup('two', 60, NATS_URL, { 'crawl.warc.gz': archive() });
    const first = await ingest(s);
    expect(first).toMatchObject({ published: 62, duplicates: 0, failed: 0 });
    // Ingesting again queues nothing twice: same source and content, same message id.
    expect(await ingest(s)).toMatchObject({ published: 0, duplicates: 62 });

    const workers = [worker(s, ['--exit-when-empty']), worker(s, ['--exit-when-empty'])];
    for (const w of workers) expect(await exited(w, 120_000), w.log()).toBe(true);
    for (const w of workers) expect(w.exitCode, w.log()).toBe(0);
    // Both took part (JetStream spread the work), and together stored each input once.
    for (const w of workers) expect(w.log()).toMatch(/[1-9]\d* stored/);
    // Each accounts for its time in the grouping lock (what bench:workers reads to explain its speed-up).
    for (const w of workers) expect(w.log()).toMatch(/busy \d+\.\d s, holding the grouping lock \d+\.\d s \(\d+%\), waiting for it \d+\.\d s, \d+ grouping plans made again under it/);
    expect(await counts(s.schema)).toEqual({ rows: 62, distinct: 62, sources: 62 });

    const st = await status(s);
    expect(st).toMatchObject({ depth: 0, deadLetters: 0, store: { articles: 62, storedLastMinute: 62 } });

    const server = await openStore(s.db);
    const embedded = await openStore(null);
    try {
      await analyzeInputs(embedded, readInputs([s.dir]));
      const expected = await partition(embedded);
      expect(expected.length).toBeGreaterThanOrEqual(4);
      expect(await partition(server)).toEqual(expected);
    } finally {
      await server.close();
      await embedded.close();
    }
  }, 240_000);

  it('a worker killed with SIGKILL mid-batch loses nothing: another finishes, each input stored once', async () => {
    const s = setup('kill', 80);
    expect(await ingest(s)).toMatchObject({ published: 80 });
    const a = worker(s, ['--ack-wait', '2']);
    expect(await waitFor(async () => (await counts(s.schema)).rows >= 15, 90_000), a.log()).toBe(true);
    await stop(a, 'SIGKILL');
    const stored = (await counts(s.schema)).rows;
    expect(stored, 'killed mid-run').toBeLessThan(80);
    const b = worker(s, ['--exit-when-empty']);
    expect(await exited(b, 120_000), b.log()).toBe(true);
    expect(await counts(s.schema)).toEqual({ rows: 80, distinct: 80, sources: 80 });
    expect((await status(s)).deadLetters).toBe(0);
  }, 240_000);

  it('poison inputs go to the dead letters without blocking the queue, and retry puts them back', async () => {
    const s = setup('poison', 24, NATS_URL, {
      'poison-1.txt': `${article(TOPICS[0]!, 101)}POISON-MARK\n`,
      'poison-2.txt': `${article(TOPICS[1]!, 102)}POISON-MARK\n`,
      'killer.txt': `${article(TOPICS[2]!, 103)}KILLER-MARK\n`,
      'empty-page.html': '<html><body><nav>Home</nav></body></html>',
    });
    expect(await ingest(s)).toMatchObject({ published: 28 });

    // Every worker's analyser throws on the two POISON inputs (dead letters at once, with the
    // error) and every worker dies on the KILLER input; a supervisor restarts them, as systemd or
    // Kubernetes would, until the queue is empty.
    const env = { STORYLINE_TEST_POISON: 'POISON-MARK', STORYLINE_TEST_POISON_KILL: 'KILLER-MARK' };
    let deaths = 0;
    for (let i = 0; i < 8; i++) {
      const w = worker(s, ['--exit-when-empty', '--ack-wait', '1'], env);
      expect(await exited(w, 120_000), w.log()).toBe(true);
      if (w.signalCode !== 'SIGKILL') break;
      deaths++;
    }
    const st = await status(s);
    expect(st.depth).toBe(0);
    const dead = Object.fromEntries(st.recentDead.map((d) => [d.source.split('/').pop(), d]));
    expect(Object.keys(dead).sort()).toEqual(['empty-page.html', 'killer.txt', 'poison-1.txt', 'poison-2.txt']);
    expect(dead['poison-1.txt']!.error).toMatch(/analyser crashed/);
    expect(dead['empty-page.html']!.error).toMatch(/no article text/);
    expect(dead['killer.txt']!.error).toMatch(/delivered 4 times without being acknowledged/);
    expect(deaths, 'the killer input took down three workers, then was set aside').toBe(3);
    expect(await counts(s.schema)).toMatchObject({ rows: 24, distinct: 24 });

    const text = await run(['status', ...common(s), '--db', s.db, '--format', 'text']);
    expect(text.stdout).toMatch(/dead letters: 4/);
    const retry = await run(['retry', ...common(s)]);
    expect(retry.stdout).toMatch(/requeued 4 dead letter/);
    const again = worker(s, ['--exit-when-empty']);
    expect(await exited(again, 120_000), again.log()).toBe(true);
    expect(await counts(s.schema)).toMatchObject({ rows: 27, distinct: 27 });
    // The page with no article fails again, honestly, and is a dead letter again.
    expect((await status(s)).recentDead.map((d) => d.source.split('/').pop())).toEqual(['empty-page.html']);
  }, 300_000);

});
