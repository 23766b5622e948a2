/** How many stored documents await analysis (extracted, `analysed_at` null): the one read of that count. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export async function countPendingDocuments(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('analysed_at', 'is', null)
    .where('extracted_at', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
