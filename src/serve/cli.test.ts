/** `storyline serve` as a user runs it: the real command in a child process, a real port, a clean stop. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'storyline');
const work = mkdtempSync(join(tmpdir(), 'storyline-serve-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(BIN, args, { env: { ...process.env, CI: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exit, out: () => stdout, err: () => stderr };
}

describe('storyline serve', () => {
  it('teaches with examples in --help', async () => {
    const r = run(['serve', '--help']);
    expect(await r.exit).toBe(0);
    expect(r.out()).toMatch(/Usage: storyline serve/);
    expect(r.out()).toMatch(/Examples:/);
    expect(r.out()).toMatch(/STORYLINE_TOKEN/);
  });

  // Each start opens a new embedded store (seconds on a busy machine), so one server serves all checks.
  it('serves the store on the port it prints, warns about writes, refuses a taken port, and stops cleanly', async () => {
    const r = run(['serve', '--db', join(work, 'db'), '--port', '0', '--host', '0.0.0.0']);
    const port = await printed(r, /:(\d+) \(Ctrl-C/);
    // A line of its own after the address: waited for, not read with it (the two can arrive apart).
    await printed(r, /(writes are refused on this address; set STORYLINE_TOKEN)/);
    const url = `http://127.0.0.1:${port}`;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/No stories yet/);
    expect(await (await fetch(`${url}/api/stories`)).json()).toMatchObject({ total: 0, stories: [] });
    const post = await fetch(`${url}/api/articles`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text":"x"}' });
    expect(post.status).toBe(403);

    const second = run(['serve', '--db', join(work, 'db2'), '--port', port, '--host', '0.0.0.0']);
    expect(await second.exit).toBe(1);
    expect(second.err()).toMatch(new RegExp(`port ${port} on 0\\.0\\.0\\.0 is already in use`));

    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
  }, 180_000);
});

/** Waits for the server's stderr to show `pattern`; its first group is the answer. */
function printed(r: ReturnType<typeof run>, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = pattern.exec(r.err());
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 100);
    void r.exit.then(() => {
      clearInterval(timer);
      reject(new Error(`serve exited early: ${r.err()}`));
    });
  });
}
