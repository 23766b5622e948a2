/**
 * What a board said, day by day, recomputed from the store's matched events: for every day the
 * update rule (log-odds.ts) as of that day, so decay, silence and resolutions apply as they would
 * have. Events carry their current credibility and origins (hindsight a replay does not have:
 * `vigie backtest` scores a replay instead). Then the board's scores over a period.
 * @module
 */
import { dayNumber, dayString } from '../dates.js';
import type { Db } from '../events/event-rows.js';
import type { Watchboard } from '../watchboards/board-schema.js';
import { loadMatchedEvents } from '../watchboards/board-matches.js';
import {
  boardResolutions,
  boardScorer,
  hypothesisKey,
  newsDays,
} from '../watchboards/score-boards.js';
import {
  scoreBoardForecasts,
  type BoardScores,
  type ScoredHypothesisInput,
} from './board-scores.js';
import type { ScorePeriod } from './forecast-scores.js';

/** At most this many days are recomputed per request (about three years). */
export const MAX_TRAJECTORY_DAYS = 1100;

export async function boardTrajectories(
  db: Db,
  board: Watchboard,
  period: ScorePeriod = {},
): Promise<ScoredHypothesisInput[]> {
  const news = await newsDays(db);
  const last = period.to ?? news.last;
  const observationStart = board.start ?? news.first;
  const first = period.from ?? observationStart;
  const resolutions = await boardResolutions(db, [board]);
  const base = board.hypotheses.map((h) => ({
    id: hypothesisKey(board.id, h.id),
    title: h.title,
    kind: h.kind,
    resolution: resolutions.get(hypothesisKey(board.id, h.id)) ?? null,
  }));
  if (!last || !first || first > last) return base.map((b) => ({ ...b, trajectory: [] }));
  const end = dayNumber(last)!;
  const start = Math.max(dayNumber(first)!, end - MAX_TRAJECTORY_DAYS + 1);
  const score = boardScorer(
    board,
    await loadMatchedEvents(db, board.id, last),
    news.first,
    resolutions,
  );
  return board.hypotheses.map((h, i) => {
    const trajectory = [];
    let previous: number | null = null;
    for (let d = start; d <= end; d++) {
      const day = dayString(d);
      const probability = score.probability(h, day);
      // Only the days the probability changes: the scorer holds a point until the next.
      if (probability !== previous) trajectory.push({ day, probability });
      previous = probability;
    }
    return { ...base[i]!, trajectory };
  });
}

export async function boardScores(
  db: Db,
  board: Watchboard,
  period: ScorePeriod = {},
): Promise<BoardScores & { readonly trajectories: readonly ScoredHypothesisInput[] }> {
  const trajectories = await boardTrajectories(db, board, period);
  return { ...scoreBoardForecasts(trajectories, period), trajectories };
}
