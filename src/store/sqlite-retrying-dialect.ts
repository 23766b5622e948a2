/**
 * Kysely's SQLite dialect, with the write lock taken the way every writer of this store takes it:
 * transactions begin IMMEDIATE (the lock up front, so two processes never deadlock upgrading a
 * read lock), and a statement or BEGIN refused with "database is locked" is retried with backoff
 * (sqlite-busy.ts) instead of failing the request or the ingest. Statements inside a transaction
 * are not retried: the transaction already holds the lock. Statements are prepared once per text
 * (sqlite-statements.ts) instead of at every run as Kysely's own connection does.
 * @module
 */
import {
  CompiledQuery,
  SqliteDialect,
  type Kysely,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDialectConfig,
} from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import { retryWhenBusy } from './sqlite-busy.js';
import { StatementCache } from './sqlite-statements.js';

/** The driver's one connection, retrying what it runs outside a transaction while busy. */
class RetryingConnection implements DatabaseConnection {
  private readonly statements: StatementCache;

  constructor(
    private readonly inner: DatabaseConnection,
    readonly sqlite: SqliteDatabase.Database,
  ) {
    this.statements = new StatementCache(sqlite);
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.sqlite.inTransaction) return Promise.resolve(this.run<R>(query));
    return retryWhenBusy(() => Promise.resolve(this.run<R>(query)));
  }

  /** What Kysely's SQLite connection does, with the statement taken from the cache. */
  private run<R>(query: CompiledQuery): QueryResult<R> {
    const statement = this.statements.statement(query.sql);
    if (statement.reader) return { rows: statement.all(query.parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(query.parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
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

/**
 * The better-sqlite3 handle behind a Kysely instance or transaction of this dialect (undefined on
 * PostgreSQL): for the few hot look-ups that run many short statements per document, where
 * building each through Kysely costs more than running it. Statements run on it belong to the
 * transaction in progress, if any (SQLite has one connection).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: only the connection is read
export function rawSqliteOf(db: Kysely<any>): Promise<SqliteDatabase.Database | undefined> {
  return db
    .getExecutor()
    .provideConnection((connection) =>
      Promise.resolve(connection instanceof RetryingConnection ? connection.sqlite : undefined),
    );
}
