/**
 * GDELT events imported by `vigie import gdelt` (ingest), keyed by GLOBALEVENTID.
 * On SQLite the table is WITHOUT ROWID: rows are stored in the primary-key B-tree itself, so a
 * bulk import maintains two B-trees (table, day/type index) instead of three.
 */
import { sql, type Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

const REAL = 'double precision';

export const gdeltEventsMigration: VigieMigration = {
  name: '0012-gdelt-events',
  async up(db: Kysely<unknown>, dialect) {
    await db.schema
      .createTable('gdelt_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('date_added', 'text')
      .addColumn('event_code', 'text', (c) => c.notNull())
      .addColumn('event_base_code', 'text', (c) => c.notNull())
      .addColumn('event_root_code', 'text', (c) => c.notNull())
      .addColumn('type', 'text')
      .addColumn('modality', 'text')
      .addColumn('capabilities', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('actor1_code', 'text')
      .addColumn('actor1_name', 'text')
      .addColumn('actor1_country', 'text')
      .addColumn('actor2_code', 'text')
      .addColumn('actor2_name', 'text')
      .addColumn('actor2_country', 'text')
      .addColumn('source_actor', 'text')
      .addColumn('target_actor', 'text')
      .addColumn('is_root_event', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('quad_class', 'integer')
      .addColumn('goldstein', REAL)
      .addColumn('num_mentions', 'integer')
      .addColumn('num_sources', 'integer')
      .addColumn('num_articles', 'integer')
      .addColumn('avg_tone', REAL)
      .addColumn('action_country', 'text')
      .addColumn('action_place', 'text')
      .addColumn('source_url', 'text')
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .$call((b) => (dialect === 'sqlite' ? b.modifyEnd(sql`without rowid`) : b))
      .execute();
    await db.schema
      .createIndex('gdelt_events_day_type')
      .on('gdelt_events')
      .columns(['day', 'type'])
      .execute();
  },
};
