/**
 * Versioned migrations: `migrations/NNN_name.sql`, applied in order, each in its own transaction,
 * recorded in `schema_migrations`. The same files run on every backend.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

const DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function migrations(): Migration[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: readFileSync(DIR + f, 'utf8') }));
}

/**
 * Applies the migrations the database lacks; returns the versions applied. Each runs under the
 * migrate lock and re-reads what is applied inside it, so workers started together on a server
 * apply each migration once.
 */
export async function migrate(db: Db): Promise<number[]> {
  await db.transaction(
    (tx) => tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`),
    { lock: 'migrate' },
  );
  const applied: number[] = [];
  for (const m of migrations()) {
    const done = await db.transaction(async (tx) => {
      if ((await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version])).length > 0) return true;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return false;
    }, { lock: 'migrate' });
    if (!done) applied.push(m.version);
  }
  return applied;
}

/** Splits a migration script into statements (our migrations use no functions with `;` inside bodies). */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
