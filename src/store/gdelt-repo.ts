/**
 * GDELT events: bulk idempotent inserts (the same GLOBALEVENTID is stored once) and the queries
 * analysis uses to count them.
 * @module
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Store } from './open-store.js';
import type { Database, GdeltEventRow, NewGdeltEvent } from './schema.js';

/** Column order of the flat value arrays the importer fills (parseGdeltInto). */
export const GDELT_COLUMNS = [
  'id',
  'version',
  'day',
  'date_added',
  'event_code',
  'event_base_code',
  'event_root_code',
  'type',
  'modality',
  'capabilities',
  'actor1_code',
  'actor1_name',
  'actor1_country',
  'actor2_code',
  'actor2_name',
  'actor2_country',
  'source_actor',
  'target_actor',
  'is_root_event',
  'quad_class',
  'goldstein',
  'num_mentions',
  'num_sources',
  'num_articles',
  'avg_tone',
  'action_country',
  'action_place',
  'source_url',
  'imported_at',
] as const satisfies readonly (keyof NewGdeltEvent)[];

/** PostgreSQL allows 65,535 parameters a statement. */
const PG_BATCH = Math.floor(60_000 / GDELT_COLUMNS.length);
const SQLITE_ROWS_PER_STATEMENT = 50;

export interface GdeltInsertResult {
  readonly inserted: number;
  readonly duplicates: number;
}

type Statement = { run: (params: unknown[]) => { changes: number } };
const statements = new WeakMap<object, { one: Statement; many: Statement }>();
const WIDTH = GDELT_COLUMNS.length;

/** Inserts rows whose id is new; rows already stored are counted as duplicates. */
export async function insertGdeltEvents(
  store: Store,
  rows: readonly NewGdeltEvent[],
): Promise<GdeltInsertResult> {
  const values: unknown[] = new Array(rows.length * WIDTH);
  let o = 0;
  for (const row of rows) for (const c of GDELT_COLUMNS) values[o++] = row[c] ?? null;
  return insertGdeltValues(store, values, rows.length);
}

/**
 * Inserts `count` rows laid out flat in GDELT_COLUMNS order (`values[row * width + column]`).
 * On SQLite: prepared multi-row statements in one transaction (Kysely's per-query compilation
 * would cost more than the inserts at GDELT volumes); on PostgreSQL: batched multi-row inserts.
 */
export async function insertGdeltValues(
  store: Store,
  values: readonly unknown[],
  count: number,
): Promise<GdeltInsertResult> {
  if (count === 0) return { inserted: 0, duplicates: 0 };
  const sqlite = store.sqlite;
  if (sqlite) {
    const { one, many } = sqliteStatements(sqlite);
    const inserted = sqlite.transaction(() => {
      let changes = 0;
      let row = 0;
      for (; row + SQLITE_ROWS_PER_STATEMENT <= count; row += SQLITE_ROWS_PER_STATEMENT) {
        const start = row * WIDTH;
        changes += many.run(values.slice(start, start + SQLITE_ROWS_PER_STATEMENT * WIDTH)).changes;
      }
      for (; row < count; row++) {
        changes += one.run(values.slice(row * WIDTH, (row + 1) * WIDTH)).changes;
      }
      return changes;
    })();
    return { inserted, duplicates: count - inserted };
  }
  let inserted = 0;
  for (let first = 0; first < count; first += PG_BATCH) {
    const batch: NewGdeltEvent[] = [];
    for (let row = first; row < Math.min(count, first + PG_BATCH); row++) {
      const base = row * WIDTH;
      batch.push(
        Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, values[base + i]])) as NewGdeltEvent,
      );
    }
    const result = await store.db
      .insertInto('gdelt_events')
      .values(batch)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    inserted += result.length;
  }
  return { inserted, duplicates: count - inserted };
}

function sqliteStatements(sqlite: NonNullable<Store['sqlite']>): {
  one: Statement;
  many: Statement;
} {
  let prepared = statements.get(sqlite);
  if (!prepared) {
    const head = `INSERT OR IGNORE INTO gdelt_events (${GDELT_COLUMNS.join(', ')}) VALUES `;
    const tuple = `(${GDELT_COLUMNS.map(() => '?').join(', ')})`;
    prepared = {
      one: sqlite.prepare(head + tuple) as unknown as Statement,
      many: sqlite.prepare(
        head + Array.from({ length: SQLITE_ROWS_PER_STATEMENT }, () => tuple).join(', '),
      ) as unknown as Statement,
    };
    statements.set(sqlite, prepared);
  }
  return prepared;
}

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

export async function listGdeltEvents(
  db: Kysely<Database>,
  filter: GdeltEventFilter = {},
): Promise<GdeltEventRow[]> {
  let q = db.selectFrom('gdelt_events').selectAll();
  q = applyFilter(q, filter);
  return q
    .orderBy('day')
    .orderBy('id')
    .limit(filter.limit ?? 1000)
    .offset(filter.offset ?? 0)
    .execute();
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
