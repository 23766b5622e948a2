/**
 * Saved searches of the documents page, per user: the API lists, saves (same name replaces) and
 * deletes them. A user keeps at most MAX_SAVED_SEARCHES, so one account cannot grow the table
 * without bound.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { VigieError } from '../domain/errors.js';
import type { Database } from './schema.js';

export const MAX_SAVED_SEARCHES = 100;

export interface SavedSearch {
  id: string;
  name: string;
  query: string;
  createdAt: string;
}

export async function listSavedSearches(
  db: Kysely<Database>,
  user: string,
): Promise<SavedSearch[]> {
  const rows = await db
    .selectFrom('saved_searches')
    .select(['id', 'name', 'query', 'created_at'])
    .where('user_name', '=', user)
    .orderBy('name')
    .limit(MAX_SAVED_SEARCHES)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query, createdAt: r.created_at }));
}

/** Saves `query` under `name`; a search of the same name is replaced (its id is kept). */
export async function saveSearch(
  db: Kysely<Database>,
  user: string,
  search: { name: string; query: string },
  now: Date,
): Promise<SavedSearch> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('saved_searches')
      .select('id')
      .where('user_name', '=', user)
      .where('name', '=', search.name)
      .executeTakeFirst();
    const createdAt = now.toISOString();
    if (existing) {
      await trx
        .updateTable('saved_searches')
        .set({ query: search.query, created_at: createdAt })
        .where('id', '=', existing.id)
        .execute();
      return { id: existing.id, ...search, createdAt };
    }
    const { n } = await trx
      .selectFrom('saved_searches')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('user_name', '=', user)
      .executeTakeFirstOrThrow();
    if (Number(n) >= MAX_SAVED_SEARCHES) {
      throw new VigieError(
        'VIGIE_CONFLICT',
        `${user} already has ${MAX_SAVED_SEARCHES} saved searches: delete one first`,
      );
    }
    const id = randomUUID();
    await trx
      .insertInto('saved_searches')
      .values({
        id,
        user_name: user,
        name: search.name,
        query: search.query,
        created_at: createdAt,
      })
      .execute();
    return { id, ...search, createdAt };
  });
}

/** Deletes one of the user's saved searches; false when the user has none with this id. */
export async function deleteSavedSearch(
  db: Kysely<Database>,
  user: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('saved_searches')
    .where('id', '=', id)
    .where('user_name', '=', user)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
