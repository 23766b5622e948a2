/** Response shapes of watchboards, hypotheses, explanations, trends and the overview. */
import { z } from 'zod';
import { ResolutionSchema } from './scores.js';
import { AlertSchema, EventOriginsSchema, EventSchema, MentionInContextSchema } from './records.js';

export const TrajectoryPointSchema = z.object({ day: z.string(), probability: z.number() });

export const ChangeSchema = z
  .object({
    evidenceId: z.string(),
    at: z.string(),
    before: z.number(),
    after: z.number(),
    deltaLogOdds: z.number(),
    indicatorId: z.string(),
    indicatorTitle: z.string().nullable(),
    eventId: z.string().nullable(),
    reason: z.string(),
  })
  .meta({ id: 'Change' });

export const HypothesisCardSchema = z
  .object({
    id: z.string(),
    boardId: z.string(),
    title: z.string(),
    prior: z.number(),
    horizonDays: z.number().int().nullable(),
    probability: z.number(),
    updatedAt: z.string(),
    trajectory: z
      .array(TrajectoryPointSchema)
      .meta({ description: 'Probability at the end of each day' }),
    lastChange: ChangeSchema.nullable(),
  })
  .meta({ id: 'HypothesisCard' });

export const BoardSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    updatedAt: z.string(),
    hypotheses: z.array(z.object({ id: z.string(), title: z.string(), probability: z.number() })),
  })
  .meta({ id: 'BoardSummary' });

export const BoardSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    updatedAt: z.string(),
    asOf: z.string(),
    hypotheses: z.array(HypothesisCardSchema),
  })
  .meta({ id: 'Board' });

export const EvidenceItemSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    indicatorId: z.string(),
    indicatorTitle: z.string().nullable(),
    eventId: z.string().nullable(),
    event: EventSchema.nullable(),
    deltaLogOdds: z.number(),
    before: z.number(),
    after: z.number(),
    explanation: z.unknown(),
  })
  .meta({ id: 'EvidenceItem' });

export const HypothesisSchema = HypothesisCardSchema.extend({
  boardTitle: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), probability: z.number(), evidenceId: z.string() })),
  indicators: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      lrPresent: z.number(),
      lrAbsent: z.number().nullable(),
      criteria: z.unknown(),
      contribution: z.number().meta({ description: 'Sum of the log-odds steps it made' }),
      steps: z.number().int(),
    }),
  ),
  evidence: z.array(EvidenceItemSchema),
  resolution: ResolutionSchema.nullable().meta({
    description: 'How the question resolved (the record in force), or null while open',
  }),
  pendingDocuments: z.number().int().meta({
    description: 'Documents stored but not analysed yet: the probability does not count them',
  }),
}).meta({ id: 'Hypothesis' });

export const ExplanationSchema = z
  .object({
    hypothesisId: z.string(),
    title: z.string(),
    prior: z.number(),
    probability: z.number(),
    truncated: z.boolean(),
    steps: z.array(
      EvidenceItemSchema.extend({
        weight: z.number(),
        origins: EventOriginsSchema.nullable().meta({
          description: "The event's independent origins and the outlets that carried each",
        }),
        mentions: z.array(MentionInContextSchema),
      }),
    ),
  })
  .meta({ id: 'Explanation' });

export const TrendsSchema = z
  .object({
    since: z.string().nullable(),
    until: z.string().nullable(),
    pair: z.tuple([z.string(), z.string()]).nullable(),
    type: z.string().nullable(),
    days: z.array(
      z.object({ day: z.string(), events: z.number().int(), mentions: z.number().int() }),
    ),
    byType: z.array(z.object({ type: z.string(), events: z.number().int() })),
    topPairs: z.array(
      z.object({ pair: z.tuple([z.string(), z.string()]), events: z.number().int() }),
    ),
  })
  .meta({ id: 'Trends' });

export const ActivitySchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  totals: z.object({
    documents: z.number().int(),
    mentions: z.number().int(),
    events: z.number().int(),
  }),
  byLanguage: z.array(z.object({ lang: z.string(), documents: z.number().int() })),
  bySource: z.array(
    z.object({ sourceId: z.string().nullable(), name: z.string(), documents: z.number().int() }),
  ),
  byDay: z.array(z.object({ day: z.string(), documents: z.number().int() })),
});

export const OverviewSchema = z
  .object({
    generatedAt: z.string(),
    boards: z.array(BoardSchema),
    alerts: z.array(AlertSchema),
    unacknowledgedAlerts: z.number().int(),
    activity: ActivitySchema,
  })
  .meta({ id: 'Overview' });
