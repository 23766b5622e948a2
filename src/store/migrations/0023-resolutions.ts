/**
 * Resolutions of watchboard hypotheses (analysis): how and when a question was settled, who
 * recorded it and when. Append-only: the latest record of a hypothesis is in force, the earlier
 * ones stay as the audit trail.
 */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const resolutionsMigration: VigieMigration = {
  name: '0023-resolutions',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('resolutions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hypothesis_id', 'text', (c) => c.notNull())
      .addColumn('board_id', 'text', (c) => c.notNull())
      .addColumn('outcome', 'integer', (c) => c.notNull())
      .addColumn('resolved_on', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('resolutions_hypothesis')
      .on('resolutions')
      .columns(['hypothesis_id', 'recorded_at'])
      .execute();
    await db.schema.createIndex('resolutions_board').on('resolutions').column('board_id').execute();
  },
};
