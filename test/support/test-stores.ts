/**
 * Store factories for tests: the same suite loops over every backend (SQLite always;
 * PostgreSQL when VIGIE_TEST_POSTGRES_URL answers, each store in a database of its own).
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openStore, type Store } from '../../src/store/open-store.js';

export interface TestBackend {
  readonly name: 'sqlite' | 'postgres';
  /** Why the backend is skipped on this machine, or null when it runs. */
  readonly skipReason: string | null;
  /** A fresh, migrated, empty store; drop it with `close()`. */
  open(): Promise<Store>;
}

const ADMIN_URL =
  process.env['VIGIE_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Why the PostgreSQL suites cannot run here, or null when the server answers. */
export async function postgresSkipReason(): Promise<string | null> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    if (process.env['VIGIE_REQUIRE_POSTGRES']) {
      throw new Error(
        `VIGIE_REQUIRE_POSTGRES is set but PostgreSQL at ${ADMIN_URL} does not answer: ${String(error)}`,
      );
    }
    return `PostgreSQL suite skipped: no server at ${ADMIN_URL} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database; returns its URL and a function that drops it. */
export async function createPostgresDatabase(): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const name = `vigie_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

export async function testBackends(): Promise<TestBackend[]> {
  // The global setup checked once and said so in one line; files only read its verdict.
  const pgSkip = process.env['VIGIE_TEST_POSTGRES_SKIP'] ?? (await postgresSkipReason());
  return [
    { name: 'sqlite', skipReason: null, open: () => openStore({ url: ':memory:' }) },
    {
      name: 'postgres',
      skipReason: pgSkip,
      open: async () => {
        const database = await createPostgresDatabase();
        const store = await openStore({ url: database.url, poolSize: 4 });
        return {
          ...store,
          close: async () => {
            await store.close();
            await database.drop();
          },
        };
      },
    },
  ];
}
