/**
 * Scores of a replayed board against known resolutions, split in time: the tune half (before
 * `heldFrom`, where priors, ratios and half-lives may be adjusted) and the held half (from
 * `heldFrom` on, reported and never tuned on).
 * @module
 */
import type { FileResolution, Watchboard } from '../watchboards/board-schema.js';
import { hypothesisKey } from '../watchboards/score-boards.js';
import {
  scoreBoardForecasts,
  type BoardScores,
  type ScoredHypothesisInput,
} from './board-scores.js';
import { dayNumber, dayString } from '../dates.js';

export interface BacktestPoint {
  readonly hypothesisId: string;
  /** YYYY-MM-DD */
  readonly at: string;
  readonly probability: number;
}

export interface BacktestScores {
  readonly heldFrom: string;
  readonly tune: BoardScores;
  readonly held: BoardScores;
  readonly inputs: readonly ScoredHypothesisInput[];
}

/** The day halfway between the first and the last point (the default split). */
export function midpoint(points: readonly BacktestPoint[]): string {
  let first = Infinity;
  let last = -Infinity;
  for (const p of points) {
    const d = dayNumber(p.at)!;
    first = Math.min(first, d);
    last = Math.max(last, d);
  }
  return dayString(Math.ceil((first + last) / 2));
}

export function scoreBacktest(
  board: Watchboard,
  points: readonly BacktestPoint[],
  resolutions: readonly FileResolution[],
  heldFrom: string = midpoint(points),
): BacktestScores {
  const inputs = board.hypotheses.map((h) => {
    const key = hypothesisKey(board.id, h.id);
    const r = resolutions.find((x) => x.hypothesis === h.id);
    return {
      id: key,
      title: h.title,
      kind: h.kind,
      trajectory: points
        .filter((p) => p.hypothesisId === key)
        .map((p) => ({ day: p.at, probability: p.probability })),
      resolution: r ? { outcome: r.outcome, date: r.date } : null,
    };
  });
  const tuneTo = dayString(dayNumber(heldFrom)! - 1);
  return {
    heldFrom,
    tune: scoreBoardForecasts(inputs, { to: tuneTo }),
    held: scoreBoardForecasts(inputs, { from: heldFrom }),
    inputs,
  };
}
