/**
 * Analyst corrections (docs/corrections.md): one audited row per correction of a mention, keyed by
 * the mention's document and spans (mention rows are replaced on re-extraction, their ids are
 * not stable), and on each mention the correction its values come from.
 */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const correctionsMigration: VigieMigration = {
  name: '0090-corrections',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('corrections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('span_start', 'integer', (c) => c.notNull())
      .addColumn('span_end', 'integer', (c) => c.notNull())
      .addColumn('trigger_start', 'integer')
      .addColumn('trigger_end', 'integer')
      .addColumn('mention_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('before', 'text', (c) => c.notNull())
      .addColumn('after', 'text')
      .addColumn('extracted', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text')
      .addColumn('note', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text')
      .addColumn('revoke_note', 'text')
      .execute();
    await db.schema
      .createIndex('corrections_document')
      .on('corrections')
      .columns(['document_id', 'span_start'])
      .execute();
    await db.schema
      .createIndex('corrections_mention')
      .on('corrections')
      .column('mention_id')
      .execute();
    await db.schema.createIndex('corrections_event').on('corrections').column('event_id').execute();
    await db.schema
      .createIndex('corrections_created')
      .on('corrections')
      .column('created_at')
      .execute();
  },
};

export const mentionCorrectionMigration: VigieMigration = {
  name: '0091-mention-correction',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('mentions').addColumn('correction_id', 'text').execute();
  },
};
