/** Response shapes of the store's records: documents, mentions, events, sources, alerts. */
import { z } from 'zod';
import { ATTRIBUTION_BASES } from '../../domain/attribution.js';
import { MessageSchema, SnippetSchema, SpanOutSchema } from './common.js';

export const CueSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  kind: z.enum(['actor', 'trigger', 'modality', 'capability', 'time', 'negation', 'origin']),
  ref: z.string(),
  value: z.string().optional(),
});

export const AttributionSchema = z
  .object({
    actor: z
      .string()
      .nullable()
      .meta({ description: 'State or organisation the claim comes from (the primary source)' }),
    source: z
      .string()
      .nullable()
      .meta({ description: 'Listed source, finer than the actor (kor-nis, rus-mfa)' }),
    label: z.string().nullable().meta({ description: 'The primary source in words' }),
    basis: z.enum(ATTRIBUTION_BASES).meta({
      description:
        'named: a listed source with a cue; speaker: a speaking state or a statement’s speaker; continued: carries on an earlier attributed statement; own: the outlet’s own reporting; conduit: only an agency is named',
    }),
    span: SpanOutSchema.nullable().meta({ description: 'Where the text says it' }),
    conduit: z
      .string()
      .nullable()
      .meta({ description: 'Agency or outlet that carried the claim (Yonhap, SBS)' }),
  })
  .meta({ id: 'Attribution' });

export const MentionSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    type: z.string(),
    source: z.string().nullable(),
    target: z.string().nullable(),
    modality: z.string(),
    capabilities: z.array(z.string()),
    date: z.string().nullable(),
    span: SpanOutSchema.meta({
      description: 'Sentence span: UTF-16 offsets into the document text',
    }),
    trigger: SpanOutSchema.nullable(),
    mutual: z.boolean(),
    lang: z.string().nullable(),
    published: z.string().nullable(),
    rules: z.array(z.string()),
    cues: z.array(CueSchema),
    confidence: z.number(),
    eventId: z.string().nullable(),
    attribution: AttributionSchema.nullable(),
  })
  .meta({ id: 'Mention' });

export const DocumentRefSchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    url: z.string().nullable(),
    lang: z.string().nullable(),
    published: z.string().nullable(),
    sourceId: z.string().nullable(),
    storyId: z.string().nullable(),
    origin: z.string().nullable().meta({ description: 'Credited origin ("according to Yonhap")' }),
  })
  .meta({ id: 'DocumentRef' });

export const MentionWithSentenceSchema = MentionSchema.extend({ sentence: z.string() }).meta({
  id: 'MentionWithSentence',
});

export const MentionInContextSchema = MentionWithSentenceSchema.extend({
  document: DocumentRefSchema,
}).meta({ id: 'MentionInContext' });

export const DocumentSummarySchema = DocumentRefSchema.extend({
  ingestedAt: z.string(),
  snippet: SnippetSchema,
}).meta({ id: 'DocumentSummary' });

export const SourceRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  url: z.string().nullable(),
  reliability: z.string(),
});

export const StoryJoinSchema = z
  .object({
    reason: z.string().meta({
      description: 'new-story | near-duplicate | rewrite | translation | evidence',
    }),
    matchedDocumentId: z.string().nullable(),
    source: z
      .string()
      .nullable()
      .meta({ description: 'Attributed source of the document (data/stories/sources.yaml id)' }),
    evidence: z.unknown().meta({
      description:
        'What the document shares with the matched one: { stage: "evidence", days, source, sourceId, figures, events, names, score } or { stage, measures }',
    }),
    summary: z.string().meta({ description: 'The reason in one line' }),
    summaryMessage: MessageSchema,
  })
  .meta({ id: 'StoryJoin' });

export const DocumentDetailSchema = DocumentRefSchema.extend({
  ingestedAt: z.string(),
  extractedAt: z.string().nullable(),
  text: z
    .string()
    .meta({ description: 'Untrusted article text: render it as text, never as HTML' }),
  meta: z.unknown(),
  mentions: z.array(MentionWithSentenceSchema),
  source: SourceRefSchema.nullable(),
  story: z
    .object({
      id: z.string(),
      documentCount: z.number().int(),
      firstDocumentId: z.string(),
      firstPublished: z.string().nullable(),
      joined: StoryJoinSchema.nullable(),
    })
    .nullable(),
  siblings: z.array(DocumentRefSchema),
}).meta({ id: 'DocumentDetail' });

export const StorySchema = z
  .object({
    id: z.string(),
    firstDocumentId: z.string(),
    firstPublished: z.string().nullable(),
    documentCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    documents: z.array(DocumentRefSchema),
    origins: z.array(z.object({ name: z.string(), documents: z.number().int() })),
    joins: z.array(StoryJoinSchema.extend({ documentId: z.string() })),
  })
  .meta({ id: 'Story' });

export const EventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    source: z.string().nullable(),
    target: z.string().nullable(),
    capabilities: z.array(z.string()),
    date: z.string().nullable(),
    firstSeen: z.string(),
    lastSeen: z.string(),
    modality: z.string(),
    mentionCount: z.number().int(),
    independentSources: z.number().int(),
    credibility: z.number().int().meta({ description: 'Admiralty information credibility 1–6' }),
    updatedAt: z.string(),
  })
  .meta({ id: 'Event' });

export const EventOriginsSchema = z
  .object({
    summary: z.string().meta({
      description: 'Outlets and independent origins in words: "6 outlets, 1 independent origin: …"',
    }),
    summaryMessage: MessageSchema,
    origins: z.array(
      z.object({
        label: z.string(),
        labelMessage: MessageSchema,
        source: z
          .string()
          .nullable()
          .meta({ description: 'Primary source (kor-nis, actor:KOR); null: grouped by story' }),
        outlets: z.array(z.string()),
        documentIds: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'EventOrigins' });

export const EventDetailSchema = EventSchema.extend({
  origins: EventOriginsSchema.nullable().meta({
    description: 'Independent origins with the outlets that carried each (null before analysis v2)',
  }),
  credibilityReasons: z.array(z.string()).meta({
    description: 'Why the event has its credibility, in words (empty before analysis v2)',
  }),
  credibilityReasonMessages: z
    .array(MessageSchema)
    .meta({ description: 'The same reasons as messages, to word in another language' }),
  explanation: z.unknown().meta({ description: 'How support and credibility were computed' }),
  mentions: z.array(MentionInContextSchema),
  hypotheses: z
    .array(
      z.object({
        evidenceId: z.string(),
        hypothesisId: z.string(),
        hypothesisTitle: z.string(),
        indicatorId: z.string(),
        at: z.string(),
        before: z.number(),
        after: z.number(),
        deltaLogOdds: z.number(),
      }),
    )
    .meta({ description: 'The steps this event made on hypotheses, oldest first' }),
}).meta({ id: 'EventDetail' });

export const SourceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    url: z.string().nullable(),
    reliability: z.string().meta({ description: 'Admiralty A–F' }),
    lang: z.string().nullable(),
    intervalSeconds: z.number().int(),
    enabled: z.boolean(),
    lastFetchedAt: z.string().nullable(),
    nextFetchAt: z.string().nullable(),
    errorCount: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Source' });

export const AlertSchema = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    kind: z.string(),
    title: z.string(),
    payload: z.unknown(),
    createdAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
  })
  .meta({ id: 'Alert' });
