/**
 * Opens the store: SQLite (default, one file, WAL) or PostgreSQL (a `postgres://` URL).
 * Both sit behind Kysely with the same schema; `Store.dialect` is for the few queries that differ.
 * @module
 */
import { Kysely, Migrator, PostgresDialect, type MigrationProvider } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { VigieError } from '../domain/errors.js';
import type { Database } from './schema.js';
import type { StoreDialect } from './migrations/migration.js';
import { MIGRATIONS } from './migrations/index.js';
import { ftsIndexText } from './fts-text.js';
import { resolveSqliteMemory, type SqliteMemory, type StoreUse } from './sqlite-memory.js';
import { SQLITE_BUSY_TIMEOUT_MS } from './sqlite-busy.js';
import { RetryingSqliteDialect } from './sqlite-retrying-dialect.js';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  /** File path (SQLite) or URL without password (PostgreSQL), for messages. */
  readonly location: string;
  /** The raw SQLite handle, for backups and FTS maintenance; absent on PostgreSQL. */
  readonly sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** `postgres://…` or a SQLite file path (`:memory:` for tests). */
  readonly url: string;
  /** Apply pending migrations on open (default true). */
  readonly migrate?: boolean;
  /** PostgreSQL pool size. */
  readonly poolSize?: number;
  /**
   * SQLite: what the process does with the store, which sets its page cache and memory map
   * (see sqlite-memory.ts). Default `server`: 64 MB cache and a 256 MB map.
   */
  readonly use?: StoreUse;
  /** SQLite: explicit cache / map sizes in bytes, over those of `use`. */
  readonly memory?: Partial<SqliteMemory>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url);
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const store = isPostgresUrl(options.url) ? openPostgres(options) : openSqlite(options);
  if (options.migrate !== false) {
    try {
      await migrateStore(store);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

function openSqlite(options: OpenStoreOptions): Store {
  const path = options.url;
  // Validated before the file is created or opened.
  const memory = resolveSqliteMemory(options.use ?? 'server', options.memory);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  // 16 KiB pages for new databases (an existing file keeps its own): fewer, fuller B-tree pages
  // for bulk inserts and scans (GDELT import ~10% less CPU); must precede the first write.
  sqlite.pragma('page_size = 16384');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // Short: SQLite's wait blocks the thread; longer waits are async retries (sqlite-busy.ts).
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  sqlite.pragma('foreign_keys = ON');
  // Temporary B-trees (sorts, GROUP BY) stay in memory; cache and map sizes follow the use.
  sqlite.pragma('temp_store = MEMORY');
  // A negative cache_size is in KiB (a positive one would count pages).
  sqlite.pragma(`cache_size = -${Math.ceil(memory.cacheBytes / 1024)}`);
  if (path !== ':memory:') sqlite.pragma(`mmap_size = ${memory.mmapBytes}`);
  // Used by the full-text triggers (migration 0002): every connection that writes needs it.
  sqlite.function('vigie_fts_text', { deterministic: true }, (text: unknown) =>
    ftsIndexText(typeof text === 'string' ? text : null),
  );
  const db = new Kysely<Database>({ dialect: new RetryingSqliteDialect(sqlite) });
  return { db, dialect: 'sqlite', location: path, sqlite, close: () => db.destroy() };
}

function openPostgres(options: OpenStoreOptions): Store {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  // A dropped idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: redactUrl(options.url), close: () => db.destroy() };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

export async function migrateStore(store: Store): Promise<{ applied: string[] }> {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(
        MIGRATIONS.map((m) => [m.name, { up: (db: Kysely<unknown>) => m.up(db, store.dialect) }]),
      ),
  };
  const migrator = new Migrator({
    db: store.db,
    provider,
    allowUnorderedMigrations: true,
    migrationTableName: 'vigie_migrations',
    migrationLockTableName: 'vigie_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw new VigieError(
      'VIGIE_STORE_FAILED',
      `migration failed on ${store.location}: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}
