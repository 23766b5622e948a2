/** Index for "first event of this type for this pair" look-ups during incremental analysis. */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const analysisPairIndexMigration: VigieMigration = {
  name: '0021-analysis-pair-index',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('events_type_pair')
      .on('events')
      .columns(['type', 'source_actor', 'target_actor', 'first_seen'])
      .execute();
  },
};
