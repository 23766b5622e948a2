/**
 * A replay's days without documents, scored in memory. On such a day only the clock moves: the
 * events, their matches, the resolutions and the first news day are those the last document day
 * left in the store, so each hypothesis is the update rule as of the day (`boardScorer`, as
 * `scoreBoards` computes it) and its change is measured against the day before, held here
 * instead of re-read from the store. Rewriting every hypothesis's evidence in the store each
 * quiet day was most of a backtest's time; here the store is brought once, by `scoreBoards`
 * itself, to the state of the run's last quiet day, which is all the next document day reads
 * (and what a scratch file keeps at the end).
 * @module
 */
import type { HypothesisChange } from '../../domain/signals.js';
import { VigieError } from '../../domain/errors.js';
import type { Store } from '../../store/open-store.js';
import type { Db } from '../events/event-rows.js';
import type { Watchboard } from '../watchboards/board-schema.js';
import { loadMatchedEvents } from '../watchboards/board-matches.js';
import {
  boardResolutions,
  boardScorer,
  evidenceId,
  hypothesisChange,
  hypothesisKey,
  newsDays,
  scoreBoards,
  storedScores,
} from '../watchboards/score-boards.js';

export interface ScoredDay {
  /** YYYY-MM-DD */
  readonly day: string;
  /** Hypothesis key → probability at the end of the day. */
  readonly probabilities: ReadonlyMap<string, number>;
  readonly changes: readonly HypothesisChange[];
}

/** The time a replay gives a day's analysis: its last millisecond. */
export function endOfDay(day: string): string {
  return `${day}T23:59:59.000Z`;
}

/** The board's stored probabilities, by hypothesis key. */
export async function storedProbabilities(db: Db, board: Watchboard): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('hypotheses')
    .select(['id', 'probability'])
    .where('board_id', '=', board.id)
    .execute();
  return new Map(rows.map((r) => [r.id, r.probability]));
}

/**
 * Scores consecutive days without documents (in order), leaving the store as scoring each of
 * them in turn would. A single day is simply scored in the store.
 */
export async function scoreQuietDays(
  store: Store,
  board: Watchboard,
  days: readonly string[],
): Promise<ScoredDay[]> {
  const last = days[days.length - 1];
  if (last === undefined) return [];
  if (days.length === 1) {
    const changes = await scoreBoards(store, [board], {
      asOf: last,
      now: endOfDay(last),
      changedEventIds: [],
    });
    return [{ day: last, probabilities: await storedProbabilities(store.db, board), changes }];
  }
  const out = await scoreInMemory(store.db, board, days);
  // The stored state of the last day; its changes are against the state before the run, not
  // against the day before, so they are the in-memory ones above.
  await scoreBoards(store, [board], { asOf: last, now: endOfDay(last), changedEventIds: [] });
  const stored = await storedProbabilities(store.db, board);
  const held = out[out.length - 1]!.probabilities;
  for (const [key, p] of held) {
    if (stored.get(key) !== p)
      throw new VigieError(
        'VIGIE_STORE_FAILED',
        `replay: ${key} on ${last} is ${stored.get(key)} in the store but ${p} in memory`,
      );
  }
  return out;
}

async function scoreInMemory(
  db: Db,
  board: Watchboard,
  days: readonly string[],
): Promise<ScoredDay[]> {
  const last = days[days.length - 1]!;
  const score = boardScorer(
    board,
    await loadMatchedEvents(db, board.id, last),
    (await newsDays(db)).first,
    await boardResolutions(db, [board]),
  );
  const keys = board.hypotheses.map((h) => hypothesisKey(board.id, h.id));
  const { probability, evidence } = await storedScores(db, keys);
  const out: ScoredDay[] = [];
  for (const day of days) {
    const changes: HypothesisChange[] = [];
    const probabilities = new Map<string, number>();
    board.hypotheses.forEach((h, i) => {
      const key = keys[i]!;
      const result = score(h, day);
      const ids = result.steps.map((s) => evidenceId(key, s));
      const before = probability.get(key) ?? h.prior;
      const change = hypothesisChange(
        board,
        h,
        { before, after: result.probability, asOf: day },
        ids,
        evidence.get(key) ?? new Set(),
      );
      if (change) changes.push(change);
      probability.set(key, result.probability);
      probabilities.set(key, result.probability);
      evidence.set(key, new Set(ids));
    });
    out.push({ day, probabilities, changes });
  }
  return out;
}
