/**
 * Reads a table in key order, one page at a time (keyset pagination): constant memory whatever
 * the table size, and the same order on SQLite and PostgreSQL (binary collation).
 * @module
 */
import { sql, type RawBuilder } from 'kysely';
import type { Store } from '../store/open-store.js';
import type { TableSpec } from './store-tables.js';

export type Row = Record<string, unknown>;

export interface ScanOptions {
  /** Most rows per query (default 2000); fewer when rows are large (see PAGE_BYTES). */
  readonly pageSize?: number;
  /** Extra SQL condition (trusted fragment built by the caller with `sql`). */
  readonly where?: RawBuilder<unknown>;
}

/**
 * About how many bytes of values a page may hold: a page of 2000 short mentions is ~1 MB, but
 * 2000 documents with long article texts could be hundreds of MB. After each page the next one's
 * row count is sized from the rows just read, so memory stays bounded by bytes, not rows.
 */
export const PAGE_BYTES = 4 * 1024 * 1024;
/** Rows of the first page, before any row size is known. */
export const FIRST_PAGE_ROWS = 16;

/** Rough size of a value as read: text and blobs by length, anything else as a word. */
function valueBytes(v: unknown): number {
  if (typeof v === 'string') return v.length;
  return v instanceof Uint8Array ? v.byteLength : 8;
}

/** Rows for the next page: as many as fit PAGE_BYTES at the last page's mean row size. */
export function nextPageSize(rows: readonly Iterable<unknown>[], maxRows: number): number {
  let bytes = 0;
  for (const row of rows) for (const v of row) bytes += valueBytes(v);
  const perRow = Math.max(1, bytes / Math.max(1, rows.length));
  return Math.max(1, Math.min(maxRows, Math.floor(PAGE_BYTES / perRow)));
}

function column(store: Store, name: string): RawBuilder<unknown> {
  return store.dialect === 'postgres' ? sql`${sql.ref(name)} COLLATE "C"` : sql.ref(name);
}

/** `(k1 > v1) OR (k1 = v1 AND k2 > v2) …` for the key after `last`. */
function after(store: Store, key: readonly string[], last: Row): RawBuilder<unknown> {
  const alternatives = key.map((k, i) => {
    const equal = key.slice(0, i).map((p) => sql`${column(store, p)} = ${last[p]}`);
    const parts = [...equal, sql`${column(store, k)} > ${last[k]}`];
    return sql`(${sql.join(parts, sql` AND `)})`;
  });
  return sql`(${sql.join(alternatives, sql` OR `)})`;
}

export async function* scanTable(
  store: Store,
  table: TableSpec,
  options: ScanOptions = {},
): AsyncGenerator<Row> {
  const maxRows = options.pageSize ?? 2000;
  const order = sql.join(table.key.map((k) => column(store, k)));
  let last: Row | null = null;
  let limit = Math.min(maxRows, FIRST_PAGE_ROWS);
  for (;;) {
    const conditions: RawBuilder<unknown>[] = [];
    if (options.where) conditions.push(options.where);
    if (last) conditions.push(after(store, table.key, last));
    const where = conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
    const result = await sql<Row>`SELECT * FROM ${sql.table(table.name)} ${where}
      ORDER BY ${order} LIMIT ${limit}`.execute(store.db);
    const rows = result.rows;
    if (rows.length < limit) {
      yield* rows;
      return;
    }
    last = rows[rows.length - 1] ?? null;
    limit = nextPageSize(
      rows.map((r) => Object.values(r)),
      maxRows,
    );
    yield* rows;
  }
}

export interface RowPage {
  /** Column names, in the order of each row's values. */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/**
 * The whole table in key order as pages of value arrays (no per-row objects): the fast path of
 * the JSONL export. SQLite reads through the raw handle in array mode; PostgreSQL pages by keyset.
 */
export async function* scanTablePages(
  store: Store,
  table: TableSpec,
  pageSize = 2000,
): AsyncGenerator<RowPage> {
  if (!store.sqlite) {
    let page: Row[] = [];
    let columns: string[] | null = null;
    const flush = (): RowPage => {
      columns ??= Object.keys(page[0] ?? {});
      const cols = columns;
      return { columns: cols, rows: page.map((r) => cols.map((c) => r[c])) };
    };
    let bytes = 0;
    for await (const row of scanTable(store, table, { pageSize })) {
      page.push(row);
      for (const v of Object.values(row)) bytes += valueBytes(v);
      if (page.length >= pageSize || bytes >= PAGE_BYTES) {
        yield flush();
        page = [];
        bytes = 0;
      }
    }
    if (page.length > 0) yield flush();
    return;
  }
  const db = store.sqlite;
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const order = table.key.map(quote).join(', ');
  const after = table.key
    .map((k, i) => {
      const equal = table.key.slice(0, i).map((p) => `${quote(p)} = @${p}`);
      return `(${[...equal, `${quote(k)} > @${k}`].join(' AND ')})`;
    })
    .join(' OR ');
  const first = db
    .prepare(`SELECT * FROM ${quote(table.name)} ORDER BY ${order} LIMIT @limit`)
    .raw(true);
  const next = db
    .prepare(`SELECT * FROM ${quote(table.name)} WHERE ${after} ORDER BY ${order} LIMIT @limit`)
    .raw(true);
  const columns = first.columns().map((c) => c.name);
  const keyIndex = table.key.map((k) => columns.indexOf(k));
  let limit = Math.min(pageSize, FIRST_PAGE_ROWS);
  let rows = first.all({ limit }) as unknown[][];
  for (;;) {
    if (rows.length > 0) yield { columns, rows };
    if (rows.length < limit) return;
    const last = rows[rows.length - 1]!;
    limit = nextPageSize(rows, pageSize);
    rows = next.all({
      ...Object.fromEntries(table.key.map((k, i) => [k, last[keyIndex[i]!]])),
      limit,
    }) as unknown[][];
    // Give the event loop a turn between pages (the writer drains, timers fire).
    await new Promise((resolve) => setImmediate(resolve));
  }
}
