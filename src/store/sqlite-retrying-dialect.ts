/**
 * Kysely's SQLite dialect, with the write lock taken the way every writer of this store takes it:
 * transactions begin IMMEDIATE (the lock up front, so two processes never deadlock upgrading a
 * read lock), and a statement or BEGIN refused with "database is locked" is retried with backoff
 * (sqlite-busy.ts) instead of failing the request or the ingest. Statements inside a transaction
 * are not retried: the transaction already holds the lock.
 * @module
 */
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDialectConfig,
} from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import { retryWhenBusy } from './sqlite-busy.js';

/** The driver's one connection, retrying what it runs outside a transaction while busy. */
class RetryingConnection implements DatabaseConnection {
  constructor(
    private readonly inner: DatabaseConnection,
    private readonly sqlite: SqliteDatabase.Database,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.sqlite.inTransaction) return this.inner.executeQuery<R>(query);
    return retryWhenBusy(() => this.inner.executeQuery<R>(query));
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class RetryingSqliteDriver extends SqliteDriver {
  private readonly connections = new WeakMap<DatabaseConnection, RetryingConnection>();

  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: SqliteDatabase.Database,
  ) {
    super(config);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection();
    let wrapped = this.connections.get(inner);
    if (!wrapped) {
      wrapped = new RetryingConnection(inner, this.sqlite);
      this.connections.set(inner, wrapped);
    }
    return wrapped;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }
}

export class RetryingSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SqliteDatabase.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new RetryingSqliteDriver({ database: this.sqlite }, this.sqlite);
  }
}
