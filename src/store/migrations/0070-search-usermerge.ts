/**
 * The SQLite full-text index merges down to one segment per level when asked (usermerge 2
 * instead of FTS5's 4): search-index-upkeep.ts asks after each analysed batch. The setting is
 * kept in the index's own config table, so it is written once here.
 */
import { sql, type Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const searchUsermergeMigration: VigieMigration = {
  name: '0070-search-usermerge',
  async up(db: Kysely<unknown>, dialect) {
    if (dialect !== 'sqlite') return;
    await sql`INSERT INTO documents_fts(documents_fts, rank) VALUES('usermerge', 2)`.execute(db);
  },
};
