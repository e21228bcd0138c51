/**
 * The storage backends every storage test runs against (test-only): PGlite always; the PostgreSQL
 * server at STORYLINE_TEST_PG (default the machine's local server), which CI requires
 * (STORYLINE_REQUIRE_PG=1) and a laptop without one skips, saying so. Each open gets a fresh,
 * throwaway database: in memory, or a schema of its own on the server, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from './store.ts';

export const PG_URL = process.env.STORYLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const requirePg = process.env.STORYLINE_REQUIRE_PG === '1';

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
export const havePg = await pgReachable();
if (requirePg && !havePg) throw new Error(`STORYLINE_REQUIRE_PG=1 but no PostgreSQL server answers at ${PG_URL}`);

export interface Backend {
  name: string;
  skip: boolean;
  open: () => Promise<{ store: Store; drop: () => Promise<void> }>;
}

export const backends: Backend[] = [
  {
    name: 'PGlite (embedded)',
    skip: false,
    open: async () => ({ store: await openStore(null), drop: async () => {} }),
  },
  {
    name: `PostgreSQL server${havePg ? '' : ` (skipped: nothing answers at ${PG_URL})`}`,
    skip: !havePg,
    open: async () => {
      const schema = `storyline_test_${randomBytes(6).toString('hex')}`;
      const store = await openStore(PG_URL, { schema });
      return { store, drop: async () => { await store.db.exec(`DROP SCHEMA ${schema} CASCADE`); } };
    },
  },
];
