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

export const HypothesisSchema = z
  .object({
    id: Id,
    title: z.string().min(1),
    prior: Probability,
    horizonDays: z.number().int().positive().optional(),
    indicators: z.array(IndicatorSchema).min(1, 'a hypothesis needs at least one indicator'),
  })
  .strict();

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

export type MatchCriteria = z.infer<typeof MatchSchema>;
export type IndicatorDefinition = z.infer<typeof IndicatorSchema>;
export type HypothesisDefinition = z.infer<typeof HypothesisSchema>;
export type BoardDefinition = z.infer<typeof BoardSchema>;

/** A validated board whose indicators have their inherited criteria resolved. */
export interface Watchboard extends BoardDefinition {
  readonly file: string;
}
