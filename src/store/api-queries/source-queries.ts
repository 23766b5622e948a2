/**
 * Sources as the API shows them, and the two edits analysts make from the dashboard:
 * registering a source and grading its reliability.
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { Database, SourceRow } from '../schema.js';
import { addSource, updateSource, type SourceKind } from '../sources-repo.js';

export interface ApiSource {
  id: string;
  name: string;
  kind: string;
  url: string | null;
  reliability: string;
  lang: string | null;
  intervalSeconds: number;
  enabled: boolean;
  lastFetchedAt: string | null;
  nextFetchAt: string | null;
  errorCount: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toApiSource(r: SourceRow): ApiSource {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    url: r.url,
    reliability: r.reliability,
    lang: r.lang,
    intervalSeconds: r.interval_seconds,
    enabled: r.enabled === 1,
    lastFetchedAt: r.last_fetched_at,
    nextFetchAt: r.next_fetch_at,
    errorCount: r.error_count,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listApiSources(
  db: Kysely<Database>,
  f: { kind?: string; reliability?: string; q?: string },
  page: { limit: number; offset: number },
): Promise<{ items: ApiSource[]; total: number }> {
  let q = db.selectFrom('sources');
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.reliability) q = q.where('reliability', '=', f.reliability);
  if (f.q) {
    const pattern = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(
      sql<boolean>`(lower(name) LIKE ${pattern} ESCAPE '\\' OR lower(coalesce(url, '')) LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('name').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toApiSource), total: Number(count.n) };
}

export async function getApiSource(db: Kysely<Database>, id: string): Promise<ApiSource | null> {
  const row = await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toApiSource(row) : null;
}

export interface NewApiSource {
  name: string;
  kind: string;
  url?: string | null;
  reliability: string;
  lang?: string | null;
  intervalSeconds: number;
  enabled: boolean;
}

/** Registers a source (sources-repo.ts); a second source with the same URL is a conflict. */
export async function createApiSource(
  db: Kysely<Database>,
  input: NewApiSource,
  now = new Date(),
): Promise<ApiSource> {
  const row = await addSource(
    db,
    {
      name: input.name,
      kind: input.kind as SourceKind,
      url: input.url ?? undefined,
      reliability: input.reliability,
      lang: input.lang ?? undefined,
      intervalSeconds: input.intervalSeconds,
      enabled: input.enabled,
    },
    now.toISOString(),
  );
  return toApiSource(row);
}

/** Changes a source's editable fields (sources-repo.ts); null when there is no such source. */
export async function updateApiSource(
  db: Kysely<Database>,
  id: string,
  patch: { reliability?: string; enabled?: boolean; name?: string },
  now = new Date(),
): Promise<ApiSource | null> {
  const row = await updateSource(db, id, patch, now.toISOString());
  return row ? toApiSource(row) : null;
}
