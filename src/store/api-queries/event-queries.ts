/**
 * Events as the API shows them: filtered newest-first pages (by last sighting) and one event with
 * its mentions, their sentences and documents, and how its credibility was computed.
 * @module
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { decodeCodes, type Database, type EventRow } from '../schema.js';
import type { StoreDialect } from '../migrations/migration.js';
import {
  afterKeyset,
  cutPage,
  mergeNewestFirst,
  newestFirst,
  sinceBound,
  untilBound,
} from './keyset.js';
import { mentionsInContext, type CursorPage, type MentionInContext } from './mention-queries.js';

export interface ApiEvent {
  id: string;
  type: string;
  source: string | null;
  target: string | null;
  capabilities: string[];
  date: string | null;
  firstSeen: string;
  lastSeen: string;
  modality: string;
  mentionCount: number;
  independentSources: number;
  credibility: number;
  updatedAt: string;
}

export interface EventFilters {
  type?: string;
  actor?: string;
  capability?: string;
  modality?: string;
  lang?: string;
  since?: string;
  until?: string;
}

export function toApiEvent(r: EventRow): ApiEvent {
  return {
    id: r.id,
    type: r.type,
    source: r.source_actor,
    target: r.target_actor,
    capabilities: decodeCodes(r.capabilities),
    date: r.date,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    modality: r.modality,
    mentionCount: r.mention_count,
    independentSources: r.independent_sources,
    credibility: r.credibility,
    updatedAt: r.updated_at,
  };
}

const keyOf = (r: EventRow): [string | null, string] => [r.last_seen, r.id];

/**
 * A page of events, most recently seen first. `since`/`until` keep events whose sighting window
 * [first_seen, last_seen] overlaps the range; `lang` keeps events with a mention in that language.
 */
export async function listApiEvents(
  db: Kysely<Database>,
  dialect: StoreDialect,
  f: EventFilters,
  page: { limit: number; cursor?: string },
): Promise<CursorPage<ApiEvent>> {
  const base: Expression<SqlBool>[] = [];
  if (f.type) base.push(sql<SqlBool>`events.type = ${f.type}`);
  if (f.modality) base.push(sql<SqlBool>`events.modality = ${f.modality}`);
  if (f.capability) base.push(sql<SqlBool>`events.capabilities LIKE ${`%|${f.capability}|%`}`);
  if (f.since) base.push(sinceBound('events.last_seen', f.since));
  if (f.until) base.push(untilBound('events.first_seen', f.until));
  if (f.lang) {
    base.push(
      sql<SqlBool>`EXISTS (SELECT 1 FROM mentions WHERE mentions.event_id = events.id AND mentions.lang = ${f.lang})`,
    );
  }
  if (page.cursor) base.push(afterKeyset('events.last_seen', 'events.id', page.cursor));
  const run = (extra: Expression<SqlBool>[]) => {
    let q = db.selectFrom('events').selectAll();
    for (const c of [...base, ...extra]) q = q.where(c);
    return q
      .orderBy(newestFirst(dialect, 'events.last_seen', 'events.id'))
      .limit(page.limit + 1)
      .execute();
  };
  let rows: EventRow[];
  if (f.actor) {
    const a = f.actor;
    const [asSource, asTarget] = await Promise.all([
      run([sql<SqlBool>`events.source_actor = ${a}`]),
      run([
        sql<SqlBool>`events.target_actor = ${a}`,
        sql<SqlBool>`(events.source_actor IS NULL OR events.source_actor <> ${a})`,
      ]),
    ]);
    rows = mergeNewestFirst([asSource, asTarget], keyOf).slice(0, page.limit + 1);
  } else {
    rows = await run([]);
  }
  const cut = cutPage(rows, page.limit, keyOf);
  return { items: cut.items.map(toApiEvent), next: cut.next };
}

export interface ApiEventDetail extends ApiEvent {
  /** How support and credibility were computed (the analysis module's JSON, as stored). */
  explanation: unknown;
  mentions: MentionInContext[];
}

export async function getApiEvent(
  db: Kysely<Database>,
  id: string,
): Promise<ApiEventDetail | null> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const mentions = await mentionsInContext(db, { eventIds: [id] });
  let explanation: unknown = null;
  try {
    explanation = JSON.parse(row.explanation) as unknown;
  } catch {
    explanation = { raw: row.explanation };
  }
  return { ...toApiEvent(row), explanation, mentions };
}

export async function getApiEventsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, ApiEvent>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, toApiEvent(r)]));
}
