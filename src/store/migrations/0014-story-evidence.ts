/**
 * Story evidence (ingest, issue #16): the second story stage joins rewrites and translations of
 * one announcement on evidence two reports share (attributed source, figures, events, names),
 * and records why. `story_documents` gains the attributed source, the names and the evidence of
 * the join (JSON, any stage); `story_keys` finds the reports of the same days that share a key
 * (`s:` source, `n:` figure, `e:` event signature) without scanning the corpus.
 */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const storyEvidenceMigration: VigieMigration = {
  name: '0014-story-evidence',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('story_documents').addColumn('source', 'text').execute();
    await db.schema
      .alterTable('story_documents')
      .addColumn('names', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.alterTable('story_documents').addColumn('evidence', 'text').execute();

    await db.schema
      .createTable('story_keys')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('published', 'text')
      .addPrimaryKeyConstraint('story_keys_pk', ['key', 'document_id'])
      .execute();
    await db.schema
      .createIndex('story_keys_key_published')
      .on('story_keys')
      .columns(['key', 'published'])
      .execute();
    await db.schema
      .createIndex('story_keys_document')
      .on('story_keys')
      .column('document_id')
      .execute();
  },
};
