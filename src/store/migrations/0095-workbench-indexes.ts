/**
 * Indexes for the analyst's workbench: an event page lists the steps the event made on
 * hypotheses (evidence by event), and the documents page filters and counts by language and
 * outlet (the facet counts read these indexes only, never the documents' text).
 */
import type { Kysely } from 'kysely';
import { createIndexes, type IndexSpec, type VigieMigration } from './migration.js';

const INDEXES: readonly IndexSpec[] = [
  { name: 'evidence_event', table: 'evidence', columns: ['event_id'] },
  { name: 'documents_lang_published', table: 'documents', columns: ['lang', 'published'] },
  { name: 'documents_outlet_published', table: 'documents', columns: ['outlet', 'published'] },
];

export const workbenchIndexesMigration: VigieMigration = {
  name: '0095-workbench-indexes',
  async up(db: Kysely<unknown>) {
    await createIndexes(db, INDEXES);
  },
};
