/**
 * Full-text search over documents (title + text) that finds Korean, Japanese and Chinese:
 * - SQLite: an FTS5 table with the trigram tokenizer, external content kept in sync by triggers;
 * - PostgreSQL: a pg_trgm GIN index on `coalesce(title,'') || ' ' || text`, queried with ILIKE.
 * Both answer substring queries case-insensitively; terms shorter than 3 characters fall back to
 * LIKE/ILIKE (see documents-search.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

export const searchMigration: VigieMigration = {
  name: '0002-search',
  async up(db: Kysely<unknown>, dialect) {
    if (dialect === 'sqlite') {
      await sql`CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='trigram'
      )`.execute(db);
      await sql`CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
      END`.execute(db);
      await sql`CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
          VALUES ('delete', old.rowid, old.title, old.text);
      END`.execute(db);
      await sql`CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
          VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
      END`.execute(db);
      await sql`INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')`.execute(db);
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
