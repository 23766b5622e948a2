/**
 * Documents and annotations in the corpus format v1 (../shared/spec/corpus-format.md).
 * @module
 */
import { z } from 'zod';
import {
  ActorCodeSchema,
  CapabilitySchema,
  EventTypeSchema,
  ModalitySchema,
  PartialDateSchema,
} from './ontology.js';

/** Publication date or timestamp: an ISO 8601 date, optionally with time. */
export const PublishedSchema = z
  .string()
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)),
    'expected an ISO 8601 date',
  );

/** A document as it enters Vigie (input of `vigie extract`, `vigie ingest`). */
export const InputDocumentSchema = z.object({
  id: z.string().min(1).max(512).optional(),
  text: z.string(),
  lang: z.string().min(2).max(12).optional(),
  published: PublishedSchema.optional(),
  outlet: z.string().max(512).optional(),
  url: z.string().max(4096).optional(),
  title: z.string().max(4096).optional(),
  /** Syndication group and credited origin, when a corpus annotates them. */
  story: z.string().optional(),
  origin: z.string().optional(),
});
export type InputDocument = z.infer<typeof InputDocumentSchema>;

export const GoldEventSchema = z.object({
  type: EventTypeSchema,
  source: ActorCodeSchema.nullable(),
  target: ActorCodeSchema.nullable(),
  modality: ModalitySchema,
  capabilities: z.array(CapabilitySchema).default([]),
  date: PartialDateSchema.nullable().default(null),
  evidence: z.string().min(1),
  mutual: z.boolean().optional(),
  /** Whom the text says the claim comes from (actor code), or null: unattributed or own reporting. */
  attribution: ActorCodeSchema.nullable().optional(),
});
export type GoldEvent = z.infer<typeof GoldEventSchema>;

export const GoldDocumentSchema = InputDocumentSchema.extend({
  id: z.string().min(1),
  /** The primary act a document reports (same value = one announcement), when annotated. */
  announcement: z.string().optional(),
  events: z.array(GoldEventSchema),
});
export type GoldDocument = z.infer<typeof GoldDocumentSchema>;

export const SpanSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Span = z.infer<typeof SpanSchema>;

export const PredictedEventSchema = z.object({
  type: EventTypeSchema,
  source: ActorCodeSchema.nullable(),
  target: ActorCodeSchema.nullable(),
  modality: ModalitySchema,
  capabilities: z.array(CapabilitySchema),
  date: PartialDateSchema.nullable(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  trigger: SpanSchema.optional(),
  mutual: z.boolean().optional(),
});
export type PredictedEvent = z.infer<typeof PredictedEventSchema>;

/** One output line of `vigie extract`. */
export const PredictionSchema = z.object({
  id: z.string(),
  lang: z.string().optional(),
  events: z.array(PredictedEventSchema),
  error: z.string().optional(),
});
export type Prediction = z.infer<typeof PredictionSchema>;
