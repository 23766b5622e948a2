/**
 * One unit of work on either backend. SQLite takes the write lock up front (BEGIN IMMEDIATE) so
 * two processes never deadlock upgrading a read lock; while another process holds it, the BEGIN
 * is retried with backoff (sqlite-retrying-dialect.ts). Keep `fn` short: other writers wait for
 * it. PostgreSQL uses Kysely's transaction.
 * Inside `fn`, use only the handle it receives: the SQLite connection is held until it returns.
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Store } from './open-store.js';

/** SQLite connections inside `withTransaction` (Kysely only flags its own Transaction objects). */
const openSqliteTransactions = new WeakSet<Kysely<Database>>();

/** Whether `db` is already inside a transaction, so a callee should not open one of its own. */
export function isInTransaction(db: Kysely<Database>): boolean {
  return db.isTransaction || openSqliteTransactions.has(db);
}

export async function withTransaction<T>(
  store: Pick<Store, 'db' | 'dialect'>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (store.dialect === 'postgres') return store.db.transaction().execute(fn);
  return store.db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    openSqliteTransactions.add(conn);
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw error;
    } finally {
      openSqliteTransactions.delete(conn);
    }
  });
}

let savepointCounter = 0;

/**
 * Runs `fn` inside a savepoint of the current transaction: on error only its writes are undone
 * and the error is rethrown; the surrounding transaction goes on.
 */
export async function withSavepoint<T>(
  trx: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const name = sql.raw(`vigie_sp_${++savepointCounter}`);
  await sql`SAVEPOINT ${name}`.execute(trx);
  try {
    const result = await fn(trx);
    await sql`RELEASE SAVEPOINT ${name}`.execute(trx);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(trx);
    await sql`RELEASE SAVEPOINT ${name}`.execute(trx);
    throw error;
  }
}
