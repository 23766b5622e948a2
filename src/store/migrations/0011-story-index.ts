/**
 * Story clustering index (ingest): per-document features, LSH band keys and event signatures,
 * so a new document finds its candidate stories without scanning the corpus.
 */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const storyIndexMigration: VigieMigration = {
  name: '0011-story-index',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('story_documents')
      .addColumn('document_id', 'text', (c) => c.primaryKey())
      .addColumn('story_id', 'text', (c) => c.notNull())
      .addColumn('lang', 'text')
      .addColumn('published', 'text')
      .addColumn('signatures', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('actors', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('numbers', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('sentences', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('matched_document_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('story_documents_story')
      .on('story_documents')
      .column('story_id')
      .execute();
    await db.schema
      .createIndex('story_documents_published')
      .on('story_documents')
      .column('published')
      .execute();

    await db.schema
      .createTable('story_bands')
      .addColumn('band', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('story_bands_pk', ['band', 'document_id'])
      .execute();
    await db.schema
      .createIndex('story_bands_document')
      .on('story_bands')
      .column('document_id')
      .execute();

    await db.schema
      .createTable('story_signatures')
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('story_signatures_pk', ['signature', 'document_id'])
      .execute();
    await db.schema
      .createIndex('story_signatures_document')
      .on('story_signatures')
      .column('document_id')
      .execute();
  },
};
