/** Response shapes of source track records and grades (src/analyse/sources, docs/source-grades.md). */
import { z } from 'zod';
import { MessageSchema, ReliabilitySchema } from './common.js';

const Count = z.number().int().min(0);

export const ClaimOutcomeSchema = z
  .object({
    eventId: z.string(),
    eventType: z.string(),
    firstReported: z.string(),
    status: z.enum(['confirmed', 'contradicted', 'open', 'late']),
    by: z.enum(['resolution', 'corroboration']).nullable(),
    hypothesisId: z.string().nullable(),
    leadDays: z
      .number()
      .nullable()
      .meta({ description: 'Days before the first other origin (negative: after)' }),
  })
  .strict()
  .meta({ id: 'ClaimOutcome' });

export const GradeSuggestionSchema = z
  .object({
    current: z.string(),
    suggested: ReliabilitySchema,
    change: z.boolean(),
    resolved: Count,
    rate: z.number().min(0).max(1).nullable(),
    lowerBound: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .meta({ description: '95 % Wilson lower bound of the confirmed share' }),
    reasons: z.array(z.string()),
    reasonMessages: z
      .array(MessageSchema)
      .meta({ description: 'The same reasons as messages, to word in another language' }),
  })
  .strict()
  .meta({ id: 'GradeSuggestion' });

export const TrackRecordSchema = z
  .object({
    source: z
      .object({
        id: z
          .string()
          .meta({ description: 'A source id, or `outlet:NAME` for an outlet of ingested files' }),
        name: z.string(),
        kind: z.string(),
        reliability: z.string(),
        registered: z.boolean().meta({
          description: 'A registered source, whose grade can be set; false for a bare outlet',
        }),
      })
      .strict(),
    record: z
      .object({
        claims: Count,
        confirmed: Count,
        confirmedByResolution: Count,
        confirmedByCorroboration: Count,
        contradicted: Count,
        open: Count,
        late: Count,
        carried: Count,
        corrections: Count,
        truncated: z.boolean(),
        lead: z
          .object({ compared: Count, first: Count, medianDays: z.number().nullable() })
          .strict(),
      })
      .strict(),
    suggestion: GradeSuggestionSchema,
    claims: z.array(ClaimOutcomeSchema),
  })
  .strict()
  .meta({ id: 'TrackRecord' });

export const GradeChangeSchema = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    before: z.string(),
    after: ReliabilitySchema,
    suggested: z.string().nullable(),
    record: z.unknown().meta({ description: 'The track-record figures the suggestion rested on' }),
    note: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .strict()
  .meta({ id: 'GradeChange' });

export const GradeInputSchema = z
  .object({
    grade: ReliabilitySchema,
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
