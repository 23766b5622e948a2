/**
 * Bulk idempotent inserts into gdelt_events: the same GLOBALEVENTID is stored once.
 *
 * The importer fills one flat array per batch (`values[row * GDELT_WIDTH + column]`, columns in
 * GDELT_COLUMNS order). On SQLite the hot path skips Kysely: measured per bound value,
 * better-sqlite3 costs ~25 ns for a number or null and ~120 ns for a string, so the row is lean
 * (14 values, the rest of the GDELT row kept as one string, `detail`), `imported_at` is a literal of the
 * statement (one value per import), values are passed as arguments (faster than one array), and
 * rows already stored are dropped before binding (a re-import then binds nothing).
 * @module
 */
import type SqliteDatabase from 'better-sqlite3';
import type { Store } from './open-store.js';
import type { NewGdeltEvent } from './schema.js';
import { retryWhenBusy } from './sqlite-busy.js';

/** Column order of the flat value arrays the importer fills (parseGdeltInto). */
export const GDELT_COLUMNS = [
  'id',
  'version',
  'day',
  'event_code',
  'type',
  'modality',
  'capabilities',
  'source_actor',
  'target_actor',
  'goldstein',
  'num_mentions',
  'num_sources',
  'num_articles',
  'detail',
] as const satisfies readonly (keyof NewGdeltEvent)[];

export const GDELT_WIDTH = GDELT_COLUMNS.length;

/** PostgreSQL allows 65,535 parameters a statement. */
const PG_BATCH = Math.floor(60_000 / (GDELT_WIDTH + 1));
const ROWS_PER_STATEMENT = 64;

export interface GdeltInsertResult {
  readonly inserted: number;
  readonly duplicates: number;
}

interface SqliteStatements {
  readonly importedAt: string;
  readonly many: SqliteDatabase.Statement;
  readonly one: SqliteDatabase.Statement;
  readonly countInRange: SqliteDatabase.Statement;
  readonly idsInRange: SqliteDatabase.Statement;
  readonly idExists: SqliteDatabase.Statement;
}

const prepared = new WeakMap<SqliteDatabase.Database, SqliteStatements>();

/**
 * Inserts the first `count` rows of `values` whose id is new (rows already stored, or repeated
 * in the batch, are counted as duplicates). `values` is the caller's buffer: on SQLite, rows
 * already stored are compacted out of it.
 */
export async function insertGdeltValues(
  store: Store,
  values: unknown[],
  count: number,
  importedAt: string,
): Promise<GdeltInsertResult> {
  if (count === 0) return { inserted: 0, duplicates: 0 };
  const sqlite = store.sqlite;
  if (sqlite) {
    const s = sqliteStatements(sqlite, importedAt);
    // IMMEDIATE: the write lock before the look-ups, retried while another writer holds it.
    const write = sqlite.transaction(() => {
      const fresh = dropStoredRows(s, values, count);
      let changes = 0;
      let row = 0;
      for (; row + ROWS_PER_STATEMENT <= fresh; row += ROWS_PER_STATEMENT) {
        const start = row * GDELT_WIDTH;
        const end = start + ROWS_PER_STATEMENT * GDELT_WIDTH;
        // better-sqlite3 binds an array's elements in order, without spreading them as arguments.
        changes += s.many.run(values.slice(start, end)).changes;
      }
      for (; row < fresh; row++) {
        changes += s.one.run(values.slice(row * GDELT_WIDTH, (row + 1) * GDELT_WIDTH)).changes;
      }
      return changes;
    });
    const inserted = await retryWhenBusy(() => write.immediate());
    return { inserted, duplicates: count - inserted };
  }
  let inserted = 0;
  for (let first = 0; first < count; first += PG_BATCH) {
    const batch: NewGdeltEvent[] = [];
    for (let row = first; row < Math.min(count, first + PG_BATCH); row++) {
      const base = row * GDELT_WIDTH;
      const record: Record<string, unknown> = { imported_at: importedAt };
      GDELT_COLUMNS.forEach((c, i) => (record[c] = values[base + i]));
      batch.push(record as unknown as NewGdeltEvent);
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

/**
 * Moves the rows whose id is not stored yet to the front of `values`; returns how many there
 * are. One count over the batch's id range (an index range scan) answers for a batch of new ids:
 * GDELT ids grow with time, so a file's batch rarely overlaps stored ids unless it was imported
 * before. Ids are digit strings compared as text, like SQLite's BINARY collation does.
 */
function dropStoredRows(s: SqliteStatements, values: unknown[], count: number): number {
  let min = values[0] as string;
  let max = min;
  for (let row = 0; row < count; row++) {
    const id = values[row * GDELT_WIDTH] as string;
    if (id < min) min = id;
    if (id > max) max = id;
  }
  const inRange = s.countInRange.get(min, max) as number;
  if (inRange === 0) return count;
  // A range wider than the batch (ids of different lengths sort apart as text) is checked id by id.
  const stored = inRange <= 4 * count ? new Set(s.idsInRange.all(min, max) as string[]) : undefined;
  const isStored = (id: string) => (stored ? stored.has(id) : s.idExists.get(id) !== undefined);
  let kept = 0;
  for (let row = 0; row < count; row++) {
    const from = row * GDELT_WIDTH;
    if (isStored(values[from] as string)) continue;
    if (kept !== row) {
      const to = kept * GDELT_WIDTH;
      for (let c = 0; c < GDELT_WIDTH; c++) values[to + c] = values[from + c];
    }
    kept++;
  }
  return kept;
}

function sqliteStatements(sqlite: SqliteDatabase.Database, importedAt: string): SqliteStatements {
  const cached = prepared.get(sqlite);
  if (cached?.importedAt === importedAt) return cached;
  // importedAt is the importer's own ISO timestamp; quoted as an SQL literal all the same.
  const stamp = `'${importedAt.replace(/'/g, "''")}'`;
  const head = `INSERT OR IGNORE INTO gdelt_events (${GDELT_COLUMNS.join(', ')}, imported_at) VALUES `;
  const tuple = `(${GDELT_COLUMNS.map(() => '?').join(', ')}, ${stamp})`;
  const statements: SqliteStatements = {
    importedAt,
    one: sqlite.prepare(head + tuple),
    many: sqlite.prepare(head + Array.from({ length: ROWS_PER_STATEMENT }, () => tuple).join(', ')),
    countInRange: sqlite
      .prepare('SELECT count(*) FROM gdelt_events WHERE id BETWEEN ? AND ?')
      .pluck(),
    idsInRange: sqlite.prepare('SELECT id FROM gdelt_events WHERE id BETWEEN ? AND ?').pluck(),
    idExists: sqlite.prepare('SELECT 1 FROM gdelt_events WHERE id = ?').pluck(),
  };
  prepared.set(sqlite, statements);
  return statements;
}
