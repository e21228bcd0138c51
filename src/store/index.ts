export { isPostgresUrl, openStore, Store, StoreTx, type Candidate, type GroupExtras, type GroupRow, type StoredEvent, type ListOptions, type StoredArticle, type StoredStory, type StoreView, type TermWeight } from './store.ts';
export type { Db, LockStats, Queryable } from './db.ts';
export { migrate, migrations } from './migrate.ts';
