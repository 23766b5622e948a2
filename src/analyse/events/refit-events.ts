/**
 * Events that lost members outside event resolution (an analyst corrected or rejected one of
 * their mentions): each is rebuilt from the mentions it still holds, in canonical order, and
 * re-assessed; an event left with none is deleted. Trend counts of the days involved are redone.
 * @module
 */
import { appendAll } from '../../domain/append-all.js';
import { assessEvents } from '../credibility/assess-events.js';
import { daysOfEvents, refreshTrendCounts } from '../trends/trend-counts.js';
import { absorb, canonicalKey, newEventState, type MentionInput } from './event-state.js';
import {
  chunks,
  MENTION_COLUMNS,
  toMentionInput,
  writeEventStates,
  type Db,
} from './event-rows.js';

export interface RefitResult {
  /** Events rebuilt from their remaining mentions. */
  readonly refitted: readonly string[];
  /** Events removed: no mention left. */
  readonly deleted: readonly string[];
}

/** Rebuilds these events from their current members; `days` are further trend days to redo. */
export async function refitEvents(
  db: Db,
  eventIds: readonly string[],
  now: string,
  days: readonly string[] = [],
): Promise<RefitResult> {
  const ids = [...new Set(eventIds)].sort();
  const members: MentionInput[] = [];
  const eventOf = new Map<string, string>();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom('mentions')
      .select(MENTION_COLUMNS)
      .where('event_id', 'in', part)
      .execute();
    for (const r of rows) eventOf.set(r.id, r.event_id!);
    appendAll(members, rows.map(toMentionInput));
  }
  members.sort((a, b) => (canonicalKey(a) < canonicalKey(b) ? -1 : 1));
  const refitted: string[] = [];
  const deleted: string[] = [];
  for (const id of ids) {
    const own = members.filter((m) => eventOf.get(m.id) === id);
    if (own.length === 0) {
      deleted.push(id);
      continue;
    }
    const state = newEventState(id, own[0]!);
    for (const m of own.slice(1)) absorb(state, m);
    await writeEventStates(db, [state], now);
    refitted.push(id);
  }
  for (const part of chunks(deleted))
    await db.deleteFrom('events').where('id', 'in', part).execute();
  await assessEvents(db, refitted, now);
  const trendDays = new Set([...(await daysOfEvents(db, refitted)), ...days]);
  if (trendDays.size > 0) await refreshTrendCounts(db, [...trendDays].sort());
  return { refitted, deleted };
}
