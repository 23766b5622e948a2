/** Analyst corrections as the API takes and shows them (docs/corrections.md). */
import { z } from 'zod';
import {
  ActorCodeSchema,
  EventTypeSchema,
  ModalitySchema,
  PartialDateSchema,
} from '../../domain/ontology.js';

const NoteSchema = z.string().trim().max(2000);

const FieldsSchema = z.object({
  type: z.string(),
  source: z.string().nullable(),
  target: z.string().nullable(),
  modality: z.string(),
  date: z.string().nullable(),
});

export const CorrectionSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  mentionId: z.string(),
  span: z.object({ start: z.number().int(), end: z.number().int() }),
  trigger: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  action: z.enum(['reject', 'amend']),
  before: FieldsSchema,
  after: FieldsSchema.nullable(),
  eventId: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  revokeNote: z.string().nullable(),
});

/** Reject the mention, or give at least one new value; `null` clears an actor or the date. */
export const NewCorrectionSchema = z
  .object({
    reject: z.boolean().optional(),
    type: EventTypeSchema.optional(),
    source: ActorCodeSchema.nullable().optional(),
    target: ActorCodeSchema.nullable().optional(),
    modality: ModalitySchema.optional(),
    date: PartialDateSchema.nullable().optional(),
    note: NoteSchema.optional(),
  })
  .strict()
  .refine(
    (b) =>
      b.reject === true ||
      [b.type, b.source, b.target, b.modality, b.date].some((v) => v !== undefined),
    { message: 'give reject: true or at least one of type, source, target, modality, date' },
  )
  .refine(
    (b) =>
      b.reject !== true ||
      [b.type, b.source, b.target, b.modality, b.date].every((v) => v === undefined),
    { message: 'a rejection takes no new values' },
  );

export const RevokeCorrectionSchema = z.object({ note: NoteSchema.optional() }).strict();

export const RescoredCorrectionSchema = z.object({
  correction: CorrectionSchema,
  mentionId: z.string().nullable(),
  eventId: z.string().nullable(),
  hypothesisChanges: z.array(
    z.object({
      hypothesisId: z.string(),
      title: z.string(),
      before: z.number(),
      after: z.number(),
    }),
  ),
  alertsRecorded: z.number().int(),
});
