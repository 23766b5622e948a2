/**
 * The one way the API reads a newest-first keyset page: filter conditions in, `{ items, next }`
 * out. A list may be the union of several branches (an actor as source, or as target), each read
 * in index order and merged, so no branch sorts its whole history.
 * @module
 */
import type { Expression, SelectQueryBuilder, SqlBool } from 'kysely';
import type { Database } from '../schema.js';
import { readRows, type StoreReader } from '../read-rows.js';
import { afterKeyset, cutPage, mergeNewestFirst, newestFirst } from './keyset.js';

export interface CursorPage<T> {
  items: T[];
  next: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

/** The sort key and id columns (qualified, e.g. `mentions.published`) of a newest-first list. */
export interface KeysetColumns<R> {
  readonly key: string;
  readonly id: string;
  /** The key and id of a row, as the cursor encodes them. */
  readonly of: (row: R) => [string | null, string];
}

/** Conditions added to the list's own, one read per entry: `[[]]` is a single plain read. */
export type Branches = readonly (readonly Expression<SqlBool>[])[];

/**
 * Up to `limit` rows of `query` under the conditions `where`, after `cursor`, newest first by
 * `order`. Each entry of `branches` is read separately with its own extra conditions, and the
 * reads merged.
 */
export async function readKeysetRows<TB extends keyof Database, R>(
  store: StoreReader,
  query: SelectQueryBuilder<Database, TB, R>,
  where: readonly Expression<SqlBool>[],
  order: KeysetColumns<R>,
  cursor: string | undefined,
  limit: number,
  branches: Branches = [[]],
): Promise<R[]> {
  const base = [...where];
  if (cursor) base.push(afterKeyset(order.key, order.id, cursor));
  const lists = await Promise.all(
    branches.map((extra) => {
      let q = query;
      for (const c of [...base, ...extra]) q = q.where(c);
      return readRows(
        store,
        q.orderBy(newestFirst(store.dialect, order.key, order.id)).limit(limit),
      );
    }),
  );
  return lists.length === 1 ? lists[0]! : mergeNewestFirst(lists, order.of).slice(0, limit);
}

/** One page: `page.limit` rows and the cursor of the next page (see readKeysetRows). */
export async function readKeysetPage<TB extends keyof Database, R>(
  store: StoreReader,
  query: SelectQueryBuilder<Database, TB, R>,
  where: readonly Expression<SqlBool>[],
  order: KeysetColumns<R>,
  page: PageRequest,
  branches: Branches = [[]],
): Promise<CursorPage<R>> {
  const rows = await readKeysetRows(
    store,
    query,
    where,
    order,
    page.cursor,
    page.limit + 1,
    branches,
  );
  return cutPage(rows, page.limit, order.of);
}
