/**
 * Keyset indexes for the API's newest-first pages: every filter column followed by the sort key
 * and the id, so `WHERE col = ? ORDER BY key DESC, id DESC LIMIT n` reads n rows and sorts
 * nothing. They replace the two-column indexes of 0040, which left a sort on the id.
 */
import type { Kysely } from 'kysely';
import { createIndexes, type IndexSpec, type VigieMigration } from './migration.js';

const SUPERSEDED = [
  'mentions_source_published',
  'mentions_target_published',
  'mentions_lang_published',
  'mentions_modality_published',
  'documents_source_published',
  'events_source_date',
  'events_target_date',
  'events_date_id',
];

const INDEXES: readonly IndexSpec[] = [
  { name: 'mentions_type_keyset', table: 'mentions', columns: ['type', 'published', 'id'] },
  {
    name: 'mentions_source_keyset',
    table: 'mentions',
    columns: ['source_actor', 'published', 'id'],
  },
  {
    name: 'mentions_target_keyset',
    table: 'mentions',
    columns: ['target_actor', 'published', 'id'],
  },
  { name: 'mentions_lang_keyset', table: 'mentions', columns: ['lang', 'published', 'id'] },
  { name: 'mentions_modality_keyset', table: 'mentions', columns: ['modality', 'published', 'id'] },
  { name: 'documents_lang_keyset', table: 'documents', columns: ['lang', 'published', 'id'] },
  {
    name: 'documents_source_keyset',
    table: 'documents',
    columns: ['source_id', 'published', 'id'],
  },
  { name: 'events_keyset', table: 'events', columns: ['last_seen', 'id'] },
  { name: 'events_type_keyset', table: 'events', columns: ['type', 'last_seen', 'id'] },
  { name: 'events_source_keyset', table: 'events', columns: ['source_actor', 'last_seen', 'id'] },
  { name: 'events_target_keyset', table: 'events', columns: ['target_actor', 'last_seen', 'id'] },
];

export const serverKeysetIndexesMigration: VigieMigration = {
  name: '0041-server-keyset-indexes',
  async up(db: Kysely<unknown>) {
    for (const name of SUPERSEDED) await db.schema.dropIndex(name).ifExists().execute();
    await createIndexes(db, INDEXES);
  },
};
