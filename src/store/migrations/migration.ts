import type { Kysely } from 'kysely';

export type StoreDialect = 'sqlite' | 'postgres';

/**
 * A schema step. Names sort in the order they apply; each module owns a range:
 * 0001–0009 store, 0010–0019 ingest, 0020–0029 analyse, 0030–0039 alert, 0040–0049 server,
 * 0050 and later: any module (the ranges above are full or reserved).
 */
export interface VigieMigration {
  readonly name: string;
  up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void>;
}

export interface IndexSpec {
  readonly name: string;
  readonly table: string;
  readonly columns: string[];
}

/** Creates each index unless it exists (a migration that adds plain read indexes). */
export async function createIndexes(db: Kysely<unknown>, indexes: readonly IndexSpec[]) {
  for (const index of indexes) {
    await db.schema
      .createIndex(index.name)
      .ifNotExists()
      .on(index.table)
      .columns(index.columns)
      .execute();
  }
}
