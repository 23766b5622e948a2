/** Response shape of a board's scores (src/analyse/scoring). */
import { z } from 'zod';

/** A resolution record (src/store/resolutions-repo.ts). */
export const ResolutionSchema = z
  .object({
    hypothesisId: z.string(),
    boardId: z.string(),
    outcome: z.boolean(),
    date: z.string(),
    source: z.string(),
    note: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: 'Resolution' });

const OutcomeSchema = z.object({ outcome: z.boolean(), date: z.string() });
const Nullable = z.number().nullable();

export const HypothesisScoresSchema = z
  .object({
    outcome: z.boolean(),
    resolvedOn: z.string(),
    days: z.number().int(),
    brier: z.number(),
    brierAt: z.object({ 30: Nullable, 90: Nullable, 180: Nullable }),
    logScore: z.number(),
    warnedFrom: z.string().nullable(),
    leadDays: z.number().int().nullable(),
    falseAlarmDays: z.number().int().nullable(),
  })
  .meta({ id: 'HypothesisScores' });

export const BoardScoresSchema = z
  .object({
    boardId: z.string(),
    title: z.string(),
    period: z.object({ from: z.string().optional(), to: z.string().optional() }),
    hypotheses: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.string(),
        resolution: OutcomeSchema.nullable(),
        scores: HypothesisScoresSchema.nullable(),
      }),
    ),
    scored: z.number().int(),
    brier: Nullable,
    logScore: Nullable,
    warnedInTime: z.object({ count: z.number().int(), of: z.number().int() }),
    longFalseAlarms: z.number().int(),
    targetsMet: z.object({
      brier: z.boolean(),
      warnedInTime: z.boolean(),
      falseAlarms: z.boolean(),
    }),
    calibration: z.array(
      z.object({
        from: z.number(),
        to: z.number(),
        forecasts: z.number().int(),
        meanForecast: Nullable,
        observed: Nullable,
      }),
    ),
    trajectories: z
      .array(
        z.object({
          id: z.string(),
          trajectory: z.array(z.object({ day: z.string(), probability: z.number() })),
        }),
      )
      .meta({ description: 'Daily probability of each hypothesis (only the days it changed)' }),
    pendingDocuments: z.number().int(),
  })
  .meta({ id: 'BoardScores' });
