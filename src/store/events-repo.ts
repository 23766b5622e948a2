/**
 * Resolved events (written by the analysis step): filtered listing for the CLI and API.
 * @module
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database, EventRow } from './schema.js';
import { dialectOf } from './dialect-of.js';
import {
  afterCursor,
  pageLimit,
  sinceCondition,
  toPage,
  untilCondition,
  type Page,
  type PageRequest,
} from './paging.js';
import { documentSearchCondition } from './text-search.js';

export interface EventFilters {
  readonly type?: string | undefined;
  /** Actor code in either role. */
  readonly actor?: string | undefined;
  readonly modality?: string | undefined;
  readonly capability?: string | undefined;
  /** Events with at least one mention in this language. */
  readonly lang?: string | undefined;
  /** On the event date, falling back to when it was last seen. */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  /** Events with at least one mention whose document matches this full-text query. */
  readonly q?: string | undefined;
}

const EVENT_DATE = sql`coalesce(events.date, events.last_seen)`;
const SORT_KEY = sql<string>`events.last_seen`;
const ID = sql<string>`events.id`;

function eventConditions(db: Kysely<Database>, f: EventFilters): RawBuilder<SqlBool>[] {
  const parts: RawBuilder<SqlBool>[] = [];
  if (f.type) parts.push(sql<SqlBool>`events.type = ${f.type}`);
  if (f.actor) {
    parts.push(
      sql<SqlBool>`(events.source_actor = ${f.actor} OR events.target_actor = ${f.actor})`,
    );
  }
  if (f.modality) parts.push(sql<SqlBool>`events.modality = ${f.modality}`);
  if (f.capability) parts.push(sql<SqlBool>`events.capabilities LIKE ${`%|${f.capability}|%`}`);
  if (f.since) parts.push(sinceCondition(EVENT_DATE, f.since));
  if (f.until) parts.push(untilCondition(EVENT_DATE, f.until));
  if (f.lang) {
    parts.push(
      sql<SqlBool>`events.id IN (SELECT mentions.event_id FROM mentions WHERE mentions.event_id IS NOT NULL AND mentions.lang = ${f.lang})`,
    );
  }
  if (f.q) {
    const match = documentSearchCondition(dialectOf(db), f.q);
    if (match) {
      parts.push(
        sql<SqlBool>`events.id IN (SELECT mentions.event_id FROM mentions JOIN documents ON documents.id = mentions.document_id WHERE mentions.event_id IS NOT NULL AND ${match})`,
      );
    }
  }
  return parts;
}

/** Events matching the filters, most recently seen first. */
export async function listEvents(
  db: Kysely<Database>,
  filters: EventFilters,
  page: PageRequest,
): Promise<Page<EventRow>> {
  const limit = pageLimit(page);
  const parts = eventConditions(db, filters);
  if (page.cursor) parts.push(afterCursor(SORT_KEY, ID, page.cursor));
  let query = db.selectFrom('events').selectAll();
  for (const p of parts) query = query.where(p);
  const rows = await query
    .orderBy('events.last_seen', 'desc')
    .orderBy('events.id', 'desc')
    .limit(limit + 1)
    .offset(page.cursor ? 0 : (page.offset ?? 0))
    .execute();
  return toPage(rows, limit, (r) => [r.last_seen, r.id]);
}

export async function countEvents(db: Kysely<Database>, filters: EventFilters): Promise<number> {
  let query = db.selectFrom('events').select((eb) => eb.fn.countAll<number | string>().as('n'));
  for (const p of eventConditions(db, filters)) query = query.where(p);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}
