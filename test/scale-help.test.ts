/** The scale-out commands teach their use, and refuse a bad queue URL as a usage error. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_STREAM } from '../src/queue/index.ts';
import { run } from './helpers.ts';

describe('scale-out commands', () => {
  it.each(['ingest', 'worker', 'status', 'retry', 'watch'])('%s --help has examples', async (cmd) => {
    const r = await run([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Usage: storyline ${cmd}`));
    expect(r.stdout).toMatch(/Examples:\n {2}\$ storyline/);
  });

  it('shows the queue\'s own defaults', async () => {
    const r = await run(['worker', '--help']);
    expect(r.stdout).toContain(`(default: "${DEFAULT_STREAM}"`);
    expect(r.stdout).toContain(`(default: ${DEFAULT_MAX_ATTEMPTS})`);
  });

  it('exits 1 with a clear message for a missing or malformed --queue', async () => {
    const missing = await run(['worker'], { env: { STORYLINE_QUEUE: undefined } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--queue <url>' not specified/);
    const bad = await run(['status', '--queue', 'http://127.0.0.1:4222']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/expected a NATS URL such as nats:\/\/127\.0\.0\.1:4222/);
  });
});
