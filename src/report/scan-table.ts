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
  /** Rows per query (default 2000). */
  readonly pageSize?: number;
  /** Extra SQL condition (trusted fragment built by the caller with `sql`). */
  readonly where?: RawBuilder<unknown>;
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
  const pageSize = options.pageSize ?? 2000;
  const order = sql.join(table.key.map((k) => column(store, k)));
  let last: Row | null = null;
  for (;;) {
    const conditions: RawBuilder<unknown>[] = [];
    if (options.where) conditions.push(options.where);
    if (last) conditions.push(after(store, table.key, last));
    const where = conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
    const result = await sql<Row>`SELECT * FROM ${sql.table(table.name)} ${where}
      ORDER BY ${order} LIMIT ${pageSize}`.execute(store.db);
    for (const row of result.rows) yield row;
    if (result.rows.length < pageSize) return;
    last = result.rows[result.rows.length - 1] ?? null;
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
    for await (const row of scanTable(store, table, { pageSize })) {
      page.push(row);
      if (page.length >= pageSize) {
        yield flush();
        page = [];
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
    .prepare(`SELECT * FROM ${quote(table.name)} ORDER BY ${order} LIMIT ${pageSize}`)
    .raw(true);
  const next = db
    .prepare(
      `SELECT * FROM ${quote(table.name)} WHERE ${after} ORDER BY ${order} LIMIT ${pageSize}`,
    )
    .raw(true);
  const columns = first.columns().map((c) => c.name);
  const keyIndex = table.key.map((k) => columns.indexOf(k));
  let rows = first.all() as unknown[][];
  for (;;) {
    if (rows.length > 0) yield { columns, rows };
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    rows = next.all(
      Object.fromEntries(table.key.map((k, i) => [k, last[keyIndex[i]!]])),
    ) as unknown[][];
    // Give the event loop a turn between pages (the writer drains, timers fire).
    await new Promise((resolve) => setImmediate(resolve));
  }
}
