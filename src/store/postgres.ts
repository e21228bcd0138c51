/**
 * The server driver: a PostgreSQL server through `pg`, with the same SQL and migrations as the
 * embedded store. A `schema` option keeps several stores (or test runs) apart in one database.
 */
import pg from 'pg';
import type { Db, Queryable } from './db.ts';

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
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    else await pool.query('SELECT 1');
  } catch (e) {
    await pool.end();
    throw new Error(`cannot connect to PostgreSQL at ${redact(url)}: ${(e as Error).message}`);
  }
  const wrap = (c: { query: pg.Pool['query'] }): Queryable => ({
    async query<R>(sql: string, params: unknown[] = []) {
      return (await c.query(sql, params)).rows as R[];
    },
  });
  return {
    ...wrap(pool),
    description: `PostgreSQL at ${redact(url)}${schema ? ` (schema ${schema})` : ''}`,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client as unknown as { query: pg.Pool['query'] }));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** A connection URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');
}
