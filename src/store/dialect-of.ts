/** Which backend a Kysely instance (or transaction) talks to, for the few queries that differ. */
import { PostgresAdapter, type Kysely } from 'kysely';
import type { StoreDialect } from './migrations/migration.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: only the adapter is read
export function dialectOf(db: Kysely<any>): StoreDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
