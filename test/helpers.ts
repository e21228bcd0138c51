/**
 * Shared by the scale-out tests: a throwaway PostgreSQL schema on the machine's server, and
 * whether the services answer. CI sets
 * STORYLINE_REQUIRE_PG / STORYLINE_REQUIRE_NATS so a service that is down fails the run instead of
 * skipping its tests.
 */
import { randomBytes } from 'node:crypto';
import { connect as netConnect } from 'node:net';
import pg from 'pg';

export { BIN, run, start, stop, type Run } from './cli-process.ts';

export const PG_URL = process.env.STORYLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
export const NATS_URL = process.env.STORYLINE_TEST_NATS ?? 'nats://127.0.0.1:4222';

export const suffix = (): string => randomBytes(5).toString('hex');

/** A fresh schema name; `dropSchema` removes it. */
export function schemaUrl(): { schema: string; url: string } {
  const schema = `storyline_t_${suffix()}`;
  return { schema, url: `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}` };
}

export async function pgQuery<R = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as R[];
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await pgQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
}

export async function pgUp(): Promise<boolean> {
  try {
    await pgQuery('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

export function tcpUp(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function natsUp(): Promise<boolean> {
  const u = new URL(NATS_URL);
  return tcpUp(u.hostname, Number(u.port || 4222));
}

/** Polls `check` until it is true or `timeoutMs` passes; returns its last value. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const havePg = await pgUp();
if (process.env.STORYLINE_REQUIRE_PG === '1' && !havePg) throw new Error(`STORYLINE_REQUIRE_PG=1 but no PostgreSQL server answers at ${PG_URL}`);
export const haveNats = await natsUp();
if (process.env.STORYLINE_REQUIRE_NATS === '1' && !haveNats) throw new Error(`STORYLINE_REQUIRE_NATS=1 but no NATS server answers at ${NATS_URL}`);
