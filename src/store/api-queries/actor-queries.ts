/**
 * Actors as the API shows them: the actor codes seen in events (for autocomplete) and one actor's
 * events by month, type and partner. Counts come from GROUP BY on the actor-role indexes, so an
 * actor page reads its own events only.
 * @module
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../schema.js';
import { sinceBound, untilBound } from './keyset.js';

export interface ApiActorCount {
  code: string;
  events: number;
}

/** Codes that start with `prefix` (case-insensitive), most events first. */
export async function listApiActors(
  db: Kysely<Database>,
  prefix: string,
  limit: number,
): Promise<ApiActorCount[]> {
  const like = `${prefix.toUpperCase().replace(/[%_\\]/g, '')}%`;
  const rows = await sql<{ code: string; n: number | string }>`
    SELECT code, SUM(n) AS n FROM (
      SELECT source_actor AS code, COUNT(*) AS n FROM events
        WHERE source_actor LIKE ${like} GROUP BY source_actor
      UNION ALL
      SELECT target_actor AS code, COUNT(*) AS n FROM events
        WHERE target_actor LIKE ${like} GROUP BY target_actor
    ) AS roles
    GROUP BY code ORDER BY SUM(n) DESC, code LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => ({ code: r.code, events: Number(r.n) }));
}

export interface ApiActorPeriod {
  /** `YYYY-MM` of the event date, or of its first sighting when undated. */
  month: string;
  type: string;
  /** The other actor of the event; null when the event has one actor. */
  partner: string | null;
  events: number;
}

export interface ApiActor {
  code: string;
  events: number;
  byType: { type: string; events: number }[];
  byPartner: { partner: string | null; events: number }[];
  periods: ApiActorPeriod[];
}

/** At most this many (month, type, partner) cells: years of a busy actor stay readable. */
const MAX_CELLS = 5000;

/** One actor's events by month, type and partner; null when no event names the actor. */
export async function getApiActor(
  db: Kysely<Database>,
  code: string,
  f: { since?: string | undefined; until?: string | undefined },
): Promise<ApiActor | null> {
  const range: RawBuilder<SqlBool>[] = [];
  if (f.since) range.push(sinceBound('last_seen', f.since));
  if (f.until) range.push(untilBound('first_seen', f.until));
  const where = (role: RawBuilder<SqlBool>) => sql.join([role, ...range], sql` AND `);
  // Two branches instead of "source = code OR target = code": each reads one covering index
  // (migration 0120) and never the events' rows. An event naming the actor twice counts once.
  const { rows } = await sql<{
    month: string;
    type: string;
    partner: string | null;
    n: number | string;
  }>`
    SELECT month, type, partner, COUNT(*) AS n FROM (
      SELECT substr(coalesce(date, first_seen), 1, 7) AS month, type, target_actor AS partner
        FROM events WHERE ${where(sql<SqlBool>`source_actor = ${code}`)}
      UNION ALL
      SELECT substr(coalesce(date, first_seen), 1, 7) AS month, type, source_actor AS partner
        FROM events
        WHERE ${where(sql<SqlBool>`target_actor = ${code} AND (source_actor IS NULL OR source_actor <> ${code})`)}
    ) AS roles
    GROUP BY month, type, partner ORDER BY month, type LIMIT ${MAX_CELLS}`.execute(db);
  if (rows.length === 0) {
    const any = await db
      .selectFrom('events')
      .select('id')
      .where(sql<SqlBool>`(events.source_actor = ${code} OR events.target_actor = ${code})`)
      .limit(1)
      .executeTakeFirst();
    if (!any) return null;
  }
  const periods = rows.map((r) => ({
    month: r.month,
    type: r.type,
    partner: r.partner,
    events: Number(r.n),
  }));
  return {
    code,
    events: periods.reduce((s, p) => s + p.events, 0),
    byType: totals(periods, (p) => p.type).map(([type, events]) => ({ type, events })),
    byPartner: totals(periods, (p) => p.partner).map(([partner, events]) => ({ partner, events })),
    periods,
  };
}

function totals<K>(
  periods: readonly ApiActorPeriod[],
  keyOf: (p: ApiActorPeriod) => K,
): [K, number][] {
  const m = new Map<K, number>();
  for (const p of periods) m.set(keyOf(p), (m.get(keyOf(p)) ?? 0) + p.events);
  return [...m].sort((a, b) => b[1] - a[1]);
}
