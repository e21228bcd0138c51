/** The embedded driver: PostgreSQL in-process through @electric-sql/pglite, data in a folder. */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.ts';
import { acquireLock } from './lock.ts';

export async function openPglite(dir: string | null): Promise<Db> {
  if (dir) mkdirSync(dir, { recursive: true });
  const release = dir ? acquireLock(dir) : () => {};
  let pg: PGlite;
  try {
    // PGlite keeps its PostgreSQL data folder inside ours, beside the lock file.
    pg = dir ? await PGlite.create(`${dir}/pgdata`) : await PGlite.create();
  } catch (e) {
    release();
    throw new Error(`cannot open the store at ${dir}: ${(e as Error).message}`);
  }
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<R>(sql: string, params: unknown[] = []) {
      return (await q.query<R>(sql, params)).rows;
    },
  });
  return {
    ...wrap(pg),
    description: dir ? `embedded store at ${dir}` : 'in-memory embedded store',
    exclusive: true,
    // One process, one connection: transactions are serialised already, so a lock has nothing to add.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: async () => {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
