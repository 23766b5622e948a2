/**
 * Candidate documents for a new document's story: by LSH band or event signature (first stage),
 * or by shared evidence keys (second stage). Work per document is bounded: per band or signature
 * only the latest members of the publication window are read (index of migration 0130), so a key
 * shared by thousands of documents costs the same as one shared by a few.
 * @module
 */
import type SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { dialectOf } from './dialect-of.js';
import { decodeCodes, type Database } from './schema.js';
import { rawSqliteOf } from './sqlite-retrying-dialect.js';

type Db = Kysely<Database>;

/** A clustered document as candidate for a new document's story. */
export interface StoryCandidateRow {
  readonly document_id: string;
  readonly story_id: string;
  readonly lang: string | null;
  readonly published: string | null;
  readonly signatures: string[];
  readonly actors: string[];
  readonly numbers: string[];
  readonly details: string[];
  readonly sentences: number;
  readonly source: string | null;
  readonly names: string[];
  /**
   * documents.content_hash; null while the document row is not stored yet. The text itself is
   * read by {@link readDocumentTexts}, only for candidates whose shingles are not at hand.
   */
  readonly content_hash: string | null;
}

export interface StoryCandidateQuery {
  readonly bands: readonly string[];
  readonly signatures: readonly string[];
  /** Publication window, inclusive ISO bounds; documents without a date are always candidates. */
  readonly from: string | null;
  readonly to: string | null;
  readonly excludeDocumentId: string;
  /**
   * Per route (bands, signatures): `limit × 4` documents, those sharing most keys first, counted
   * over each key's latest `limit` members.
   */
  readonly limit?: number;
}

const CHUNK = 500;

/** A key table of the first stage and its key column. */
interface KeyRoute {
  readonly table: 'story_bands' | 'story_signatures';
  readonly column: 'band' | 'signature';
}

export async function findStoryCandidates(
  db: Db,
  query: StoryCandidateQuery,
): Promise<StoryCandidateRow[]> {
  const limit = query.limit ?? 50;
  const ids = new Set<string>();
  for (const route of [
    { table: 'story_bands', column: 'band', keys: query.bands },
    { table: 'story_signatures', column: 'signature', keys: query.signatures },
  ] as const) {
    const hits = await keyHits(db, route, route.keys, query, limit, limit * 4);
    for (const id of hits) ids.add(id);
  }
  if (ids.size === 0) return [];
  const out: StoryCandidateRow[] = [];
  const all = [...ids];
  const raw = await rawSqliteOf(db);
  for (let i = 0; i < all.length; i += CHUNK) {
    const chunk = all.slice(i, i + CHUNK);
    if (!raw) {
      for (const r of await readCandidateRows(db, chunk, query)) out.push(r);
      continue;
    }
    // SQLite: the rows at hand from the cache, the others read; in the order SQLite returns a
    // chunk (by id: its IN list is a sorted index), so the first best match is the same.
    const cache = rowCacheOf(raw);
    const rows: StoryCandidateRow[] = [];
    const missing: string[] = [];
    for (const id of chunk) {
      const hit = cache.get(id);
      if (!hit) missing.push(id);
      else if (inWindow(hit.published, query)) rows.push(rememberRow(cache, hit));
    }
    if (missing.length > 0)
      for (const r of await readCandidateRows(db, missing, query)) {
        // A row whose document is not stored yet gets its content hash later: not kept.
        if (r.content_hash !== null) rememberRow(cache, r);
        rows.push(r);
      }
    rows.sort((a, b) => binaryOrder(a.document_id, b.document_id));
    for (const r of rows) out.push(r);
  }
  return out;
}

/** Candidate rows of `ids` in the publication window (or undated). */
async function readCandidateRows(
  db: Db,
  ids: readonly string[],
  query: StoryCandidateQuery,
): Promise<StoryCandidateRow[]> {
  const postgres = dialectOf(db) === 'postgres';
  let q = db
    .selectFrom('story_documents as s')
    .leftJoin('documents as d', 'd.id', 's.document_id')
    .select([
      's.document_id',
      's.story_id',
      's.lang',
      's.published',
      's.signatures',
      's.actors',
      's.numbers',
      's.details',
      's.sentences',
      's.source',
      's.names',
      'd.content_hash',
    ])
    // The ids as one parameter: one statement text whatever their number (SQLite keeps it).
    .where(
      postgres
        ? sql<SqlBool>`s.document_id = ANY(${ids}::text[])`
        : sql<SqlBool>`s.document_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
    );
  const { from, to } = query;
  if (from !== null && to !== null) {
    q = q.where((eb) =>
      eb.or([
        eb('s.published', 'is', null),
        eb.and([eb('s.published', '>=', from), eb('s.published', '<=', to)]),
      ]),
    );
  }
  return (await q.execute()).map((r) => ({
    document_id: r.document_id,
    story_id: r.story_id,
    lang: r.lang,
    published: r.published,
    signatures: decodeCodes(r.signatures),
    actors: decodeCodes(r.actors),
    numbers: decodeCodes(r.numbers),
    details: decodeCodes(r.details),
    sentences: r.sentences,
    source: r.source,
    names: decodeCodes(r.names),
    content_hash: r.content_hash ?? null,
  }));
}

/** What the window filter of readCandidateRows keeps, in SQLite's comparison of texts. */
function inWindow(published: string | null, query: StoryCandidateQuery): boolean {
  if (published === null || query.from === null || query.to === null) return true;
  return binaryOrder(published, query.from) >= 0 && binaryOrder(published, query.to) <= 0;
}

/**
 * Candidate rows read lately, per SQLite handle, by document id. A clustered document's row is
 * written once, with its document row, and never changed or deleted, so a row read once stays
 * what the store holds; reading ~400 of them per new document was a tenth of `vigie run`'s CPU
 * time. ~1 KB each.
 */
const ROW_CACHE_SIZE = 8192;
const rowCaches = new WeakMap<SqliteDatabase.Database, Map<string, StoryCandidateRow>>();

function rowCacheOf(raw: SqliteDatabase.Database): Map<string, StoryCandidateRow> {
  let cache = rowCaches.get(raw);
  if (!cache) rowCaches.set(raw, (cache = new Map()));
  return cache;
}

function rememberRow(
  cache: Map<string, StoryCandidateRow>,
  row: StoryCandidateRow,
): StoryCandidateRow {
  cache.delete(row.document_id);
  cache.set(row.document_id, row);
  if (cache.size > ROW_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return row;
}

/**
 * The documents sharing most of `keys` (ties by id), at most `limit`, counted over each key's
 * latest `perKey` members dated in the window plus `perKey` undated ones: when no key has more
 * members than that, this is the exact ranking over every member. One short statement per
 * dialect (the keys as one parameter), so SQLite keeps it prepared.
 */
async function keyHits(
  db: Db,
  { table, column }: KeyRoute,
  keys: readonly string[],
  query: StoryCandidateQuery,
  perKey: number,
  limit: number,
): Promise<string[]> {
  if (keys.length === 0) return [];
  const unique = [...new Set(keys)];
  const raw = await rawSqliteOf(db);
  if (raw) return keyHitsSqlite(raw, { table, column }, unique, query, perKey, limit);
  const dated =
    query.from !== null && query.to !== null
      ? sql`published >= ${query.from} AND published <= ${query.to}`
      : sql`published IS NOT NULL`;
  // A key's latest members: document ids on PostgreSQL (LATERAL), row ids on SQLite (no
  // correlated sub-select in FROM there, but one in `rowid IN (…)` is looked up row by row).
  const member = (
    kind: 'dated' | 'undated',
    key: RawBuilder<unknown>,
    pick: 'rowid' | 'document_id',
  ) =>
    sql`SELECT ${sql.raw(pick)} FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${key}
      AND document_id <> ${query.excludeDocumentId} AND ${kind === 'dated' ? dated : sql`published IS NULL`}
      ORDER BY published DESC, document_id DESC LIMIT ${perKey}`;
  const branches =
    dialectOf(db) === 'postgres'
      ? (['dated', 'undated'] as const).map(
          (kind) => sql`SELECT m.document_id FROM unnest(${unique}::text[]) AS k(key)
            CROSS JOIN LATERAL (${member(kind, sql`k.key`, 'document_id')}) AS m`,
        )
      : (['dated', 'undated'] as const).map(
          (kind) => sql`SELECT m.document_id FROM json_each(${JSON.stringify(unique)}) AS k
            JOIN ${sql.table(table)} AS m ON m.rowid IN (${member(kind, sql`k.value`, 'rowid')})`,
        );
  const rows = await sql<{ document_id: string }>`
    SELECT document_id, count(*) AS hits FROM (${branches[0]} UNION ALL ${branches[1]}) AS c
    GROUP BY document_id ORDER BY hits DESC, document_id LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => r.document_id);
}

/**
 * keyHits on SQLite: per key, its latest members straight from the index (key, published,
 * document_id), which holds every column read, counted here. The one statement of the other
 * dialect looks each member's row up by rowid, and was a fifth of `vigie run`'s CPU time
 * (bench/run-throughput.ts). Same members, same counts, same order (ties by id in SQLite's
 * BINARY order), same cut.
 */
function keyHitsSqlite(
  raw: SqliteDatabase.Database,
  route: KeyRoute,
  keys: readonly string[],
  query: StoryCandidateQuery,
  perKey: number,
  limit: number,
): string[] {
  const windowed = query.from !== null && query.to !== null;
  const statements = memberStatements(raw, route);
  const hits = new Map<string, number>();
  const exclude = query.excludeDocumentId;
  for (const key of keys) {
    const ids = (
      windowed
        ? statements.window.all(key, exclude, query.from, query.to, perKey, key, exclude, perKey)
        : statements.dated.all(key, exclude, perKey, key, exclude, perKey)
    ) as string[];
    for (const id of ids) hits.set(id, (hits.get(id) ?? 0) + 1);
  }
  return [...hits]
    .sort((a, b) => b[1] - a[1] || binaryOrder(a[0], b[0]))
    .slice(0, limit)
    .map(([id]) => id);
}

/** A key's latest members of the window (or dated), then its latest undated ones: one run. */
interface MemberStatements {
  readonly window: SqliteDatabase.Statement;
  readonly dated: SqliteDatabase.Statement;
}

const memberStatementCache = new WeakMap<SqliteDatabase.Database, Map<string, MemberStatements>>();

function memberStatements(
  raw: SqliteDatabase.Database,
  { table, column }: KeyRoute,
): MemberStatements {
  let byTable = memberStatementCache.get(raw);
  if (!byTable) memberStatementCache.set(raw, (byTable = new Map()));
  let statements = byTable.get(table);
  if (!statements) {
    const member = (where: string) =>
      `SELECT * FROM (SELECT document_id FROM ${table} WHERE ${column} = ? AND document_id <> ?
        AND ${where} ORDER BY published DESC, document_id DESC LIMIT ?)`;
    const members = (dated: string) =>
      raw.prepare(`${member(dated)} UNION ALL ${member('published IS NULL')}`).pluck();
    statements = {
      window: members('published >= ? AND published <= ?'),
      dated: members('published IS NOT NULL'),
    };
    byTable.set(table, statements);
  }
  return statements;
}

/** SQLite's BINARY order of two texts: their UTF-8 bytes, that is their code points. */
function binaryOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Below the surrogates, UTF-16 units order as code points; past them, let UTF-8 decide.
    if (x < 0xd800 && y < 0xd800) return x - y;
    return Buffer.compare(Buffer.from(a.slice(i)), Buffer.from(b.slice(i)));
  }
  return a.length - b.length;
}

/** The stored text of each of `ids` that has a document row. */
export async function readDocumentTexts(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('documents')
      .select(['id', 'text'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) texts.set(r.id, r.text);
  }
  return texts;
}

export interface EvidenceCandidateQuery {
  /** `s:` source, `n:` figure and `e:` event keys of the new document (see story_keys). */
  readonly keys: readonly string[];
  /** Publication window, inclusive ISO bounds (text comparison). */
  readonly from: string;
  readonly to: string;
  readonly excludeDocumentId: string;
  /** The documents sharing most keys first. */
  readonly limit?: number;
}

/**
 * Clustered documents of the publication window that share at least one key with a new
 * document, with their stored features (no text: the evidence stage does not read it).
 */
export async function findEvidenceCandidates(
  db: Db,
  query: EvidenceCandidateQuery,
): Promise<Omit<StoryCandidateRow, 'content_hash'>[]> {
  if (query.keys.length === 0) return [];
  const hits = await db
    .selectFrom('story_keys')
    .select(['document_id', sql<number>`count(*)`.as('hits')])
    .where('key', 'in', [...new Set(query.keys)])
    .where('published', '>=', query.from)
    .where('published', '<=', query.to)
    .where('document_id', '!=', query.excludeDocumentId)
    .groupBy('document_id')
    .orderBy('hits', 'desc')
    .orderBy('document_id')
    .limit(query.limit ?? 200)
    .execute();
  if (hits.length === 0) return [];
  const rows = await db
    .selectFrom('story_documents')
    .select([
      'document_id',
      'story_id',
      'lang',
      'published',
      'signatures',
      'actors',
      'numbers',
      'details',
      'sentences',
      'source',
      'names',
    ])
    .where(
      'document_id',
      'in',
      hits.map((h) => h.document_id),
    )
    .orderBy('published')
    .orderBy('document_id')
    .execute();
  return rows.map((r) => ({
    ...r,
    signatures: decodeCodes(r.signatures),
    actors: decodeCodes(r.actors),
    numbers: decodeCodes(r.numbers),
    details: decodeCodes(r.details),
    names: decodeCodes(r.names),
  }));
}
