/**
 * Event counts per day for the trends chart: events by the day they were first reported,
 * optionally for one unordered actor pair and one type, with the mentions behind them.
 * @module
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../schema.js';
import { sinceBound, untilBound } from './keyset.js';

export interface ApiTrends {
  since: string | null;
  until: string | null;
  pair: [string, string] | null;
  type: string | null;
  days: { day: string; events: number; mentions: number }[];
  byType: { type: string; events: number }[];
  topPairs: { pair: [string, string]; events: number }[];
}

export async function computeApiTrends(
  db: Kysely<Database>,
  f: { since?: string; until?: string; pair?: [string, string]; type?: string },
): Promise<ApiTrends> {
  let q = db.selectFrom('events');
  if (f.since) q = q.where(sinceBound('events.first_seen', f.since));
  if (f.until) q = q.where(untilBound('events.first_seen', f.until));
  if (f.type) q = q.where('type', '=', f.type);
  if (f.pair) {
    const [a, b] = f.pair;
    q = q.where(
      sql<SqlBool>`((events.source_actor = ${a} AND coalesce(events.target_actor, events.source_actor) = ${b})
        OR (events.source_actor = ${b} AND coalesce(events.target_actor, events.source_actor) = ${a}))`,
    );
  }
  const dayExpr = sql<string>`substr(events.first_seen, 1, 10)`;
  const [days, byType, pairs] = await Promise.all([
    q
      .select([
        dayExpr.as('day'),
        sql<number | string>`count(*)`.as('events'),
        sql<number | string>`coalesce(sum(events.mention_count), 0)`.as('mentions'),
      ])
      .groupBy(dayExpr)
      .orderBy(dayExpr)
      .execute(),
    q
      .select(['type', sql<number | string>`count(*)`.as('events')])
      .groupBy('type')
      .orderBy(sql`count(*)`, 'desc')
      .orderBy('type')
      .execute(),
    q
      .select(['source_actor', 'target_actor', sql<number | string>`count(*)`.as('events')])
      .where('source_actor', 'is not', null)
      .where('target_actor', 'is not', null)
      .groupBy(['source_actor', 'target_actor'])
      .orderBy(sql`count(*)`, 'desc')
      .limit(40)
      .execute(),
  ]);
  const pairCounts = new Map<string, number>();
  for (const p of pairs) {
    const key = [p.source_actor!, p.target_actor!].sort().join('|');
    pairCounts.set(key, (pairCounts.get(key) ?? 0) + Number(p.events));
  }
  return {
    since: f.since ?? null,
    until: f.until ?? null,
    pair: f.pair ?? null,
    type: f.type ?? null,
    days: days.map((d) => ({ day: d.day, events: Number(d.events), mentions: Number(d.mentions) })),
    byType: byType.map((t) => ({ type: t.type, events: Number(t.events) })),
    topPairs: [...pairCounts]
      .map(([k, events]) => ({ pair: k.split('|') as [string, string], events }))
      .sort((x, y) => y.events - x.events || (x.pair.join() < y.pair.join() ? -1 : 1))
      .slice(0, 20),
  };
}
