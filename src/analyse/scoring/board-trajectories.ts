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
import { indicatorKey, loadMatchedEvents } from '../watchboards/board-matches.js';
import { scoreHypothesis } from '../watchboards/log-odds.js';
import { boardResolutions, hypothesisKey, newsDays } from '../watchboards/score-boards.js';
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
  const { events, matches } = await loadMatchedEvents(db, board.id, last);
  // The scorer runs once a day over the same events: its matches are looked up in sets made
  // once, and it is given only the events some indicator of the hypothesis matches (the others
  // add nothing), already in its (day, id) order so its sort has nothing to move.
  const ordered = [...events].sort((a, b) =>
    a.day < b.day ? -1 : a.day > b.day ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  return board.hypotheses.map((h, i) => {
    const byIndicator = new Map(
      h.indicators.map((ind) => {
        const key = indicatorKey(board.id, h.id, ind.id);
        return [
          ind.id,
          new Set(ordered.filter((e) => matches.get(e.id)?.has(key)).map((e) => e.id)),
        ];
      }),
    );
    const matcher = (ind: { id: string }, e: { id: string }) =>
      byIndicator.get(ind.id)?.has(e.id) ?? false;
    const relevant = ordered.filter((e) => h.indicators.some((ind) => matcher(ind, e)));
    const trajectory = [];
    let previous: number | null = null;
    for (let d = start; d <= end; d++) {
      const day = dayString(d);
      const { probability } = scoreHypothesis(
        h,
        relevant,
        {
          asOf: day,
          halfLifeDays: board.halfLifeDays,
          observationStart,
          resolution: base[i]!.resolution,
        },
        matcher,
      );
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
