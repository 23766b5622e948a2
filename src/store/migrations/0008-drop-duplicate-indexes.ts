/**
 * Drops indexes that a longer index added later now covers: an index on (a, b) serves every
 * look-up and range scan that one on (a) or (a, b) prefix would, so the shorter one only costs
 * an extra B-tree write per inserted document or mention.
 * - documents_published        → documents_published_id (published, id), 0041
 * - documents_lang_published   → documents_lang_keyset (lang, published, id), 0041
 * - documents_source           → documents_source_keyset (source_id, published, id), 0041
 * - mentions_published         → mentions_published_id (published, id), 0041
 * - mentions_type_published    → mentions_type_keyset (type, published, id), 0041
 * - mentions_source            → mentions_source_keyset (source_actor, published, id), 0041
 * - mentions_target            → mentions_target_keyset (target_actor, published, id), 0041
 * The covering indexes are (re)created here when absent, so the drop never leaves a column
 * unindexed whatever order the migrations ran in.
 */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

const COVERED: readonly { drop: string; keep: string; table: string; columns: string[] }[] = [
  {
    drop: 'documents_published',
    keep: 'documents_published_id',
    table: 'documents',
    columns: ['published', 'id'],
  },
  {
    drop: 'documents_lang_published',
    keep: 'documents_lang_keyset',
    table: 'documents',
    columns: ['lang', 'published', 'id'],
  },
  {
    drop: 'documents_source',
    keep: 'documents_source_keyset',
    table: 'documents',
    columns: ['source_id', 'published', 'id'],
  },
  {
    drop: 'mentions_published',
    keep: 'mentions_published_id',
    table: 'mentions',
    columns: ['published', 'id'],
  },
  {
    drop: 'mentions_type_published',
    keep: 'mentions_type_keyset',
    table: 'mentions',
    columns: ['type', 'published', 'id'],
  },
  {
    drop: 'mentions_source',
    keep: 'mentions_source_keyset',
    table: 'mentions',
    columns: ['source_actor', 'published', 'id'],
  },
  {
    drop: 'mentions_target',
    keep: 'mentions_target_keyset',
    table: 'mentions',
    columns: ['target_actor', 'published', 'id'],
  },
];

export const dropDuplicateIndexesMigration: VigieMigration = {
  name: '0008-drop-duplicate-indexes',
  async up(db: Kysely<unknown>) {
    for (const index of COVERED) {
      await db.schema
        .createIndex(index.keep)
        .ifNotExists()
        .on(index.table)
        .columns(index.columns)
        .execute();
      await db.schema.dropIndex(index.drop).ifExists().execute();
    }
  },
};
