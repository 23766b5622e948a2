/**
 * gdelt_events, leaner (issue #4: the import must store ≥ 200,000 rows/s). 0012 stored 29 columns
 * a row; every bound value costs the importer, so this keeps as columns only what queries filter,
 * count or show first (id, day, CAMEO code, mapped type and actors, Goldstein, counts) and the
 * GDELT row from column 5 to its end as one string, `detail` (see src/store/gdelt-layout.ts).
 * Measured on the 500,000-row bench (CPU seconds of the whole import):
 * - SQLite: a rowid table with the text id's unique index instead of WITHOUT ROWID (0012): large
 *   rows fit the table B-tree better (WITHOUT ROWID stores them in index pages), −0.3 s;
 * - the day index replaces (day, type): rows arrive in id order, so (day, id) entries append
 *   where (day, type, id) entries split pages at one insertion point per type, −0.35 s; it also
 *   serves `ORDER BY day, id` without a sort.
 * Existing rows are copied, their `detail` rebuilt from the 0012 columns in the GDELT layout of
 * their version (1.0: 58 columns, 2.0: 61); the columns 0012 did not keep stay empty.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { VigieMigration } from './migration.js';

const REAL = 'double precision';
const TAB = '\t';

/** File columns 5–34, the same in both versions, that 0012 kept. */
const SHARED: Readonly<Record<number, string>> = {
  5: 'actor1_code',
  6: 'actor1_name',
  7: 'actor1_country',
  15: 'actor2_code',
  16: 'actor2_name',
  17: 'actor2_country',
  25: 'is_root_event',
  26: 'event_code',
  27: 'event_base_code',
  28: 'event_root_code',
  29: 'quad_class',
  30: 'goldstein',
  31: 'num_mentions',
  32: 'num_sources',
  33: 'num_articles',
  34: 'avg_tone',
};

/** The version-specific columns 0012 kept (GDELT layouts, frozen here). */
const V1 = {
  columns: 58,
  50: 'action_place',
  51: 'action_country',
  56: 'date_added',
  57: 'source_url',
};
const V2 = {
  columns: 61,
  52: 'action_place',
  53: 'action_country',
  59: 'date_added',
  60: 'source_url',
};

/** `a || '\t' || b …`: file columns 5 … last from 0012 columns (null → ''), runs of tabs between. */
function detailOf(layout: typeof V1 | typeof V2): RawBuilder<string> {
  const named: Readonly<Record<number, string | number>> = { ...SHARED, ...layout };
  const fields: (string | null)[] = [];
  for (let column = 5; column < layout.columns; column++) {
    const name = named[column];
    fields.push(typeof name === 'string' ? name : null);
  }
  const parts: RawBuilder<unknown>[] = [];
  let literal = '';
  fields.forEach((column, i) => {
    if (i > 0) literal += TAB;
    if (column === null) return;
    if (literal !== '') parts.push(sql.lit(literal));
    literal = '';
    const text = sql`coalesce(cast(${sql.ref(column)} as text), '')`;
    parts.push(
      column === 'date_added'
        ? sql`replace(replace(replace(replace(${text}, '-', ''), 'T', ''), ':', ''), 'Z', '')`
        : text,
    );
  });
  if (literal !== '') parts.push(sql.lit(literal));
  return sql<string>`(${sql.join(parts, sql` || `)})`;
}

async function createTable(db: Kysely<unknown>, name: string) {
  await db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('event_code', 'text', (c) => c.notNull())
    .addColumn('type', 'text')
    .addColumn('modality', 'text')
    .addColumn('capabilities', 'text')
    .addColumn('source_actor', 'text')
    .addColumn('target_actor', 'text')
    .addColumn('goldstein', REAL)
    .addColumn('num_mentions', 'integer')
    .addColumn('num_sources', 'integer')
    .addColumn('num_articles', 'integer')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
}

export const gdeltLeanRowsMigration: VigieMigration = {
  name: '0013-gdelt-lean-rows',
  async up(db: Kysely<unknown>) {
    await createTable(db, 'gdelt_events_lean');
    await sql`INSERT INTO gdelt_events_lean (id, version, day, event_code, type, modality,
        capabilities, source_actor, target_actor, goldstein, num_mentions, num_sources,
        num_articles, detail, imported_at)
      SELECT id, version, day, event_code, type, modality, nullif(capabilities, ''),
        source_actor, target_actor, goldstein, num_mentions, num_sources, num_articles,
        CASE WHEN version = 1 THEN ${detailOf(V1)} ELSE ${detailOf(V2)} END,
        imported_at
      FROM gdelt_events`.execute(db);
    await db.schema.dropTable('gdelt_events').execute();
    await db.schema.alterTable('gdelt_events_lean').renameTo('gdelt_events').execute();
    await db.schema.createIndex('gdelt_events_day').on('gdelt_events').column('day').execute();
  },
};
