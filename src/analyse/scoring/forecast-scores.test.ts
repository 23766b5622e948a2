import { describe, expect, it } from 'vitest';
import { scoreBoardForecasts } from './board-scores.js';
import {
  calibrationTable,
  dailyProbabilities,
  scoreHypothesisForecasts,
} from './forecast-scores.js';

// 0.2 from Jan 1, 0.8 from Jan 5; the question resolves on Jan 8, so Jan 1–7 are scored:
// four days at 0.2, three at 0.8.
const STEP = [
  { day: '2024-01-01', probability: 0.2 },
  { day: '2024-01-05', probability: 0.8 },
];

describe('forecast scores', () => {
  it('holds the earlier point between two points', () => {
    expect(dailyProbabilities(STEP, '2024-01-03', '2024-01-06').map((d) => d.probability)).toEqual([
      0.2, 0.2, 0.8, 0.8,
    ]);
  });

  it('true outcome: time-averaged Brier, log score, lead time', () => {
    const s = scoreHypothesisForecasts(STEP, { outcome: true, date: '2024-01-08' })!;
    expect(s.days).toBe(7);
    expect(s.brier).toBeCloseTo((4 * 0.64 + 3 * 0.04) / 7, 12);
    expect(s.logScore).toBeCloseTo((4 * Math.log(0.2) + 3 * Math.log(0.8)) / 7, 12);
    expect(s.warnedFrom).toBe('2024-01-05');
    expect(s.leadDays).toBe(3);
    expect(s.falseAlarmDays).toBeNull();
    expect(s.brierAt[30]).toBeNull();
  });

  it('false outcome: Brier and false-alarm days above 0.7', () => {
    const s = scoreHypothesisForecasts(STEP, { outcome: false, date: '2024-01-08' })!;
    expect(s.brier).toBeCloseTo((4 * 0.04 + 3 * 0.64) / 7, 12);
    expect(s.falseAlarmDays).toBe(3);
    expect(s.leadDays).toBeNull();
  });

  it('a warning counts from the last crossing that stayed above 0.7', () => {
    const s = scoreHypothesisForecasts(
      [
        { day: '2024-01-01', probability: 0.8 },
        { day: '2024-01-03', probability: 0.5 },
        { day: '2024-01-05', probability: 0.9 },
      ],
      { outcome: true, date: '2024-01-10' },
    )!;
    expect(s.warnedFrom).toBe('2024-01-05');
    expect(s.leadDays).toBe(5);
    const never = scoreHypothesisForecasts(STEP.slice(0, 1), {
      outcome: true,
      date: '2024-01-10',
    })!;
    expect(never.leadDays).toBeNull();
  });

  it('Brier at lead times, and a period restricts the scored days', () => {
    const s = scoreHypothesisForecasts(STEP, { outcome: true, date: '2024-02-04' })!;
    // 30 days before Feb 4 is Jan 5 (0.8): (0.8 − 1)² = 0.04; 90 and 180 days are unscored.
    expect(s.brierAt[30]).toBeCloseTo(0.04, 12);
    expect(s.brierAt[90]).toBeNull();
    const held = scoreHypothesisForecasts(
      STEP,
      { outcome: true, date: '2024-01-08' },
      { from: '2024-01-05' },
    )!;
    expect(held.days).toBe(3);
    expect(held.brier).toBeCloseTo(0.04, 12);
    expect(
      scoreHypothesisForecasts(STEP, { outcome: true, date: '2024-01-08' }, { from: '2024-02-01' }),
    ).toBeNull();
  });

  it('calibration: forecasts bucketed by tenths against the observed frequency', () => {
    const t = calibrationTable([
      { daily: [0.05, 0.15, 0.95].map((p) => ({ day: 'd', probability: p })), outcome: true },
      { daily: [0.05, 1].map((p) => ({ day: 'd', probability: p })), outcome: false },
    ]);
    expect(t).toHaveLength(10);
    expect(t[0]).toEqual({ from: 0, to: 0.1, forecasts: 2, meanForecast: 0.05, observed: 0.5 });
    expect(t[1]!.observed).toBe(1);
    expect(t[5]!.forecasts).toBe(0);
    expect(t[5]!.observed).toBeNull();
    expect(t[9]!.forecasts).toBe(2);
    expect(t[9]!.meanForecast).toBeCloseTo(0.975, 12);
  });

  it('board: mean Brier over resolved hypotheses and the warning targets', () => {
    const b = scoreBoardForecasts([
      {
        id: 'b/t',
        title: 'T',
        kind: 'occurrence',
        trajectory: STEP,
        resolution: { outcome: true, date: '2024-01-08' },
      },
      {
        id: 'b/f',
        title: 'F',
        kind: 'window',
        trajectory: STEP,
        resolution: { outcome: false, date: '2024-01-08' },
      },
      { id: 'b/u', title: 'U', kind: 'window', trajectory: STEP, resolution: null },
    ]);
    expect(b.scored).toBe(2);
    expect(b.brier).toBeCloseTo((2.68 / 7 + 2.08 / 7) / 2, 12);
    expect(b.warnedInTime).toEqual({ count: 1, of: 1 });
    expect(b.longFalseAlarms).toBe(0);
    expect(b.targetsMet).toEqual({ brier: false, warnedInTime: true, falseAlarms: true });
    expect(b.calibration.reduce((n, x) => n + x.forecasts, 0)).toBe(14);
  });
});
