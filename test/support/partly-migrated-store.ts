/**
 * A store on which only some migrations have run, to test a later migration on the rows an
 * earlier schema left: `close` drops it (and its PostgreSQL database).
 */
import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { createPostgresDatabase } from './test-stores.js';

export async function partlyMigratedStore(
  backend: 'sqlite' | 'postgres',
  runs: (migrationName: string) => boolean,
): Promise<Store> {
  let store: Store;
  if (backend === 'sqlite') store = await openStore({ url: ':memory:', migrate: false });
  else {
    const database = await createPostgresDatabase();
    const opened = await openStore({ url: database.url, migrate: false, poolSize: 2 });
    store = {
      ...opened,
      close: async () => {
        await opened.close();
        await database.drop();
      },
    };
  }
  const dialect = store.dialect;
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(
        MIGRATIONS.filter((m) => runs(m.name)).map((m) => [
          m.name,
          { up: (db: Kysely<unknown>) => m.up(db, dialect) },
        ]),
      ),
  };
  const { error } = await new Migrator({
    db: store.db,
    provider,
    allowUnorderedMigrations: true,
    migrationTableName: 'vigie_migrations',
    migrationLockTableName: 'vigie_migrations_lock',
  }).migrateToLatest();
  if (error) throw error;
  return store;
}
