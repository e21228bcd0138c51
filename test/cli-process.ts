/**
 * `bin/storyline` as a user runs it, in a child process: to completion (`run`) or in the
 * background (`start`, `stop`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', 'bin', 'storyline');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(args: string[], opts: { input?: string; env?: Record<string, string | undefined> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { env: { ...process.env, CI: '1', ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** Starts `bin/storyline` in the background; stderr is kept for failure messages. */
export function start(args: string[], env: Record<string, string | undefined> = {}): ChildProcess & { log: () => string } {
  const child = spawn(BIN, args, { env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  return Object.assign(child, { log: () => log });
}

export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise((r) => child.once('close', r));
  child.kill(signal);
  await closed;
}
