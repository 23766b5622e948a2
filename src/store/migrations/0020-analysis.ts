/**
 * Analysis tables and indexes: daily trend counts, a key/value state table, and the event
 * indexes incremental resolution needs (candidates of one type in a time window).
 */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const analysisMigration: VigieMigration = {
  name: '0020-analysis',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('events_type_first_seen')
      .on('events')
      .columns(['type', 'first_seen'])
      .execute();
    await db.schema
      .createIndex('events_type_date_first_seen')
      .on('events')
      .columns(['type', 'date', 'first_seen'])
      .execute();
    await db.schema
      .createIndex('mentions_type_event')
      .on('mentions')
      .columns(['type', 'event_id'])
      .execute();
    await db.schema
      .createTable('trend_counts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('actor_a', 'text', (c) => c.notNull())
      .addColumn('actor_b', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('trend_counts_pair_day')
      .on('trend_counts')
      .columns(['actor_a', 'actor_b', 'day'])
      .execute();
    await db.schema.createIndex('trend_counts_day').on('trend_counts').column('day').execute();
    await db.schema
      .createTable('analysis_state')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
