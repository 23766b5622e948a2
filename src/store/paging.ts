/**
 * Pagination shared by the listings: newest first, by a sort key then id, with either an offset
 * or an opaque keyset cursor (stable while rows are added).
 * @module
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { InputError } from '../domain/errors.js';

export interface PageRequest {
  readonly limit: number;
  readonly offset?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export const MAX_PAGE_SIZE = 10_000;

export function pageLimit(page: PageRequest): number {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE_SIZE) {
    throw new InputError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`, 'limit');
  }
  return page.limit;
}

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new InputError('invalid cursor', 'cursor');
}

/** `(key < k) OR (key = k AND id < i)` for a descending (key, id) order. */
export function afterCursor(
  keyExpr: RawBuilder<string>,
  idExpr: RawBuilder<string>,
  cursor: string,
): RawBuilder<SqlBool> {
  const { key, id } = decodeCursor(cursor);
  return sql<SqlBool>`(${keyExpr} < CAST(${key} AS TEXT) OR (${keyExpr} = CAST(${key} AS TEXT) AND ${idExpr} < CAST(${id} AS TEXT)))`;
}

/** Cuts the `limit + 1` rows fetched into a page and its next cursor. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => [string, string]): Page<T> {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const [key, id] = keyOf(items[items.length - 1]!);
  return { items, nextCursor: encodeCursor(key, id) };
}

/**
 * Date filters that compare at the precision of the stored value, so a partial date `2024-06`
 * overlaps `since 2024-06-15`, and a timestamp `2024-06-01T10:00Z` is within `until 2024-06-01`.
 */
export function sinceCondition(expr: RawBuilder<unknown>, since: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${expr} IS NOT NULL AND ${expr} >= substr(CAST(${since} AS TEXT), 1, length(${expr})))`;
}

export function untilCondition(expr: RawBuilder<unknown>, until: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${expr} IS NOT NULL AND substr(${expr}, 1, length(CAST(${until} AS TEXT))) <= CAST(${until} AS TEXT))`;
}
