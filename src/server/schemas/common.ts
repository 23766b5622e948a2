/**
 * Schemas shared by the routes: errors, pagination, dates and codes. Every request and response
 * of the API is a zod schema; the same objects validate requests and generate /openapi.json.
 * @module
 */
import { z } from 'zod';
import {
  ActorCodeSchema,
  CapabilitySchema,
  EventTypeSchema,
  ModalitySchema,
  PartialDateSchema,
  ReliabilitySchema,
} from '../../domain/ontology.js';

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable code, e.g. VIGIE_INPUT_INVALID' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** A date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or an ISO 8601 UTC timestamp. */
export const DateBoundSchema = z.union([PartialDateSchema, z.iso.datetime()]).meta({
  description:
    'YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 timestamp; until is inclusive at its precision',
});

export const IdParamsSchema = z.object({ id: z.string().min(1).max(512) });

const MAX_LIMIT = 500;

/** Cursor pages: `limit` rows, then `cursor` = the previous page's `next`. */
export const CursorQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(50),
  cursor: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .meta({ description: 'The `next` of the previous page' }),
});

/** Offset pages for small collections (sources, alerts): they also carry `total`. */
export const OffsetQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function cursorPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    next: z.string().nullable().meta({ description: 'Cursor of the next page; null on the last' }),
  });
}

export function offsetPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    next: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Offset of the next page; null on the last' }),
  });
}

/** `true`/`false`/`1`/`0` in a query string. */
export const QueryBooleanSchema = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const LangSchema = z
  .string()
  .regex(
    /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/,
    'expected a language code such as en, fr, ko, zh-Hant',
  );

export const SearchTextSchema = z.string().trim().min(1).max(500);

export {
  ActorCodeSchema,
  CapabilitySchema,
  EventTypeSchema,
  ModalitySchema,
  PartialDateSchema,
  ReliabilitySchema,
};

export const SpanOutSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const SnippetSchema = z
  .object({
    text: z.string(),
    highlights: z.array(SpanOutSchema).meta({ description: 'Where the query terms occur in text' }),
  })
  .meta({ id: 'Snippet' });

/** A sentence as a key and parameters (src/domain/messages.ts), worded from data/labels. */
export const MessageSchema = z
  .object({
    key: z.string().meta({ description: 'Key of the `messages` table of data/labels/<lang>.json' }),
    params: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'Strings, numbers, messages or lists of messages' }),
  })
  .meta({ id: 'Message' });
