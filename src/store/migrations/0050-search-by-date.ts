/**
 * SQLite: the full-text index keyed by publication day, so a search reads its newest matches
 * first and stops after a page, instead of sorting every match by date (6,000 rows for a
 * common name in 125,000 documents). The FTS5 rowid becomes the document's search key
 * (search-key.ts): day number × 2^31 + the document's rowid, negative for documents without a
 * date. Same tokenizer and CJK bigrams as 0002. PostgreSQL keeps its pg_trgm index: nothing to do.
 */
import { sql, type Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';
import { searchKeySql } from '../search-key.js';

export const searchByDateMigration: VigieMigration = {
  name: '0050-search-by-date',
  async up(db: Kysely<unknown>, dialect) {
    if (dialect !== 'sqlite') return;
    for (const name of ['insert', 'delete', 'update']) {
      await sql.raw(`DROP TRIGGER IF EXISTS documents_fts_${name}`).execute(db);
    }
    await sql`DROP TABLE IF EXISTS documents_fts`.execute(db);
    await sql`CREATE VIRTUAL TABLE documents_fts USING fts5(
      title, text, content='', contentless_delete=1,
      tokenize='unicode61 remove_diacritics 2'
    )`.execute(db);
    const key = (row: string) => sql.raw(searchKeySql(`${row}.published`, `${row}.rowid`));
    await sql`CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
      INSERT INTO documents_fts(rowid, title, text)
        VALUES (${key('new')}, vigie_fts_text(new.title), vigie_fts_text(new.text));
    END`.execute(db);
    await sql`CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
      DELETE FROM documents_fts WHERE rowid = ${key('old')};
    END`.execute(db);
    await sql`CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text, published ON documents BEGIN
      DELETE FROM documents_fts WHERE rowid = ${key('old')};
      INSERT INTO documents_fts(rowid, title, text)
        VALUES (${key('new')}, vigie_fts_text(new.title), vigie_fts_text(new.text));
    END`.execute(db);
    await sql`INSERT INTO documents_fts(rowid, title, text)
      SELECT ${key('documents')}, vigie_fts_text(title), vigie_fts_text(text) FROM documents`.execute(
      db,
    );
  },
};
