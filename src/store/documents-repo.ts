/**
 * Documents: idempotent insert, lookup, filtered listing and full-text search.
 * Functions take a Kysely instance or a transaction, so callers choose the unit of work.
 * @module
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import { documentMentionCondition } from './document-mention-filter.js';
import type { Database, DocumentRow, NewDocument } from './schema.js';
import { contentHash, documentIdFor } from './content-hash.js';
import { dialectOf } from './dialect-of.js';
import { inSearchKeyOrder } from './search-key.js';
import {
  afterCursor,
  pageLimit,
  sinceCondition,
  toPage,
  untilCondition,
  type Page,
  type PageRequest,
} from './paging.js';
import {
  buildSnippet,
  documentSearchCondition,
  parseSearchTerms,
  type Snippet,
} from './text-search.js';

/** A document to store: id, hash and ingestion time are filled in when absent. */
export type DocumentInput = Omit<NewDocument, 'id' | 'content_hash' | 'ingested_at'> & {
  id?: string | undefined;
  content_hash?: string | undefined;
  ingested_at?: string | undefined;
};

export interface DocumentFilters {
  readonly lang?: string | undefined;
  /** Published on or after (ISO date or timestamp). */
  readonly since?: string | undefined;
  /** Published on or before. */
  readonly until?: string | undefined;
  /** Full text over title and text; every term must occur. */
  readonly q?: string | undefined;
  readonly sourceId?: string | undefined;
  readonly storyId?: string | undefined;
  readonly outlet?: string | undefined;
  /** Documents with at least one mention of this type / actor (either role) / modality / capability. */
  readonly type?: string | undefined;
  readonly actor?: string | undefined;
  readonly modality?: string | undefined;
  readonly capability?: string | undefined;
}

export interface DocumentSearchHit {
  readonly document: DocumentRow;
  readonly snippet: Snippet;
}

/** Fills in content hash, stable id and ingestion time. */
export function completeDocument(doc: DocumentInput, now = new Date().toISOString()): NewDocument {
  const hash = doc.content_hash ?? contentHash(doc.text);
  return {
    ...doc,
    id: doc.id ?? documentIdFor(hash),
    content_hash: hash,
    ingested_at: doc.ingested_at ?? now,
  };
}

/**
 * Stores a document once: a second document with the same id or the same content hash is a
 * duplicate and changes nothing.
 */
export async function insertDocument(
  db: Kysely<Database>,
  doc: DocumentInput,
): Promise<'inserted' | 'duplicate'> {
  const row = completeDocument(doc);
  const result = await db
    .insertInto('documents')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 ? 'inserted' : 'duplicate';
}

/**
 * Inserts many documents in one statement per chunk; returns the content hashes actually stored
 * (the rest were duplicates of stored documents or of each other). Multi-row statements: on
 * SQLite they measured faster than one cached prepared statement per row.
 */
export async function insertDocuments(
  db: Kysely<Database>,
  rows: readonly NewDocument[],
  chunkSize = 500,
): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    const inserted = await db
      .insertInto('documents')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .returning('content_hash')
      .execute();
    for (const r of inserted) stored.add(r.content_hash);
  }
  return stored;
}

type SqliteHandle = SqliteDatabase.Database;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** Rows per multi-row statement: at most 20 columns (mentions) × 1,000, under SQLite's 32,766 parameters. */
const SQLITE_ROWS_PER_STATEMENT = 1000;
const MAX_CACHED_STATEMENTS = 64;
const insertStatements = new WeakMap<SqliteHandle, Map<string, SqliteDatabase.Statement>>();

export interface SqliteInsertOptions {
  readonly onConflict: 'nothing' | 'fail';
  /** A column whose values are returned for the rows actually inserted. */
  readonly returning?: string;
}

/**
 * Inserts rows through raw better-sqlite3 multi-row statements, cached per handle, table, column
 * set and row count; runs in the caller's transaction. Consecutive rows with the same columns
 * share a statement; columns whose value is `undefined` are left out (their default applies),
 * as Kysely does. At ingest volumes, compiling a Kysely insert costs more than executing it, and
 * one statement per row is slower still with the full-text trigger (FTS5 flushes its pending
 * terms at every statement boundary).
 * @returns how many rows were inserted, and the `returning` column of those rows.
 */
export function insertRowsSqlite(
  sqlite: SqliteHandle,
  table: string,
  rows: readonly object[],
  options: SqliteInsertOptions,
): { inserted: number; returned: unknown[] } {
  const out = { inserted: 0, returned: [] as unknown[] };
  let groupColumns: string[] = [];
  let groupSignature = '';
  let values: unknown[] = [];
  let count = 0;
  const flush = () => {
    if (count === 0) return;
    const statement = insertStatement(sqlite, table, groupColumns, groupSignature, count, options);
    if (options.returning) {
      const returned = statement.all(values) as Record<string, unknown>[];
      out.inserted += returned.length;
      for (const r of returned) out.returned.push(r[options.returning]);
    } else out.inserted += statement.run(values).changes;
    values = [];
    count = 0;
  };
  for (const item of rows) {
    const row = item as Record<string, unknown>;
    let signature = '';
    for (const key in row) if (row[key] !== undefined) signature += `${key},`;
    if (signature !== groupSignature) {
      flush();
      groupSignature = signature;
      groupColumns = Object.keys(row).filter((k) => row[k] !== undefined);
    }
    for (const key of groupColumns) values.push(row[key]);
    if (++count === SQLITE_ROWS_PER_STATEMENT) flush();
  }
  flush();
  return out;
}

function insertStatement(
  sqlite: SqliteHandle,
  table: string,
  columns: readonly string[],
  signature: string,
  count: number,
  options: SqliteInsertOptions,
): SqliteDatabase.Statement {
  let cache = insertStatements.get(sqlite);
  if (!cache) {
    cache = new Map();
    insertStatements.set(sqlite, cache);
  }
  const key = `${table}|${options.onConflict}|${options.returning ?? ''}|${count}|${signature}`;
  let statement = cache.get(key);
  if (statement) return statement;
  for (const name of [table, ...columns, ...(options.returning ? [options.returning] : [])]) {
    if (!IDENTIFIER.test(name)) throw new Error(`insert into ${table}: bad column name "${name}"`);
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  statement = sqlite.prepare(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ` +
      Array.from({ length: count }, () => tuple).join(', ') +
      (options.onConflict === 'nothing' ? ' ON CONFLICT DO NOTHING' : '') +
      (options.returning ? ` RETURNING "${options.returning}"` : ''),
  );
  if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
  cache.set(key, statement);
  return statement;
}

const publishedOf = (d: NewDocument): string | null => d.published ?? null;

/**
 * insertDocuments on the raw SQLite handle (same result), inside the caller's transaction; rows
 * go in in search-key order (search-key.ts) so the full-text index writes one run per batch.
 */
export function insertDocumentsSqlite(
  sqlite: SqliteHandle,
  rows: readonly NewDocument[],
): Set<string> {
  const { returned } = insertRowsSqlite(sqlite, 'documents', inSearchKeyOrder(rows, publishedOf), {
    onConflict: 'nothing',
    returning: 'content_hash',
  });
  return new Set(returned as string[]);
}

const existingStatements = new WeakMap<
  SqliteHandle,
  { byId: SqliteDatabase.Statement; byHash: SqliteDatabase.Statement }
>();

/** findExisting on the raw SQLite handle: two indexed look-ups over JSON arrays of keys. */
export function findExistingSqlite(
  sqlite: SqliteHandle,
  ids: readonly string[],
  hashes: readonly string[],
): { ids: Set<string>; hashes: Set<string> } {
  let statements = existingStatements.get(sqlite);
  if (!statements) {
    statements = {
      byId: sqlite.prepare(
        'SELECT id, content_hash FROM documents WHERE id IN (SELECT value FROM json_each(?))',
      ),
      byHash: sqlite.prepare(
        'SELECT id, content_hash FROM documents WHERE content_hash IN (SELECT value FROM json_each(?))',
      ),
    };
    existingStatements.set(sqlite, statements);
  }
  const found = { ids: new Set<string>(), hashes: new Set<string>() };
  const collect = (statement: SqliteDatabase.Statement, keys: readonly string[]) => {
    if (keys.length === 0) return;
    for (const r of statement.all(JSON.stringify(keys)) as {
      id: string;
      content_hash: string;
    }[]) {
      found.ids.add(r.id);
      found.hashes.add(r.content_hash);
    }
  };
  collect(statements.byId, ids);
  collect(statements.byHash, hashes);
  return found;
}

/** Of the given ids and hashes, those already stored. */
export async function findExisting(
  db: Kysely<Database>,
  ids: readonly string[],
  hashes: readonly string[],
): Promise<{ ids: Set<string>; hashes: Set<string> }> {
  const found = { ids: new Set<string>(), hashes: new Set<string>() };
  if (ids.length === 0 && hashes.length === 0) return found;
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'content_hash'])
    .where((eb) =>
      eb.or([
        ...(ids.length > 0 ? [eb('id', 'in', [...ids])] : []),
        ...(hashes.length > 0 ? [eb('content_hash', 'in', [...hashes])] : []),
      ]),
    )
    .execute();
  for (const r of rows) {
    found.ids.add(r.id);
    found.hashes.add(r.content_hash);
  }
  return found;
}

export async function getDocument(
  db: Kysely<Database>,
  id: string,
): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markExtracted(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('documents').set({ extracted_at: at }).where('id', '=', id).execute();
}

const SORT_KEY = sql<string>`coalesce(documents.published, '')`;
const ID = sql<string>`documents.id`;

/** The filter conditions on the `documents` table, shared with mention and event listings. */
export function documentConditions(
  db: Kysely<Database>,
  filters: DocumentFilters,
): RawBuilder<SqlBool>[] {
  const parts: RawBuilder<SqlBool>[] = [];
  const published = sql`documents.published`;
  if (filters.lang) parts.push(sql<SqlBool>`documents.lang = ${filters.lang}`);
  if (filters.since) parts.push(sinceCondition(published, filters.since));
  if (filters.until) parts.push(untilCondition(published, filters.until));
  if (filters.sourceId) parts.push(sql<SqlBool>`documents.source_id = ${filters.sourceId}`);
  if (filters.storyId) parts.push(sql<SqlBool>`documents.story_id = ${filters.storyId}`);
  if (filters.outlet) parts.push(sql<SqlBool>`documents.outlet = ${filters.outlet}`);
  if (filters.q) {
    const match = documentSearchCondition(dialectOf(db), filters.q);
    if (match) parts.push(match);
  }
  const mention = documentMentionCondition(filters);
  if (mention) parts.push(mention);
  return parts;
}

/** Documents matching the filters, newest published first. */
export async function listDocuments(
  db: Kysely<Database>,
  filters: DocumentFilters,
  page: PageRequest,
): Promise<Page<DocumentRow>> {
  const limit = pageLimit(page);
  const parts = documentConditions(db, filters);
  if (page.cursor) parts.push(afterCursor(SORT_KEY, ID, page.cursor));
  let query = db.selectFrom('documents').selectAll();
  for (const p of parts) query = query.where(p);
  const rows = await query
    .orderBy(SORT_KEY, 'desc')
    .orderBy('documents.id', 'desc')
    .limit(limit + 1)
    .offset(page.cursor ? 0 : (page.offset ?? 0))
    .execute();
  return toPage(rows, limit, (r) => [r.published ?? '', r.id]);
}

export async function countDocuments(
  db: Kysely<Database>,
  filters: DocumentFilters,
): Promise<number> {
  let query = db.selectFrom('documents').select((eb) => eb.fn.countAll<number | string>().as('n'));
  for (const p of documentConditions(db, filters)) query = query.where(p);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Like listDocuments with a required query; each hit carries a snippet with highlights. */
export async function searchDocuments(
  db: Kysely<Database>,
  q: string,
  filters: Omit<DocumentFilters, 'q'>,
  page: PageRequest,
): Promise<Page<DocumentSearchHit>> {
  const result = await listDocuments(db, { ...filters, q }, page);
  const terms = parseSearchTerms(q);
  return {
    items: result.items.map((document) => ({
      document,
      snippet: buildSnippet(document.text, terms),
    })),
    nextCursor: result.nextCursor,
  };
}
