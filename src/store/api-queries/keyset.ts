/**
 * Newest-first keyset pages over a nullable sort key (`published`, `date`) and an id:
 * rows with a key come first (descending), rows without one last — the same on SQLite
 * (where DESC already puts NULL last) and PostgreSQL (told NULLS LAST).
 * @module
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { decodeCursor, encodeCursor } from '../paging.js';
import type { StoreDialect } from '../migrations/migration.js';

/** The `ORDER BY` fragment for `key DESC, id DESC` with null keys last. */
export function newestFirst(dialect: StoreDialect, key: string, id: string): RawBuilder<unknown> {
  const k = sql.ref(key);
  const i = sql.ref(id);
  return dialect === 'postgres' ? sql`${k} DESC NULLS LAST, ${i} DESC` : sql`${k} DESC, ${i} DESC`;
}

/** Rows strictly after the cursor in `newestFirst` order. Null keys are encoded as ''. */
export function afterKeyset(key: string, id: string, cursor: string): RawBuilder<SqlBool> {
  const c = decodeCursor(cursor);
  const k = sql.ref(key);
  const i = sql.ref(id);
  if (c.key === '') return sql<SqlBool>`(${k} IS NULL AND ${i} < ${c.id})`;
  return sql<SqlBool>`(${k} < ${c.key} OR (${k} = ${c.key} AND ${i} < ${c.id}) OR ${k} IS NULL)`;
}

export function cursorOf(key: string | null, id: string): string {
  return encodeCursor(key ?? '', id);
}

/** Cuts `limit + 1` rows into a page and the cursor of the next one. */
export function cutPage<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => [string | null, string],
): { items: T[]; next: string | null } {
  if (rows.length <= limit) return { items: rows, next: null };
  const items = rows.slice(0, limit);
  const [key, id] = keyOf(items[items.length - 1]!);
  return { items, next: cursorOf(key, id) };
}

/** Merges pages sorted newest-first into one, keeping the order. */
export function mergeNewestFirst<T>(lists: T[][], keyOf: (row: T) => [string | null, string]): T[] {
  const seen = new Set<string>();
  const all: T[] = [];
  for (const list of lists) {
    for (const row of list) {
      const id = keyOf(row)[1];
      if (!seen.has(id)) {
        seen.add(id);
        all.push(row);
      }
    }
  }
  return all.sort((a, b) => compareNewestFirst(keyOf(a), keyOf(b)));
}

/** The `newestFirst` order of two (key, id) pairs, for sorting rows read out of that order. */
export function compareNewestFirst(
  [ka, ia]: [string | null, string],
  [kb, ib]: [string | null, string],
): number {
  if (ka !== kb) {
    if (ka === null) return 1;
    if (kb === null) return -1;
    return ka < kb ? 1 : -1;
  }
  return ia < ib ? 1 : ia > ib ? -1 : 0;
}

/**
 * `since`/`until` as sargable bounds on an ISO text column: `until` is inclusive at its own
 * precision (`2024-06` includes every day of June), so it becomes `< the next period`.
 */
export function sinceBound(column: string, since: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} >= ${since}`;
}

export function untilBound(column: string, until: string): RawBuilder<SqlBool> {
  const next = nextPeriod(until);
  return next === null
    ? sql<SqlBool>`${sql.ref(column)} <= ${until}`
    : sql<SqlBool>`${sql.ref(column)} < ${next}`;
}

/** `2024` → `2025`, `2024-12` → `2025-01`, `2024-06-30` → `2024-07-01`; a timestamp → null. */
export function nextPeriod(value: string): string | null {
  let m = /^(\d{4})$/.exec(value);
  if (m) return String(Number(m[1]) + 1).padStart(4, '0');
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return mo === 12
      ? `${String(y + 1).padStart(4, '0')}-01`
      : `${m[1]}-${String(mo + 1).padStart(2, '0')}`;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
    return d.toISOString().slice(0, 10);
  }
  return null;
}

export type SqlCondition = Expression<SqlBool>;
