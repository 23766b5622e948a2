/**
 * Scores of a hypothesis's forecasts against how it resolved (docs/scoring.md), pure functions.
 * A trajectory is the probability the board gave at the end of each day; between two points the
 * earlier one holds. The scored days are those strictly before the resolution day (on that day
 * the answer is known), inside the optional period.
 * @module
 */
import { dayNumber, dayString } from '../dates.js';

export interface TrajectoryPoint {
  /** YYYY-MM-DD */
  readonly day: string;
  readonly probability: number;
}

export interface Outcome {
  readonly outcome: boolean;
  /** YYYY-MM-DD: the day the question was settled. */
  readonly date: string;
}

export interface ScorePeriod {
  /** First scored day (YYYY-MM-DD), inclusive. */
  readonly from?: string;
  /** Last scored day, inclusive. */
  readonly to?: string;
}

export const WARNING_THRESHOLD = 0.7;
export const LEAD_TIMES = [30, 90, 180] as const;

export interface HypothesisScores {
  readonly outcome: boolean;
  readonly resolvedOn: string;
  /** Days scored. */
  readonly days: number;
  /** Mean over the scored days of (p − o)². */
  readonly brier: number;
  /** (p − o)² on the day 30, 90 and 180 days before resolution; null when that day is not scored. */
  readonly brierAt: Readonly<Record<(typeof LEAD_TIMES)[number], number | null>>;
  /** Mean over the scored days of ln(probability given to what happened); 0 is perfect. */
  readonly logScore: number;
  /** True outcomes: the first day above 0.7 that stayed above until resolution, or null. */
  readonly warnedFrom: string | null;
  /** Days from `warnedFrom` to the resolution (> 0: warned before the confirmation). */
  readonly leadDays: number | null;
  /** False outcomes: scored days above 0.7. */
  readonly falseAlarmDays: number | null;
}

/** Probabilities are clipped so a confident miss costs a large but finite log score. */
const CLIP = 1e-4;

/** The probability held on each day from `first` to `last` (inclusive), the earlier point holding. */
export function dailyProbabilities(
  points: readonly TrajectoryPoint[],
  first: string,
  last: string,
): { day: string; probability: number }[] {
  const sorted = [...points].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const out: { day: string; probability: number }[] = [];
  const end = dayNumber(last)!;
  let i = 0;
  let current: number | null = null;
  for (let d = dayNumber(first)!; d <= end; d++) {
    const day = dayString(d);
    while (i < sorted.length && sorted[i]!.day <= day) current = sorted[i++]!.probability;
    if (current !== null) out.push({ day, probability: current });
  }
  return out;
}

/** The days scored for a resolved hypothesis: before its resolution day, inside the period. */
export function scoredDays(
  points: readonly TrajectoryPoint[],
  resolution: Outcome,
  period: ScorePeriod = {},
): TrajectoryPoint[] {
  if (points.length === 0) return [];
  const firstPoint = points.reduce((a, b) => (b.day < a.day ? b : a)).day;
  const dayBefore = dayString(dayNumber(resolution.date)! - 1);
  const first = period.from && period.from > firstPoint ? period.from : firstPoint;
  const last = period.to && period.to < dayBefore ? period.to : dayBefore;
  if (first > last) return [];
  return dailyProbabilities(points, firstPoint, last).filter((d) => d.day >= first);
}

/** Scores one resolved hypothesis; null when no day of its trajectory falls in the period. */
export function scoreHypothesisForecasts(
  points: readonly TrajectoryPoint[],
  resolution: Outcome,
  period: ScorePeriod = {},
): HypothesisScores | null {
  const daily = scoredDays(points, resolution, period);
  if (daily.length === 0) return null;
  const o = resolution.outcome ? 1 : 0;
  const brier = mean(daily.map((d) => (d.probability - o) ** 2));
  const logScore = mean(
    daily.map((d) => Math.log(clip(resolution.outcome ? d.probability : 1 - d.probability))),
  );
  const byDay = new Map(daily.map((d) => [d.day, d.probability]));
  const at = (lead: number) => {
    const p = byDay.get(dayString(dayNumber(resolution.date)! - lead));
    return p === undefined ? null : (p - o) ** 2;
  };
  let warnedFrom: string | null = null;
  if (resolution.outcome) {
    for (let i = daily.length - 1; i >= 0 && daily[i]!.probability > WARNING_THRESHOLD; i--)
      warnedFrom = daily[i]!.day;
  }
  return {
    outcome: resolution.outcome,
    resolvedOn: resolution.date,
    days: daily.length,
    brier,
    brierAt: { 30: at(30), 90: at(90), 180: at(180) },
    logScore,
    warnedFrom,
    leadDays: warnedFrom === null ? null : dayNumber(resolution.date)! - dayNumber(warnedFrom)!,
    falseAlarmDays: resolution.outcome
      ? null
      : daily.filter((d) => d.probability > WARNING_THRESHOLD).length,
  };
}

export interface CalibrationBucket {
  /** Inclusive lower and exclusive upper forecast bound (the last bucket includes 1). */
  readonly from: number;
  readonly to: number;
  /** Hypothesis-days whose forecast fell in the bucket. */
  readonly forecasts: number;
  readonly meanForecast: number | null;
  /** Share of those forecasts whose hypothesis resolved true. */
  readonly observed: number | null;
}

/** Ten buckets of forecast probability against the observed frequency of a true outcome. */
export function calibrationTable(
  series: readonly { readonly daily: readonly TrajectoryPoint[]; readonly outcome: boolean }[],
  buckets = 10,
): CalibrationBucket[] {
  const sums = Array.from({ length: buckets }, () => ({ n: 0, p: 0, hits: 0 }));
  for (const s of series) {
    for (const d of s.daily) {
      const b = sums[Math.min(buckets - 1, Math.floor(d.probability * buckets))]!;
      b.n += 1;
      b.p += d.probability;
      if (s.outcome) b.hits += 1;
    }
  }
  return sums.map((b, i) => ({
    from: i / buckets,
    to: (i + 1) / buckets,
    forecasts: b.n,
    meanForecast: b.n > 0 ? b.p / b.n : null,
    observed: b.n > 0 ? b.hits / b.n : null,
  }));
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function clip(p: number): number {
  return Math.min(1 - CLIP, Math.max(CLIP, p));
}
