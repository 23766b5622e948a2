/**
 * The audit trail of source reliability grades (docs/source-grades.md): every grade an analyst
 * applied, from what, by whom, when, why, and the suggestion and record it followed, if any.
 */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const sourceGradesMigration: VigieMigration = {
  name: '0110-source-grades',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('source_grades')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('grade_before', 'text', (c) => c.notNull())
      .addColumn('grade_after', 'text', (c) => c.notNull())
      .addColumn('suggested', 'text')
      .addColumn('record', 'text')
      .addColumn('note', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('source_grades_source')
      .on('source_grades')
      .columns(['source_id', 'recorded_at'])
      .execute();
  },
};
