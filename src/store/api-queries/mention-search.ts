/**
 * Mentions whose document matches a full-text query, newest first. Asking "mentions whose
 * document_id is among the matches" of SQL sorts every mention of every match (48,000 for a
 * common name in the 1M-mention benchmark); instead the matching documents are read newest first,
 * a batch at a time, and only their mentions are read and sorted. This relies on
 * `mentions.published` being a copy of its document's `published` (schema.ts), so a batch of
 * documents covers a range of publication times and its mentions come before the next batch's.
 * @module
 */
import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { appendAll } from '../../domain/append-all.js';
import type { Database } from '../schema.js';
import type { StoreReader } from '../read-rows.js';
import { cutPage } from './keyset.js';
import { GROWTH, MAX_ROUNDS, matchBatches } from './match-batches.js';
import {
  readKeysetRows,
  type Branches,
  type CursorPage,
  type KeysetColumns,
  type PageRequest,
} from './paged-list.js';

/**
 * A page of mention rows of `query` under `where` whose document matches `q` (which has terms).
 * Each round takes the next batch of matching documents (match-batches.ts) and reads their
 * mentions; a filter so selective that the rounds run out, or the undated documents, end with
 * one plain query over the matches that remain.
 */
export async function readMentionsOfMatches<TB extends keyof Database, R>(
  store: StoreReader,
  q: string,
  query: SelectQueryBuilder<Database, TB, R>,
  where: readonly Expression<SqlBool>[],
  order: KeysetColumns<R>,
  page: PageRequest,
  branches?: Branches,
): Promise<CursorPage<R>> {
  const want = page.limit + 1;
  const rows: R[] = [];
  const batches = matchBatches<{ id: string; published: string | null }>(
    store,
    q,
    sql`documents.id, documents.published`,
    [],
    page.cursor,
  );
  let size = Math.max(16, Math.ceil(want / 2));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { rows: docs, done } = await batches.next(size);
    if (docs.length > 0) {
      const ids = docs.map((d) => d.id);
      const conditions = [...where, documentIdIn(store, ids)];
      const limit = want - rows.length;
      appendAll(
        rows,
        await readKeysetRows(store, query, conditions, order, page.cursor, limit, branches),
      );
      if (rows.length >= want) return cutPage(rows, page.limit, order.of);
    }
    if (done) break;
    size *= GROWTH;
  }
  const rest = sql<SqlBool>`mentions.document_id IN (SELECT documents.id FROM documents WHERE ${batches.rest()})`;
  const limit = want - rows.length;
  appendAll(
    rows,
    await readKeysetRows(store, query, [...where, rest], order, page.cursor, limit, branches),
  );
  return cutPage(rows, page.limit, order.of);
}

/** `mentions.document_id` among `ids`, as one bound value so the statement text stays the same. */
function documentIdIn(store: StoreReader, ids: readonly string[]): Expression<SqlBool> {
  return store.dialect === 'postgres'
    ? sql<SqlBool>`mentions.document_id = ANY(${[...ids]}::text[])`
    : sql<SqlBool>`mentions.document_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}
