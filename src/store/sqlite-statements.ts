/**
 * Prepared statements kept per SQLite connection, keyed by their SQL text. Kysely's SQLite
 * driver prepares every query it runs anew, and on short queries preparing costs as much as
 * running (a day of `vigie backtest` scoring runs the same few dozen statements). The cache is
 * bounded (cleared when full: IN lists of every length make new texts), long texts (bulk inserts,
 * long IN lists: their compiled programs are large, and preparing them is little beside running
 * them) are not kept, and a schema change clears it, so no statement outlives the tables it was
 * compiled against.
 * @module
 */
import type SqliteDatabase from 'better-sqlite3';

/** Enough for every statement shape a process runs again and again. */
const MAX_STATEMENTS = 256;
/** Longer SQL texts are prepared at each run (a few MB at most for the whole cache). */
const MAX_TEXT = 4096;
const SCHEMA_CHANGE = /^\s*(?:create|alter|drop)\b/i;

export class StatementCache {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();

  constructor(private readonly sqlite: SqliteDatabase.Database) {}

  /** The statement for `text`, prepared on first use; schema changes are never kept. */
  statement(text: string): SqliteDatabase.Statement {
    const cached = this.statements.get(text);
    if (cached) return cached;
    const statement = this.sqlite.prepare(text);
    if (SCHEMA_CHANGE.test(text)) {
      this.statements.clear();
      return statement;
    }
    if (text.length > MAX_TEXT) return statement;
    if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
    this.statements.set(text, statement);
    return statement;
  }

  get size(): number {
    return this.statements.size;
  }
}
