/**
 * GDELT events: the queries that list them and the counts analysis uses. Writes are in
 * gdelt-insert.ts.
 * @module
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { toGdeltEvent, type GdeltEvent } from './gdelt-event.js';
import type { Database } from './schema.js';

export type { GdeltEvent } from './gdelt-event.js';

export interface GdeltEventFilter {
  /** Inclusive `YYYY-MM-DD` bounds on the event day. */
  readonly from?: string;
  readonly to?: string;
  /** Ontology types; `null` in the list selects unmapped rows. */
  readonly types?: readonly (string | null)[];
  /** Rows where either mapped actor is one of these codes. */
  readonly actors?: readonly string[];
  readonly limit?: number;
  readonly offset?: number;
}

/** Events by day, then GLOBALEVENTID. */
export async function listGdeltEvents(
  db: Kysely<Database>,
  filter: GdeltEventFilter = {},
): Promise<GdeltEvent[]> {
  let q = db.selectFrom('gdelt_events').selectAll();
  q = applyFilter(q, filter);
  const rows = await q
    .orderBy('day')
    .orderBy('id')
    .limit(filter.limit ?? 1000)
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map(toGdeltEvent);
}

export interface GdeltCount {
  readonly day: string;
  readonly type: string | null;
  readonly source_actor: string | null;
  readonly target_actor: string | null;
  readonly events: number;
  readonly articles: number;
}

/** Events and articles per day, type and actor pair: what trend analysis consumes. */
export async function countGdeltEvents(
  db: Kysely<Database>,
  filter: Omit<GdeltEventFilter, 'limit' | 'offset'> = {},
): Promise<GdeltCount[]> {
  let q = db
    .selectFrom('gdelt_events')
    .select((eb) => [
      'day',
      'type',
      'source_actor',
      'target_actor',
      eb.fn.countAll<number>().as('events'),
      eb.fn.coalesce(eb.fn.sum<number>('num_articles'), eb.val(0)).as('articles'),
    ]);
  q = applyFilter(q, filter);
  const rows = await q
    .groupBy(['day', 'type', 'source_actor', 'target_actor'])
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ ...r, events: Number(r.events), articles: Number(r.articles) }));
}

function applyFilter<O>(
  q: SelectQueryBuilder<Database, 'gdelt_events', O>,
  filter: GdeltEventFilter,
): SelectQueryBuilder<Database, 'gdelt_events', O> {
  let out = q;
  if (filter.from) out = out.where('day', '>=', filter.from);
  if (filter.to) out = out.where('day', '<=', filter.to);
  if (filter.types && filter.types.length > 0) {
    const named = filter.types.filter((t): t is string => t !== null);
    const withNull = filter.types.includes(null);
    out = out.where((eb) =>
      eb.or([
        ...(named.length > 0 ? [eb('type', 'in', named)] : []),
        ...(withNull ? [eb('type', 'is', null)] : []),
      ]),
    );
  }
  if (filter.actors && filter.actors.length > 0) {
    const actors = [...filter.actors];
    out = out.where((eb) =>
      eb.or([eb('source_actor', 'in', actors), eb('target_actor', 'in', actors)]),
    );
  }
  return out;
}
