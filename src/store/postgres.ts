/**
 * The server driver: a PostgreSQL server through `pg`, with the same SQL and migrations as the
 * embedded store. A `schema` option keeps several stores (or test runs) apart in one database.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db, LockStats, Queryable, TxLock } from './db.ts';

// DATE columns as 'YYYY-MM-DD' strings, as PGlite returns them, instead of local-midnight Dates.
const DATE_OID = 1082;

export interface PostgresOptions {
  /** Schema to use (created if missing); default `public`. */
  schema?: string;
  max?: number;
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name '${schema}'`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 4,
    connectionTimeoutMillis: 10_000,
    options: schema ? `-c search_path=${schema}` : undefined,
    types: { getTypeParser: (oid, format) => (oid === DATE_OID ? (v: string) => v : pg.types.getTypeParser(oid, format)) },
  });
  // An idle pooled connection that the server drops (a restart, an admin kill) emits 'error' on the
  // pool; unhandled, that event would end the process. The pool discards the connection itself and
  // the next query opens a new one, so a worker rides out a PostgreSQL restart (node-postgres docs,
  // "Pool: events: error").
  pool.on('error', () => {});
  const lockKey = (name: TxLock) => advisoryKey(`storyline:${name}:${schema ?? 'public'}`);
  const wrap = (c: { query: pg.Pool['query'] }): Queryable => ({
    async query<R>(sql: string, params: unknown[] = []) {
      return (await c.query(sql, params)).rows as R[];
    },
  });
  const lockStats: LockStats = { waitMs: 0, heldMs: 0 };
  const transaction: Db['transaction'] = async (fn, txOptions = {}) => {
    const client = await pool.connect();
    let broken = false;
    // A checked-out client whose connection drops emits 'error' besides failing its query; with
    // no listener that event would end the process (node-postgres docs, "Pool: connect").
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      // Taken before the transaction reads anything, so under READ COMMITTED every statement after
      // it sees all that the previous holder committed (PostgreSQL docs 13.3.5, advisory locks;
      // released by COMMIT or ROLLBACK).
      const asked = performance.now();
      if (txOptions.lock) await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey(txOptions.lock)]);
      const got = performance.now();
      const out = await fn(wrap(client as unknown as { query: pg.Pool['query'] }));
      await client.query('COMMIT');
      if (txOptions.lock === 'group') {
        lockStats.waitMs += got - asked;
        lockStats.heldMs += performance.now() - got;
      }
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw e;
    } finally {
      // A connection that could not even roll back is dead: destroy it rather than pool it.
      client.off('error', onError);
      client.release(broken || undefined);
    }
  };
  try {
    if (schema) {
      // Several workers starting at once would race on CREATE SCHEMA IF NOT EXISTS (it is not
      // atomic against a concurrent create); the migrate lock makes it one at a time.
      await transaction((tx) => tx.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`), { lock: 'migrate' });
    } else {
      await pool.query('SELECT 1');
    }
  } catch (e) {
    await pool.end();
    throw new Error(`cannot connect to PostgreSQL at ${redact(url)}: ${(e as Error).message}`);
  }
  return {
    ...wrap(pool),
    description: `PostgreSQL at ${redact(url)}${schema ? ` (schema ${schema})` : ''}`,
    transaction,
    lockStats,
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** A stable signed 64-bit advisory-lock key for a name (the first 8 bytes of its SHA-256). */
function advisoryKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}

/** A connection URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');
}
