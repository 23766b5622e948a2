/**
 * The values the documents page offers as facets, with how many documents carry each: languages
 * and outlets. Counted over the whole store (GROUP BY on the indexed columns), the most common
 * first and capped, so the page's choices stay short on a store of a million documents.
 * @module
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface ApiFacetValue {
  value: string;
  documents: number;
}

export interface ApiDocumentFacets {
  languages: ApiFacetValue[];
  outlets: ApiFacetValue[];
}

const MAX_VALUES = 50;

async function countBy(db: Kysely<Database>, column: 'lang' | 'outlet'): Promise<ApiFacetValue[]> {
  const rows = await db
    .selectFrom('documents')
    .select([column, (eb) => eb.fn.countAll<number | string>().as('n')])
    .where(column, 'is not', null)
    .groupBy(column)
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .orderBy(column)
    .limit(MAX_VALUES)
    .execute();
  return rows.map((r) => ({ value: String(r[column]), documents: Number(r.n) }));
}

export async function getApiDocumentFacets(db: Kysely<Database>): Promise<ApiDocumentFacets> {
  const [languages, outlets] = await Promise.all([countBy(db, 'lang'), countBy(db, 'outlet')]);
  return { languages, outlets };
}
