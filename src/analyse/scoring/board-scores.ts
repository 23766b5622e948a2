/**
 * A board's scores over a period: each resolved hypothesis scored (forecast-scores.ts), the
 * board's time-averaged Brier over them, the warning targets, and the calibration table.
 * @module
 */
import {
  calibrationTable,
  mean,
  scoredDays,
  scoreHypothesisForecasts,
  type CalibrationBucket,
  type HypothesisScores,
  type Outcome,
  type ScorePeriod,
  type TrajectoryPoint,
} from './forecast-scores.js';

export interface ScoredHypothesisInput {
  /** `board/hypothesis` */
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly trajectory: readonly TrajectoryPoint[];
  readonly resolution: Outcome | null;
}

export interface ScoredHypothesis {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly resolution: Outcome | null;
  /** Null when unresolved or when no scored day falls in the period. */
  readonly scores: HypothesisScores | null;
}

/** The done-when targets. */
export const TARGETS = { brier: 0.15, falseAlarmDays: 30 } as const;

export interface BoardScores {
  readonly period: ScorePeriod;
  readonly hypotheses: readonly ScoredHypothesis[];
  /** Hypotheses with scores in the period. */
  readonly scored: number;
  /** Mean of their time-averaged Brier scores (each hypothesis weighs the same); null if none. */
  readonly brier: number | null;
  readonly logScore: number | null;
  /** True ones above 0.7 (and staying) before their resolution, out of the true ones scored. */
  readonly warnedInTime: { readonly count: number; readonly of: number };
  /** False ones above 0.7 for more than 30 days. */
  readonly longFalseAlarms: number;
  readonly targetsMet: {
    readonly brier: boolean;
    readonly warnedInTime: boolean;
    readonly falseAlarms: boolean;
  };
  readonly calibration: readonly CalibrationBucket[];
}

export function scoreBoardForecasts(
  inputs: readonly ScoredHypothesisInput[],
  period: ScorePeriod = {},
): BoardScores {
  const hypotheses = inputs.map((h) => ({
    id: h.id,
    title: h.title,
    kind: h.kind,
    resolution: h.resolution,
    scores: h.resolution ? scoreHypothesisForecasts(h.trajectory, h.resolution, period) : null,
  }));
  const scored = hypotheses.filter((h) => h.scores !== null).map((h) => h.scores!);
  const trueOnes = scored.filter((s) => s.outcome);
  const warned = trueOnes.filter((s) => s.leadDays !== null && s.leadDays > 0).length;
  const longFalseAlarms = scored.filter(
    (s) => !s.outcome && (s.falseAlarmDays ?? 0) > TARGETS.falseAlarmDays,
  ).length;
  const brier = scored.length > 0 ? mean(scored.map((s) => s.brier)) : null;
  return {
    period,
    hypotheses,
    scored: scored.length,
    brier,
    logScore: scored.length > 0 ? mean(scored.map((s) => s.logScore)) : null,
    warnedInTime: { count: warned, of: trueOnes.length },
    longFalseAlarms,
    targetsMet: {
      brier: brier !== null && brier <= TARGETS.brier,
      warnedInTime: warned === trueOnes.length,
      falseAlarms: longFalseAlarms === 0,
    },
    calibration: calibrationTable(
      inputs
        .filter((h) => h.resolution)
        .map((h) => ({
          daily: scoredDays(h.trajectory, h.resolution!, period),
          outcome: h.resolution!.outcome,
        })),
    ),
  };
}
