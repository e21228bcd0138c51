/** The embedded driver: PostgreSQL in-process through @electric-sql/pglite, data in a folder. */
import { mkdirSync } from 'node:fs';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import type { Db, Queryable, QueryOptions } from './db.ts';
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
  const plain: Queryable = {
    async query<R>(sql: string, params: unknown[] = []) {
      return (await pg.query<R>(sql, params)).rows;
    },
  };
  const prepared = new PreparedStatements(pg);
  return {
    ...plain,
    description: dir ? `embedded store at ${dir}` : 'in-memory embedded store',
    exclusive: true,
    // One process, one connection: transactions are serialised already, so a lock has nothing to add.
    transaction: (fn) => pg.transaction(() => fn(prepared)),
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

const { serialize } = protocol;

/** Statements kept prepared at once; the least recently used is closed beyond this. */
export const MAX_PREPARED = 256;

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];
/** A statement's parameter types and row description, and its name when it is kept prepared. */
type Statement = { name: string | null; paramTypes: number[]; rowDescription: BackendMessage | null };

/**
 * Queries inside a transaction, each statement parsed and described once and then run as a
 * prepared statement: one call into PostgreSQL (Bind, Execute, Sync) instead of PGlite's six
 * (`query()` parses, describes, binds, describes, executes and syncs every time, planning anew).
 * The statements grouping runs for every stored article are the same few; on a 1,000-article
 * store a small lookup took 0.073 ms through `query()` and 0.03 ms prepared, and the insert spent
 * 0.53 ms of its 3.7 ms planning (scratch measurements, docs/benchmarks.md 2026-12-08). A
 * prepared statement's plan is made for every value at once; a statement whose best plan depends
 * on its values asks to be planned with them (`replan`: Parse, Bind, Execute, Sync, still one
 * call). Only inside a transaction: there PGlite's transaction lock is already held, and the
 * statement runs under its query lock (`runExclusive`), as `query()` would. Values and rows go
 * through PGlite's own serialisers and parsers, so results are those of `query()`. Written here
 * because PGlite has no prepared-statement API beyond its wire protocol.
 */
class PreparedStatements implements Queryable {
  private readonly statements = new Map<string, Statement>();
  private counter = 0;
  constructor(private readonly pg: PGlite) {}

  async query<R>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<R[]> {
    const replan = options.replan === true;
    const key = `${replan ? 'replan' : 'prepared'}:${sql}`;
    return this.pg.runExclusive(async () => {
      const statement = this.statements.get(key) ?? (await this.prepare(sql, replan));
      // Most recently used last (Map keeps insertion order).
      this.statements.delete(key);
      this.statements.set(key, statement);
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const toText = this.pg.serializers[statement.paramTypes[i]!];
        return toText ? toText(value) : String(value);
      });
      const messages = await this.pg.execProtocolStream(
        join(
          ...(statement.name === null ? [serialize.parse({ text: sql, types: statement.paramTypes })] : []),
          serialize.bind({ statement: statement.name ?? '', values }),
          serialize.execute({}),
          serialize.sync(),
        ),
        {},
      );
      const [result] = parse.parseResults(statement.rowDescription ? [statement.rowDescription, ...messages] : messages, this.pg.parsers);
      return (result?.rows ?? []) as R[];
    });
  }

  private async prepare(sql: string, replan: boolean): Promise<Statement> {
    if (this.statements.size >= MAX_PREPARED) {
      const [oldest, old] = this.statements.entries().next().value!;
      this.statements.delete(oldest);
      if (old.name !== null) await this.pg.execProtocolStream(join(serialize.close({ type: 'S', name: old.name }), serialize.sync()), {});
    }
    // A statement planned with each call's values is described through the unnamed statement.
    const name = replan ? null : `storyline_${++this.counter}`;
    const messages = await this.pg.execProtocolStream(join(serialize.parse({ name: name ?? '', text: sql }), serialize.describe({ type: 'S', name: name ?? '' }), serialize.sync()), {});
    return { name, paramTypes: parse.parseDescribeStatementResults(messages), rowDescription: messages.find((m) => m.name === 'rowDescription') ?? null };
  }
}

/** Protocol messages sent as one buffer (the serialiser's buffers are reused: copied here). */
function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
