import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StatementCache } from './sqlite-statements.js';

describe('StatementCache', () => {
  it('prepares a text once, and forgets every statement at a schema change', () => {
    const sqlite = new SqliteDatabase(':memory:');
    const cache = new StatementCache(sqlite);
    cache.statement('CREATE TABLE t (a INTEGER)').run();
    cache.statement('INSERT INTO t (a) VALUES (?)').run(1);
    const select = cache.statement('SELECT * FROM t');
    expect(cache.statement('SELECT * FROM t')).toBe(select);
    expect(select.all()).toEqual([{ a: 1 }]);
    cache.statement('ALTER TABLE t ADD COLUMN b TEXT').run();
    expect(cache.size).toBe(0);
    // A statement prepared after the change sees the new column.
    expect(cache.statement('SELECT * FROM t').all()).toEqual([{ a: 1, b: null }]);
    sqlite.close();
  });

  it('stays bounded when every IN list has another length', () => {
    const sqlite = new SqliteDatabase(':memory:');
    const cache = new StatementCache(sqlite);
    for (let n = 1; n <= 600; n++)
      cache.statement(`SELECT 1 WHERE 1 IN (${Array.from({ length: n }, () => '?').join(', ')})`);
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.size).toBeLessThanOrEqual(256);
    // A long text (a bulk insert, a long IN list) is prepared each time.
    const long = `SELECT 1 WHERE 1 IN (${Array.from({ length: 2000 }, () => '?').join(', ')})`;
    expect(cache.statement(long)).not.toBe(cache.statement(long));
    sqlite.close();
  });
});
