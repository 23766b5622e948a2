/**
 * A newest-first page of documents matching a full-text query, read from the matches in date
 * order (match-batches.ts) rather than by sorting every match: a common name matches thousands
 * of documents, a page shows fifty.
 * @module
 */
import { appendAll } from '../../domain/append-all.js';
import type { Expression, RawBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import type { Database } from '../schema.js';
import type { StoreReader } from '../read-rows.js';
import { afterKeyset, compareNewestFirst, cutPage } from './keyset.js';
import { GROWTH, MAX_ROUNDS, matchBatches } from './match-batches.js';
import {
  readKeysetRows,
  type CursorPage,
  type KeysetColumns,
  type PageRequest,
} from './paged-list.js';

/** Rows read beyond a page in the first round, for the day cut off at the batch's end. */
const FIRST_BATCH_MARGIN = 16;

/**
 * The page of documents matching `q` (which has terms) and `where`. `columns` is the select list
 * as SQL and `query` the same select as a builder, for the plain query that ends a page whose
 * rounds ran out or that reaches the undated matches.
 */
export async function readDocumentSearchPage<R extends { id: string; published: string | null }>(
  store: StoreReader,
  q: string,
  columns: RawBuilder<unknown>,
  query: SelectQueryBuilder<Database, 'documents', R>,
  where: readonly Expression<SqlBool>[],
  order: KeysetColumns<R>,
  page: PageRequest,
): Promise<CursorPage<R>> {
  const want = page.limit + 1;
  const after = page.cursor ? [afterKeyset(order.key, order.id, page.cursor)] : [];
  const batches = matchBatches<R>(store, q, columns, [...where, ...after], page.cursor);
  const rows: R[] = [];
  // A page and a little more: the batch's last (partial) day is left for the next round.
  let size = want + FIRST_BATCH_MARGIN;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { rows: got, done } = await batches.next(size);
    // A batch is whole groups, newer than the next batch; only inside it is the order to make.
    got.sort((a, b) => compareNewestFirst(order.of(a), order.of(b)));
    appendAll(rows, got);
    if (rows.length >= want) return cutPage(rows.slice(0, want), page.limit, order.of);
    if (done) break;
    size *= GROWTH;
  }
  const limit = want - rows.length;
  const rest = [...where, batches.rest()];
  appendAll(rows, await readKeysetRows(store, query, rest, order, page.cursor, limit));
  return cutPage(rows, page.limit, order.of);
}
