/** documents.analysed_at: the pipeline's watermark, so a crash between storing and analysing loses nothing. */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const analysisMarkMigration: VigieMigration = {
  name: '0009-analysis-mark',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('documents').addColumn('analysed_at', 'text').execute();
    await db.schema
      .createIndex('documents_pending_analysis')
      .on('documents')
      .columns(['analysed_at', 'extracted_at'])
      .execute();
  },
};
