/**
 * Full-text search over documents (title + text) that finds Korean, Japanese and Chinese:
 * - SQLite: a contentless FTS5 table (unicode61, CJK rewritten as bigrams: fts-text.ts) kept in
 *   sync by triggers;
 * - PostgreSQL: a pg_trgm GIN index on `coalesce(title,'') || ' ' || text`, queried with ILIKE.
 * See text-search.ts for the query side.
 */
import { sql, type Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const searchMigration: VigieMigration = {
  name: '0002-search',
  async up(db: Kysely<unknown>, dialect) {
    if (dialect === 'sqlite') {
      // Contentless: the index holds the rewritten text (vigie_fts_text, registered by openStore).
      await sql`CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='', contentless_delete=1,
        tokenize='unicode61 remove_diacritics 2'
      )`.execute(db);
      await sql`CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text)
          VALUES (new.rowid, vigie_fts_text(new.title), vigie_fts_text(new.text));
      END`.execute(db);
      await sql`CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        DELETE FROM documents_fts WHERE rowid = old.rowid;
      END`.execute(db);
      await sql`CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        DELETE FROM documents_fts WHERE rowid = old.rowid;
        INSERT INTO documents_fts(rowid, title, text)
          VALUES (new.rowid, vigie_fts_text(new.title), vigie_fts_text(new.text));
      END`.execute(db);
      await sql`INSERT INTO documents_fts(rowid, title, text)
        SELECT rowid, vigie_fts_text(title), vigie_fts_text(text) FROM documents`.execute(db);
    } else {
      await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
      await sql`CREATE INDEX documents_search_trgm ON documents
        USING gin ((coalesce(title, '') || ' ' || text) gin_trgm_ops)`.execute(db);
    }
    await db.schema
      .createIndex('documents_lang_published')
      .on('documents')
      .columns(['lang', 'published'])
      .execute();
    await db.schema.createIndex('documents_source').on('documents').column('source_id').execute();
    await db.schema.createIndex('documents_outlet').on('documents').column('outlet').execute();
  },
};
