/** Ingestion: the error log of sources (one row per failed fetch or parse), read by `vigie status`. */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const sourceErrorsMigration: VigieMigration = {
  name: '0010-source-errors',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('source_errors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .execute();
    await db.schema
      .createIndex('source_errors_source_at')
      .on('source_errors')
      .columns(['source_id', 'at'])
      .execute();
  },
};
