/** Opening the store from command-line options, with errors that say what to do. */
import { existsSync, statSync } from 'node:fs';
import { isPostgresUrl, openStore, type Store } from '../store/index.ts';

export const DEFAULT_DB = './.storyline';

export async function openStoreFor(db: string, { mustExist = false } = {}): Promise<Store> {
  if (isPostgresUrl(db)) return openStore(db);
  if (existsSync(db) && !statSync(db).isDirectory()) {
    throw new Error(`--db ${db} is a file; it must be a folder for the embedded store (it is created if missing)`);
  }
  if (mustExist && !existsSync(db)) {
    throw new Error(`no store at ${db}: run \`storyline analyze PATH --db ${db}\` first, or point --db at an existing store`);
  }
  return openStore(db);
}
