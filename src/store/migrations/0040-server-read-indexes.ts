/**
 * Indexes for the HTTP API's list and filter queries: every filter column paired with the
 * `published`/`date` sort key, so a filtered page newest-first reads only the rows it returns.
 */
import type { Kysely } from 'kysely';
import { createIndexes, type IndexSpec, type VigieMigration } from './migration.js';

const INDEXES: readonly IndexSpec[] = [
  { name: 'mentions_source_published', table: 'mentions', columns: ['source_actor', 'published'] },
  { name: 'mentions_target_published', table: 'mentions', columns: ['target_actor', 'published'] },
  { name: 'mentions_lang_published', table: 'mentions', columns: ['lang', 'published'] },
  {
    name: 'mentions_modality_published',
    table: 'mentions',
    columns: ['modality', 'published'],
  },
  { name: 'mentions_published_id', table: 'mentions', columns: ['published', 'id'] },
  { name: 'documents_source_published', table: 'documents', columns: ['source_id', 'published'] },
  { name: 'documents_published_id', table: 'documents', columns: ['published', 'id'] },
  { name: 'events_source_date', table: 'events', columns: ['source_actor', 'date'] },
  { name: 'events_target_date', table: 'events', columns: ['target_actor', 'date'] },
  { name: 'events_date_id', table: 'events', columns: ['date', 'id'] },
  { name: 'alerts_ack_created', table: 'alerts', columns: ['acknowledged_at', 'created_at'] },
  { name: 'api_tokens_user', table: 'api_tokens', columns: ['user_id'] },
];

export const serverReadIndexesMigration: VigieMigration = {
  name: '0040-server-read-indexes',
  async up(db: Kysely<unknown>) {
    await createIndexes(db, INDEXES);
  },
};
