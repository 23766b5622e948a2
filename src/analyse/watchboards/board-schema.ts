/**
 * The watchboard file format (data/watchboards/*.yaml), validated with zod.
 * @module
 */
import { z } from 'zod';
import {
  ActorCodeSchema,
  CapabilitySchema,
  EventTypeSchema,
  ModalitySchema,
} from '../../domain/ontology.js';

const Probability = z
  .number()
  .gt(0, 'a probability must be strictly between 0 and 1')
  .lt(1, 'a probability must be strictly between 0 and 1');
const Ratio = z.number().positive('a likelihood ratio must be > 0');
const Id = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'ids are lower-case letters, digits, . _ -');

export const MatchSchema = z
  .object({
    types: z.array(EventTypeSchema).min(1).optional(),
    actors: z
      .object({
        source: z.array(ActorCodeSchema).min(1).optional(),
        target: z.array(ActorCodeSchema).min(1).optional(),
        either: z.array(ActorCodeSchema).min(1).optional(),
      })
      .strict()
      .optional(),
    capabilities: z.array(CapabilitySchema).min(1).optional(),
    modality: z.array(ModalitySchema).min(1).optional(),
    keywords: z.array(z.string().min(2)).min(1).optional(),
    /** Worst Admiralty credibility (1–6) still counted. */
    maxCredibility: z.number().int().min(1).max(6).optional(),
  })
  .strict();

export const IndicatorSchema = z
  .object({
    id: Id,
    title: z.string().min(1),
    /** Inherit another indicator's match criteria (same board); own fields override. */
    extends: Id.optional(),
    match: MatchSchema.default({}),
    /** Likelihood ratio P(event | H) / P(event | not H) for one full-weight event. */
    lr: Ratio,
    /** At most this many full-weight events' worth of log-odds from this indicator. */
    cap: z.number().positive().default(3),
    halfLifeDays: z.number().positive().optional(),
    absence: z.object({ days: z.number().int().positive(), lr: Ratio }).strict().optional(),
  })
  .strict();

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written YYYY-MM-DD');

/**
 * What a hypothesis asks (docs/watchboards.md, "Question kinds"):
 * - `occurrence`: has X happened (since `since`, by `deadline`)? Credible evidence does not decay;
 *   silence counts only while the question is open and nothing credible supports it.
 * - `window`: will X happen within the next `horizonDays`? A rolling forecast: decay and absence apply.
 */
export const QuestionKindSchema = z.enum(['occurrence', 'window']);

/** How the question is settled: what counts as confirmation, and who must confirm it. */
export const ResolutionCriterionSchema = z
  .object({
    criterion: z.string().min(10, 'say what counts as confirmation (at least 10 characters)'),
    by: z.string().min(2, 'say who must confirm it'),
  })
  .strict();

export const HypothesisSchema = z
  .object({
    id: Id,
    title: z.string().min(1),
    kind: QuestionKindSchema,
    resolution: ResolutionCriterionSchema,
    prior: Probability,
    horizonDays: z.number().int().positive().optional(),
    /** occurrence: first day the question covers (YYYY-MM-DD). */
    since: Day.optional(),
    /** occurrence: last day the question covers; silence after it lowers nothing. */
    deadline: Day.optional(),
    indicators: z.array(IndicatorSchema).min(1, 'a hypothesis needs at least one indicator'),
  })
  .strict()
  .superRefine((h, ctx) => {
    if (h.kind === 'window' && h.horizonDays === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['horizonDays'],
        message: 'a window question needs horizonDays (the N of "within the next N days")',
      });
    for (const field of ['since', 'deadline'] as const) {
      if (h.kind === 'window' && h[field] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} belongs to occurrence questions; a window question rolls`,
        });
    }
    if (h.since && h.deadline && h.since > h.deadline)
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'deadline is before since' });
  });

export const BoardSchema = z
  .object({
    id: Id,
    title: z.string().min(1),
    description: z.string().optional(),
    /** Half-life (days) of evidence weight; indicators may override. */
    halfLifeDays: z.number().positive().default(180),
    /** First day of observation (YYYY-MM-DD), from which absence is counted. */
    start: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    hypotheses: z.array(HypothesisSchema).min(1),
  })
  .strict();

/** A resolution shipped in a resolutions YAML (load-resolutions.ts). */
export const FileResolutionSchema = z
  .object({
    hypothesis: Id,
    outcome: z.boolean(),
    date: Day,
    source: z.url({ protocol: /^https?$/, error: 'source must be an http(s) URL' }),
    note: z.string().optional(),
  })
  .strict();
export type FileResolution = z.infer<typeof FileResolutionSchema>;

/** What an analyst gives to resolve a hypothesis (CLI and API). */
export const ResolutionInputSchema = FileResolutionSchema.omit({ hypothesis: true }).extend({
  note: z.string().max(2000).optional(),
});
export type ResolutionInput = z.infer<typeof ResolutionInputSchema>;

export type MatchCriteria = z.infer<typeof MatchSchema>;
export type IndicatorDefinition = z.infer<typeof IndicatorSchema>;
export type HypothesisDefinition = z.infer<typeof HypothesisSchema>;
export type BoardDefinition = z.infer<typeof BoardSchema>;
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

/** A validated board whose indicators have their inherited criteria resolved. */
export interface Watchboard extends BoardDefinition {
  readonly file: string;
  /** Resolutions shipped beside the board file (`<board>.resolutions.yaml`); the store's win. */
  readonly resolutions?: readonly FileResolution[];
}
