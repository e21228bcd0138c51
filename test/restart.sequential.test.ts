/**
 * The services restarted under a running worker: nothing lost, nothing stored twice. PostgreSQL
 * is the machine's shared server (restarted for a few seconds, in this one test only), NATS a
 * private nats-server this test starts on its own port and folder. This file runs after every
 * other test file, alone (vitest.config.ts: project "restarts"), so the PostgreSQL restart cannot
 * break another test of this suite.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { haveNats, havePg, stop, tcpUp, waitFor } from './helpers.ts';
import { children, cleanUp, counts, exited, ingest, setup, status, work, worker } from './queue-harness.ts';

afterAll(cleanUp);

describe.skipIf(!havePg || !haveNats)('services restarted mid-run', () => {
  it('PostgreSQL restarted mid-run: the worker waits for it and nothing is lost', async () => {
    const s = setup('pgrestart', 80);
    expect(await ingest(s)).toMatchObject({ published: 80 });
    const w = worker(s, ['--exit-when-empty', '--ack-wait', '5']);
    expect(await waitFor(async () => (await counts(s.schema)).rows >= 10, 90_000), w.log()).toBe(true);
    expect((await counts(s.schema)).rows, 'restarted mid-run').toBeLessThan(80);
    const version = readdirSync('/etc/postgresql')[0]!;
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart', '-m', 'fast'], { stdio: 'ignore', timeout: 60_000 });
    expect(await exited(w, 180_000), w.log()).toBe(true);
    expect(w.exitCode, w.log()).toBe(0);
    expect(await counts(s.schema)).toEqual({ rows: 80, distinct: 80, sources: 80 });
    expect((await status(s)).deadLetters, w.log()).toBe(0);
  }, 300_000);

  it('NATS restarted mid-run: work resumes, nothing lost or doubled', async () => {
    // A private server (own port, own storage folder), so restarting it disturbs no one else.
    const port = 14_000 + Math.floor(Math.random() * 2000);
    const storeDir = join(work, 'nats-data');
    const startNats = () => {
      const p = spawn('/usr/sbin/nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
      children.push(p);
      return p;
    };
    let nats = startNats();
    expect(await waitFor(() => tcpUp('127.0.0.1', port, 500), 15_000)).toBe(true);
    const s = setup('natsrestart', 80, `nats://127.0.0.1:${port}`);
    expect(await ingest(s)).toMatchObject({ published: 80 });
    const w = worker(s, ['--exit-when-empty', '--ack-wait', '3']);
    expect(await waitFor(async () => (await counts(s.schema)).rows >= 10, 90_000), w.log()).toBe(true);
    expect((await counts(s.schema)).rows, 'restarted mid-run').toBeLessThan(80);
    await stop(nats, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    nats = startNats();
    expect(await waitFor(() => tcpUp('127.0.0.1', port, 500), 15_000)).toBe(true);
    expect(await exited(w, 180_000), w.log()).toBe(true);
    expect(await counts(s.schema)).toEqual({ rows: 80, distinct: 80, sources: 80 });
    expect((await status(s)).depth).toBe(0);
    await stop(nats, 'SIGTERM');
  }, 300_000);
});
