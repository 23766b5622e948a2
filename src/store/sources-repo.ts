/**
 * Sources and their fetch state: registration, reliability grades, which are due, what happened
 * at the last fetch (conditional-GET validators, backoff) and the error log.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { RELIABILITY_GRADES, type Reliability } from '../domain/ontology.js';
import { InputError, NotFoundError, VigieError } from '../domain/errors.js';
import type { Database, SourceRow } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

/** The error log table (migration 0010). */
export interface SourceErrorsTable {
  id: string;
  source_id: string;
  at: string;
  code: string;
  message: string;
  url: string | null;
}
export type SourceErrorRow = SourceErrorsTable;

type Db = Kysely<Database>;
const withErrors = (db: Db) => db.withTables<{ source_errors: SourceErrorsTable }>();

export type SourceKind = 'feed' | 'page' | 'file' | 'gdelt' | 'outlet';

export interface SourceInput {
  /** Feed or page URL, or file path; an `outlet` (a publisher known by name) has none. */
  readonly url?: string | undefined;
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  readonly kind?: SourceKind | undefined;
  readonly reliability?: string | undefined;
  readonly lang?: string | undefined;
  readonly intervalSeconds?: number | undefined;
  readonly enabled?: boolean | undefined;
}

export const DEFAULT_INTERVAL_SECONDS = 900;

/** Stable id for a URL or path, so declaring the same source twice names the same row. */
export function sourceIdFor(url: string): string {
  return `src_${createHash('sha256').update(url).digest('hex').slice(0, 12)}`;
}

export function isRemote(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export function parseReliability(grade: string): Reliability {
  const upper = grade.trim().toUpperCase();
  if (!(RELIABILITY_GRADES as readonly string[]).includes(upper)) {
    throw new InputError(
      `reliability must be one of ${RELIABILITY_GRADES.join(', ')}, not "${grade}"`,
      'reliability',
    );
  }
  return upper as Reliability;
}

function newRow(input: SourceInput, now: string): SourceRow {
  const url = input.url;
  if (url === undefined && input.name === undefined) {
    throw new InputError('a source without a URL (an outlet) needs a name', 'name');
  }
  return {
    id:
      input.id ?? (url === undefined ? `src_${randomBytes(6).toString('hex')}` : sourceIdFor(url)),
    name: input.name ?? defaultName(url!),
    kind: input.kind ?? (url === undefined ? 'outlet' : isRemote(url) ? 'feed' : 'file'),
    url: url ?? null,
    reliability: parseReliability(input.reliability ?? 'F'),
    lang: input.lang ?? null,
    interval_seconds: input.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS,
    enabled: input.enabled === false ? 0 : 1,
    etag: null,
    last_modified: null,
    last_fetched_at: null,
    next_fetch_at: null,
    error_count: 0,
    last_error: null,
    created_at: now,
    updated_at: now,
  };
}

function defaultName(url: string): string {
  if (!isRemote(url)) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}

/** Registers a source (reliability F unless graded); a second one with the same URL is a conflict. */
export async function addSource(
  db: Db,
  input: SourceInput,
  now = new Date().toISOString(),
): Promise<SourceRow> {
  const row = newRow(input, now);
  const clash = await db
    .selectFrom('sources')
    .select(['id', 'url'])
    .where((eb) => eb.or([eb('id', '=', row.id), ...(row.url ? [eb('url', '=', row.url)] : [])]))
    .executeTakeFirst();
  if (clash) {
    const what = row.url !== null && clash.url === row.url ? 'URL' : 'id';
    throw new VigieError(
      'VIGIE_CONFLICT',
      `a source with this ${what} already exists: ${clash.id}`,
    );
  }
  await db.insertInto('sources').values(row).execute();
  return row;
}

/**
 * Inserts or refreshes a source declared in vigie.yaml. Name, kind, language, interval and
 * enabled follow the file; the reliability grade is only set on insert, so grades analysts
 * change later are kept.
 */
export async function upsertSource(
  db: Db,
  input: SourceInput,
  now = new Date().toISOString(),
): Promise<SourceRow> {
  try {
    return await upsertSourceOnce(db, input, now);
  } catch (error) {
    // Two processes registering one source at once (two workers starting): the second insert
    // meets the first's row; read it again and update it.
    const clash = error instanceof VigieError && error.code === 'VIGIE_CONFLICT';
    if (!clash && !isUniqueViolation(error)) throw error;
    return upsertSourceOnce(db, input, now);
  }
}

async function upsertSourceOnce(db: Db, input: SourceInput, now: string): Promise<SourceRow> {
  const existing = await db
    .selectFrom('sources')
    .selectAll()
    .where((eb) => (input.id ? eb('id', '=', input.id) : eb('url', '=', input.url ?? '')))
    .executeTakeFirst();
  if (!existing) return addSource(db, input, now);
  const patch = {
    url: input.url ?? existing.url,
    name: input.name ?? existing.name,
    kind: input.kind ?? existing.kind,
    lang: input.lang ?? existing.lang,
    interval_seconds: input.intervalSeconds ?? existing.interval_seconds,
    enabled: input.enabled === undefined ? existing.enabled : input.enabled ? 1 : 0,
    updated_at: now,
  };
  await db.updateTable('sources').set(patch).where('id', '=', existing.id).execute();
  return { ...existing, ...patch };
}

export async function listSources(db: Db): Promise<SourceRow[]> {
  return db.selectFrom('sources').selectAll().orderBy('name').orderBy('id').execute();
}

/** A source by id, or by URL/path. */
export async function getSource(db: Db, idOrUrl: string): Promise<SourceRow> {
  const row = await db
    .selectFrom('sources')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrUrl), eb('url', '=', idOrUrl)]))
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`no source ${idOrUrl} (see \`vigie source list\`)`);
  return row;
}

/** The fields analysts edit from the dashboard; null when there is no source `id`. */
export async function updateSource(
  db: Db,
  id: string,
  patch: { reliability?: string; enabled?: boolean; name?: string },
  now = new Date().toISOString(),
): Promise<SourceRow | null> {
  const set: { reliability?: Reliability; enabled?: number; name?: string; updated_at: string } = {
    updated_at: now,
  };
  if (patch.reliability !== undefined) set.reliability = parseReliability(patch.reliability);
  if (patch.enabled !== undefined) set.enabled = patch.enabled ? 1 : 0;
  if (patch.name !== undefined) set.name = patch.name;
  const result = await db.updateTable('sources').set(set).where('id', '=', id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return null;
  return (
    (await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
  );
}

export async function setReliability(
  db: Db,
  idOrUrl: string,
  grade: string,
  now = new Date().toISOString(),
): Promise<SourceRow> {
  const reliability = parseReliability(grade);
  const row = await getSource(db, idOrUrl);
  await db
    .updateTable('sources')
    .set({ reliability, updated_at: now })
    .where('id', '=', row.id)
    .execute();
  return { ...row, reliability, updated_at: now };
}

/** Removes a source and its error log; its documents stay (they keep their source_id). */
export async function removeSource(db: Db, idOrUrl: string): Promise<SourceRow> {
  const row = await getSource(db, idOrUrl);
  await withErrors(db).deleteFrom('source_errors').where('source_id', '=', row.id).execute();
  await db.deleteFrom('sources').where('id', '=', row.id).execute();
  return row;
}

/** Enabled sources whose next fetch is due, soonest first. */
export async function dueSources(
  db: Db,
  now: string,
  kinds: readonly string[] = ['feed', 'page', 'file'],
): Promise<SourceRow[]> {
  return db
    .selectFrom('sources')
    .selectAll()
    .where('enabled', '=', 1)
    .where('kind', 'in', [...kinds])
    .where((eb) => eb.or([eb('next_fetch_at', 'is', null), eb('next_fetch_at', '<=', now)]))
    .orderBy('next_fetch_at')
    .orderBy('id')
    .execute();
}

/** The earliest next fetch among enabled sources (null when none is scheduled). */
export async function nextDueAt(
  db: Db,
  kinds: readonly string[] = ['feed', 'page', 'file'],
): Promise<string | null> {
  const row = await db
    .selectFrom('sources')
    .select((eb) => eb.fn.min('next_fetch_at').as('next'))
    .where('enabled', '=', 1)
    .where('kind', 'in', [...kinds])
    .executeTakeFirst();
  return (row?.next as string | null | undefined) ?? null;
}

export interface FetchSuccess {
  readonly fetchedAt: string;
  readonly nextFetchAt: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** The kind learnt from the response (a URL added as a feed may turn out to be a page). */
  readonly kind?: SourceKind;
}

/** Records a successful fetch: call it only after the fetched documents are committed. */
export async function recordFetchSuccess(db: Db, id: string, state: FetchSuccess): Promise<void> {
  await db
    .updateTable('sources')
    .set({
      etag: state.etag,
      last_modified: state.lastModified,
      last_fetched_at: state.fetchedAt,
      next_fetch_at: state.nextFetchAt,
      error_count: 0,
      last_error: null,
      updated_at: state.fetchedAt,
      ...(state.kind ? { kind: state.kind } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export interface FetchFailure {
  readonly at: string;
  readonly nextFetchAt: string;
  readonly code: string;
  readonly message: string;
  readonly url?: string | null;
}

/** Records a failed fetch: bumps the error count, schedules the retry and logs the error. */
export async function recordFetchFailure(db: Db, id: string, failure: FetchFailure): Promise<void> {
  await db
    .updateTable('sources')
    .set((eb) => ({
      error_count: eb('error_count', '+', 1),
      last_error: `${failure.code}: ${failure.message}`,
      next_fetch_at: failure.nextFetchAt,
      updated_at: failure.at,
    }))
    .where('id', '=', id)
    .execute();
  await logSourceError(db, id, failure);
}

/** Logs an error against a source without changing its schedule (e.g. one bad item in a good feed). */
export async function logSourceError(
  db: Db,
  id: string,
  error: Omit<FetchFailure, 'nextFetchAt'>,
): Promise<void> {
  await withErrors(db)
    .insertInto('source_errors')
    .values({
      id: `${error.at}_${randomBytes(4).toString('hex')}`,
      source_id: id,
      at: error.at,
      code: error.code,
      message: error.message.slice(0, 2000),
      url: error.url ?? null,
    })
    .execute();
}

export async function listSourceErrors(
  db: Db,
  options: { sourceId?: string; limit?: number } = {},
): Promise<SourceErrorRow[]> {
  let query = withErrors(db).selectFrom('source_errors').selectAll();
  if (options.sourceId) query = query.where('source_id', '=', options.sourceId);
  return query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? 50)
    .execute();
}

/** Documents stored per source id. */
export async function countDocumentsBySource(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('documents')
    .select((eb) => ['source_id', eb.fn.countAll<string | number>().as('n')])
    .where('source_id', 'is not', null)
    .groupBy('source_id')
    .execute();
  return new Map(rows.map((r) => [r.source_id as string, Number(r.n)]));
}

/** Which of these URLs already have a stored document (so their pages are not fetched again). */
export async function knownDocumentUrls(db: Db, urls: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < urls.length; i += 500) {
    const chunk = urls.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db.selectFrom('documents').select('url').where('url', 'in', chunk).execute();
    for (const r of rows) if (r.url) known.add(r.url);
  }
  return known;
}
