/**
 * The watchboard match table (`board_matches`): which events meet which indicator. Rebuilt for a
 * board when its criteria change (or when the caller cannot say which events changed), otherwise
 * updated only for the events an analysis run created, changed or deleted. Scoring reads the
 * matched events from it instead of rescanning every event and its sentences.
 * @module
 */
import { chunks, type Db } from '../events/event-rows.js';
import type { Watchboard } from './board-schema.js';
import { boardEventOf, loadBoardEvents } from './board-events.js';
import { matchesIndicator, type BoardEvent } from './match-indicator.js';

const STATE_PREFIX = 'board-matches/';

/** Full hypothesis key as stored in `hypotheses.id`. */
export function hypothesisKey(boardId: string, hypothesisId: string): string {
  return `${boardId}/${hypothesisId}`;
}

/** Full indicator key as stored in `indicators.id`. */
export function indicatorKey(boardId: string, hypothesisId: string, indicatorId: string): string {
  return `${boardId}/${hypothesisId}/${indicatorId}`;
}

/** What the stored matches depend on: the indicators' ids and criteria. */
function signature(board: Watchboard): string {
  return JSON.stringify(
    board.hypotheses.map((h) => [h.id, h.indicators.map((i) => [i.id, i.match])]),
  );
}

/**
 * Brings `board_matches` up to date. `changedEventIds` undefined: rebuild every board's
 * matches from scratch. Returns, per board, the indicator keys that gained, lost or kept a
 * changed event (`null` after a rebuild: all of them).
 */
export async function refreshBoardMatches(
  db: Db,
  boards: readonly Watchboard[],
  changedEventIds: readonly string[] | undefined,
  now: string,
): Promise<Map<string, ReadonlySet<string> | null>> {
  const out = new Map<string, ReadonlySet<string> | null>();
  for (const board of boards) {
    const key = `${STATE_PREFIX}${board.id}`;
    const sig = signature(board);
    const state = await db
      .selectFrom('analysis_state')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    if (changedEventIds === undefined || state?.value !== sig) {
      await db.deleteFrom('board_matches').where('board_id', '=', board.id).execute();
      await insertMatches(db, board, await loadBoardEvents(db, [board], null));
      await db
        .insertInto('analysis_state')
        .values({ key, value: sig, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: sig, updated_at: now }))
        .execute();
      out.set(board.id, null);
      continue;
    }
    const ids = [...new Set(changedEventIds)];
    const touched = new Set<string>();
    for (const part of chunks(ids)) {
      const before = await db
        .selectFrom('board_matches')
        .select('indicator_id')
        .where('board_id', '=', board.id)
        .where('event_id', 'in', part)
        .execute();
      for (const r of before) touched.add(r.indicator_id);
      await db
        .deleteFrom('board_matches')
        .where('board_id', '=', board.id)
        .where('event_id', 'in', part)
        .execute();
    }
    if (ids.length > 0) {
      const added = await insertMatches(db, board, await loadBoardEvents(db, [board], null, ids));
      for (const i of added) touched.add(i);
    }
    out.set(board.id, touched);
  }
  return out;
}

/** Forgets every board's matches, so the next scoring rebuilds them (after events are rebuilt). */
export async function invalidateBoardMatches(db: Db): Promise<void> {
  await db.deleteFrom('analysis_state').where('key', 'like', `${STATE_PREFIX}%`).execute();
}

/** Inserts the events' match rows; returns the indicator keys that matched. */
async function insertMatches(
  db: Db,
  board: Watchboard,
  events: readonly BoardEvent[],
): Promise<Set<string>> {
  const rows: { id: string; board_id: string; indicator_id: string; event_id: string }[] = [];
  for (const e of events) {
    for (const h of board.hypotheses) {
      for (const i of h.indicators) {
        if (!matchesIndicator(i.match, e)) continue;
        const indicator = indicatorKey(board.id, h.id, i.id);
        rows.push({
          id: `${indicator}|${e.id}`,
          board_id: board.id,
          indicator_id: indicator,
          event_id: e.id,
        });
      }
    }
  }
  for (const part of chunks(rows, 200)) await db.insertInto('board_matches').values(part).execute();
  return new Set(rows.map((r) => r.indicator_id));
}

export interface MatchedEvents {
  readonly events: BoardEvent[];
  /** Event id → indicator keys it meets. */
  readonly matches: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The board's matched events first reported on or before `asOf`, with their indicators. */
export async function loadMatchedEvents(
  db: Db,
  boardId: string,
  asOf: string,
): Promise<MatchedEvents> {
  const rows = await db
    .selectFrom('board_matches')
    .innerJoin('events', 'events.id', 'board_matches.event_id')
    .select([
      'board_matches.indicator_id',
      'events.id',
      'events.type',
      'events.source_actor',
      'events.target_actor',
      'events.capabilities',
      'events.modality',
      'events.credibility',
      'events.independent_sources',
      'events.first_seen',
      'events.date',
    ])
    .where('board_matches.board_id', '=', boardId)
    .where('events.first_seen', '<', `${asOf}~`)
    .execute();
  const events = new Map<string, BoardEvent>();
  const matches = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!events.has(r.id)) {
      events.set(r.id, boardEventOf(r));
      matches.set(r.id, new Set());
    }
    matches.get(r.id)!.add(r.indicator_id);
  }
  return { events: [...events.values()], matches };
}
