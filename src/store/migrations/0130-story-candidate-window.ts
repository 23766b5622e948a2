/**
 * Story candidates by recency (issue #15): the LSH band and event-signature rows carry their
 * document's publication date, and an index (key, published, document_id) lets a new document
 * read, per key, only the latest members of its publication window. A band shared by thousands of
 * documents (a feed's boilerplate, a wire story copied all day) no longer makes every new
 * document scan all of them.
 */
import { sql, type Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

const TABLES = [
  { table: 'story_bands', key: 'band', index: 'story_bands_recent' },
  { table: 'story_signatures', key: 'signature', index: 'story_signatures_recent' },
] as const;

export const storyCandidateWindowMigration: VigieMigration = {
  name: '0130-story-candidate-window',
  async up(db: Kysely<unknown>) {
    for (const { table, key, index } of TABLES) {
      await db.schema.alterTable(table).addColumn('published', 'text').execute();
      await sql`UPDATE ${sql.table(table)} SET published = (
        SELECT s.published FROM story_documents s
        WHERE s.document_id = ${sql.ref(`${table}.document_id`)})`.execute(db);
      await db.schema
        .createIndex(index)
        .on(table)
        .columns([key, 'published', 'document_id'])
        .execute();
    }
  },
};
