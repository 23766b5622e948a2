/**
 * Daily trend counts: for each unordered actor pair × event type × day, the number of distinct
 * events reported that day (an event with ten copies in one day counts once; an event still
 * reported the next day counts again). Solo types (tests, launches) use the pair (X, X);
 * events with an open role are left out. Kept in `trend_counts`, refreshed for touched days.
 * @module
 */
import { SOLO_TYPES, type EventType } from '../../domain/ontology.js';
import { dayNumber, dayString, mergeRanges } from '../dates.js';
import { chunks, type Db } from '../events/event-rows.js';

export function pairOf(
  type: string,
  source: string | null,
  target: string | null,
): [string, string] | null {
  if (SOLO_TYPES.has(type as EventType)) return source ? [source, source] : null;
  if (!source || !target) return null;
  return source <= target ? [source, target] : [target, source];
}

/** The days on which the given events have mentions. */
export async function daysOfEvents(db: Db, eventIds: readonly string[]): Promise<string[]> {
  const days = new Set<string>();
  for (const ids of chunks(eventIds)) {
    const rows = await db
      .selectFrom('mentions')
      .select('published')
      .where('event_id', 'in', ids)
      .execute();
    for (const r of rows) if (r.published) days.add(r.published.slice(0, 10));
  }
  return [...days].sort();
}

/** Recomputes trend_counts for these days from mentions and their events. */
export async function refreshTrendCounts(db: Db, days: readonly string[]): Promise<void> {
  const wanted = new Set(days);
  const ranges = mergeRanges(days.map((d) => dayNumber(d)!).map((n) => ({ start: n, end: n })));
  for (const part of chunks(days))
    await db.deleteFrom('trend_counts').where('day', 'in', part).execute();
  for (const r of ranges) {
    const rows = await db
      .selectFrom('mentions')
      .innerJoin('events', 'events.id', 'mentions.event_id')
      .select([
        'events.id as event_id',
        'events.type',
        'events.source_actor',
        'events.target_actor',
        'mentions.published',
      ])
      .where('mentions.published', '>=', dayString(r.start))
      .where('mentions.published', '<', dayString(r.end + 1))
      .execute();
    const seen = new Set<string>();
    const counts = new Map<
      string,
      { a: string; b: string; type: string; day: string; count: number }
    >();
    for (const row of rows) {
      const day = row.published!.slice(0, 10);
      if (!wanted.has(day)) continue;
      const pair = pairOf(row.type, row.source_actor, row.target_actor);
      if (!pair) continue;
      const once = `${row.event_id}|${day}`;
      if (seen.has(once)) continue;
      seen.add(once);
      const id = `${pair[0]}|${pair[1]}|${row.type}|${day}`;
      const c = counts.get(id) ?? { a: pair[0], b: pair[1], type: row.type, day, count: 0 };
      c.count++;
      counts.set(id, c);
    }
    const values = [...counts.entries()].map(([id, c]) => ({
      id,
      actor_a: c.a,
      actor_b: c.b,
      type: c.type,
      day: c.day,
      count: c.count,
    }));
    for (const part of chunks(values, 200))
      await db.insertInto('trend_counts').values(part).execute();
  }
}
