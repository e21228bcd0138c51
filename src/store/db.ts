/**
 * The one seam between Storyline's SQL and a database engine (after Kysely's dialects: the engine
 * changes only the driver, never the SQL). PGlite implements it here; a `pg` driver for a
 * PostgreSQL server implements the same two methods.
 */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<R[]>;
}

export interface QueryOptions {
  /**
   * Plan the statement with each call's values. The embedded driver keeps statements prepared
   * inside transactions, planned once for every value; a statement whose best plan depends on its
   * values (how long its arrays are, how many rows its limits let through) asks for this. A server
   * driver plans every statement with its values already.
   */
  replan?: boolean;
}

/**
 * What a transaction must not run beside: `group` for the grouping step (read the nearest stored
 * articles, then write the article and its story), `migrate` for schema changes. A server backend
 * serialises transactions that name the same lock (docs/architecture.md, "Several writers"); the
 * embedded one has a single writer already.
 */
export type TxLock = 'group' | 'migrate';

export interface LockStats {
  waitMs: number;
  heldMs: number;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction: all of it is stored, or none of it. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: { lock?: TxLock }): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Time spent waiting for and holding the `group` lock, in this process (server backends; the
   * embedded store has no lock). What limits several workers: `storyline worker` reports it.
   */
  readonly lockStats?: LockStats;
  /**
   * True when no other process can write (the embedded store holds a lock file): grouping then
   * plans inside the write transaction, with nothing to check against other writers.
   */
  readonly exclusive?: boolean;
  /** A short description for messages ("embedded store at ./.storyline"). */
  readonly description: string;
}
