/**
 * The documents matching a full-text query, newest first, a batch at a time, so a page reads
 * about a page of matches instead of sorting all of them by date. Each batch holds whole groups
 * of equal sort position (a day on SQLite, a `published` value on PostgreSQL): the group at the
 * batch's end may continue in the next rows, so it is left for the next batch.
 * - SQLite walks the date-keyed FTS5 index backwards (search-key.ts, migration 0050).
 * - PostgreSQL reads matches ordered by `published` with a limit (pg_trgm finds the matches).
 * After the dated matches, or when a caller stops early, `rest()` is a condition on `documents`
 * for every match not yet handed out, undated ones included.
 * @module
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { decodeCursor } from '../paging.js';
import { readCompiled, type StoreReader } from '../read-rows.js';
import { DAY_FACTOR, ROWID_MASK, dayOfSearchKey, searchDayOf } from '../search-key.js';
import { documentSearchCondition, sqliteSearch } from '../text-search.js';
import { newestFirst } from './keyset.js';

/** Rounds of batches, each GROWTH times the last, before a caller ends its page with one plain query. */
export const MAX_ROUNDS = 4;
export const GROWTH = 4;

export interface MatchBatches<R> {
  /** The next `size` matches or fewer, whole groups only; `done` once no dated match is left. */
  next(size: number): Promise<{ rows: R[]; done: boolean }>;
  /** A condition on `documents` for the matches not handed out yet. */
  rest(): Expression<SqlBool>;
}

/**
 * Batches of the matches of `q` (which must have terms) under `where`, starting at the cursor
 * of a newest-first page; each row has `columns` (`documents.…` SQL) and its `id`/`published`.
 */
export function matchBatches<R extends { id: string; published: string | null }>(
  store: StoreReader,
  q: string,
  columns: RawBuilder<unknown>,
  where: readonly Expression<SqlBool>[],
  cursor: string | undefined,
): MatchBatches<R> {
  const key = cursor === undefined ? undefined : decodeCursor(cursor).key;
  const search = store.dialect === 'sqlite' ? sqliteSearch(q) : null;
  if (search?.match) {
    return sqliteBatches<R>(store, q, search.match, [...search.likes, ...where], columns, key);
  }
  return publishedBatches<R>(store, q, columns, where, key);
}

function sqliteBatches<R>(
  store: StoreReader,
  q: string,
  match: string,
  where: readonly Expression<SqlBool>[],
  columns: RawBuilder<unknown>,
  cursorKey: string | undefined,
): MatchBatches<R> {
  // Keys below `below` are still to read; 0 leaves only the undated (negative) keys.
  let below: number | null = null;
  if (cursorKey !== undefined) {
    const day = searchDayOf(cursorKey === '' ? null : cursorKey);
    below = day === null ? 0 : (day + 1) * DAY_FACTOR;
  }
  return {
    async next(size) {
      if (below === 0) return { rows: [], done: true };
      const conditions = [...where, sql<SqlBool>`documents_fts.rowid >= 0`];
      if (below !== null) conditions.push(sql<SqlBool>`documents_fts.rowid < ${below}`);
      // CROSS JOIN keeps the index as the outer loop, read in key order: no sort.
      const query = sql<
        R & { search_key: number }
      >`SELECT ${columns}, documents_fts.rowid AS search_key
        FROM documents_fts CROSS JOIN documents
        WHERE documents_fts MATCH ${match}
          AND documents.rowid = (documents_fts.rowid & ${sql.lit(ROWID_MASK)})
          AND ${sql.join(conditions, sql` AND `)}
        ORDER BY documents_fts.rowid DESC LIMIT ${size}`;
      const got = await readCompiled(store, query.compile(store.db));
      if (got.length < size) {
        below = 0;
        return { rows: got, done: true };
      }
      const lastDay = dayOfSearchKey(got[got.length - 1]!.search_key);
      below = (lastDay + 1) * DAY_FACTOR;
      return { rows: got.filter((r) => dayOfSearchKey(r.search_key) > lastDay), done: false };
    },
    rest() {
      return documentSearchCondition('sqlite', q, below ?? undefined)!;
    },
  };
}

function publishedBatches<R extends { published: string | null }>(
  store: StoreReader,
  q: string,
  columns: RawBuilder<unknown>,
  where: readonly Expression<SqlBool>[],
  cursorKey: string | undefined,
): MatchBatches<R> {
  const match = documentSearchCondition(store.dialect, q)!;
  // At or before `atMost` still to read; '' leaves only the undated.
  let atMost: string | null = cursorKey ?? null;
  const published = sql.ref('documents.published');
  return {
    async next(size) {
      if (atMost === '') return { rows: [], done: true };
      const conditions = [...where, match, sql<SqlBool>`${published} IS NOT NULL`];
      if (atMost !== null) conditions.push(sql<SqlBool>`${published} <= ${atMost}`);
      const order = newestFirst(store.dialect, 'documents.published', 'documents.id');
      const query = sql<R>`SELECT ${columns} FROM documents
        WHERE ${sql.join(conditions, sql` AND `)} ORDER BY ${order} LIMIT ${size}`;
      const got = await readCompiled(store, query.compile(store.db));
      if (got.length < size) {
        atMost = '';
        return { rows: got, done: true };
      }
      const last = got[got.length - 1]!.published!;
      atMost = last;
      return { rows: got.filter((r) => r.published !== last), done: false };
    },
    rest() {
      if (atMost === null) return match;
      if (atMost === '') return sql<SqlBool>`(${match} AND ${published} IS NULL)`;
      return sql<SqlBool>`(${match} AND (${published} <= ${atMost} OR ${published} IS NULL))`;
    },
  };
}
