/** Searches an analyst saved on the documents page: a name and the page's query, per user. */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const savedSearchesMigration: VigieMigration = {
  name: '0096-saved-searches',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('saved_searches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('query', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('saved_searches_user_name')
      .unique()
      .on('saved_searches')
      .columns(['user_name', 'name'])
      .execute();
  },
};
