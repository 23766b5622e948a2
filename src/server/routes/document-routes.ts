/** Documents, stories, and the routes that bring text in: ingest, URL ingest, extraction. */
import { z } from 'zod';
import { InputDocumentSchema } from '../../domain/document.js';
import { NotFoundError } from '../../domain/errors.js';
import { getApiDocumentFacets } from '../../store/api-queries/document-facets.js';
import {
  getApiDocument,
  getApiStory,
  listApiDocuments,
} from '../../store/api-queries/document-queries.js';
import { NotImplementedError } from '../http-errors.js';
import { defineRoute } from '../route.js';
import {
  ActorCodeSchema,
  CapabilitySchema,
  CursorQuerySchema,
  DateBoundSchema,
  EventTypeSchema,
  IdParamsSchema,
  LangSchema,
  ModalitySchema,
  SearchTextSchema,
  cursorPage,
} from '../schemas/common.js';
import { DocumentDetailSchema, DocumentSummarySchema, StorySchema } from '../schemas/records.js';
import { DocumentFacetsSchema } from '../schemas/workbench.js';

const DocumentQuerySchema = CursorQuerySchema.extend({
  q: SearchTextSchema.optional().meta({
    description: 'Full-text query: every term must occur; "quoted phrases" allowed',
  }),
  lang: LangSchema.optional(),
  since: DateBoundSchema.optional(),
  until: DateBoundSchema.optional(),
  sourceId: z.string().min(1).max(512).optional(),
  storyId: z.string().min(1).max(512).optional(),
  outlet: z.string().min(1).max(512).optional(),
  type: EventTypeSchema.optional().meta({ description: 'Documents with a mention of this type' }),
  actor: ActorCodeSchema.optional().meta({
    description: 'Documents with a mention naming this actor, in either role',
  }),
  modality: ModalitySchema.optional().meta({
    description: 'Documents with a mention of this modality',
  }),
  capability: CapabilitySchema.optional().meta({
    description: 'Documents with a mention of this capability',
  }),
});

const LineNoteSchema = z.object({
  index: z.number().int(),
  id: z.string().optional(),
  reason: z.string(),
});

const IngestResultSchema = z
  .object({
    stored: z.number().int(),
    duplicates: z.number().int(),
    mentions: z.number().int(),
    documentIds: z.array(z.string()),
    failed: z.array(LineNoteSchema),
    warnings: z
      .array(LineNoteSchema)
      .meta({ description: 'Documents stored with a caveat, e.g. their mentions capped' }),
  })
  .meta({ id: 'IngestResult' });

const MAX_BATCH = 1000;

const IngestBodySchema = z.union([
  InputDocumentSchema.extend({ sourceId: z.string().min(1).max(512).optional() }),
  z.object({
    sourceId: z.string().min(1).max(512).optional(),
    documents: z.array(InputDocumentSchema).min(1).max(MAX_BATCH),
  }),
]);

const ExtractBodySchema = z.object({
  text: z.string().min(1).max(1_000_000),
  lang: LangSchema.optional(),
  title: z.string().max(4096).optional(),
  published: InputDocumentSchema.shape.published,
});

const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() });

const ExtractionSchema = z
  .object({
    lang: z.string(),
    mentions: z.array(
      z.object({
        type: z.string(),
        source: z.string().nullable(),
        target: z.string().nullable(),
        modality: z.string(),
        capabilities: z.array(z.string()),
        date: z.string().nullable(),
        start: z.number().int(),
        end: z.number().int(),
        trigger: SpanSchema.optional(),
        mutual: z.boolean().optional(),
        rules: z.array(z.string()),
        cues: z.array(
          SpanSchema.extend({ kind: z.string(), ref: z.string(), value: z.string().optional() }),
        ),
        confidence: z.number(),
        sentence: z.string(),
      }),
    ),
    origins: z.array(z.object({ name: z.string(), span: SpanSchema })),
  })
  .meta({ id: 'Extraction' });

export const documentRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/documents',
    access: 'viewer',
    tag: 'documents',
    summary: 'Search and list documents, newest first, with highlighted snippets',
    query: DocumentQuerySchema,
    response: cursorPage(DocumentSummarySchema),
    compiledSerializer: true,
    async handler({ query, ctx }) {
      const { limit, cursor, ...filters } = query;
      return listApiDocuments(ctx.store, filters, { limit, cursor });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/documents/facets',
    access: 'viewer',
    tag: 'documents',
    summary: 'Languages and outlets with their document counts, most common first (50 each)',
    description: 'Cached for a few seconds, like the overview.',
    response: DocumentFacetsSchema,
    async handler({ ctx }) {
      return ctx.cache.get('document-facets', () => getApiDocumentFacets(ctx.store.db));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/documents/:id',
    access: 'viewer',
    tag: 'documents',
    summary: 'One document: text, mentions with spans and cues, story siblings, origin, source',
    params: IdParamsSchema,
    response: DocumentDetailSchema,
    async handler({ params, ctx }) {
      const doc = await getApiDocument(ctx.store.db, params.id);
      if (!doc) throw new NotFoundError(`no document ${params.id}`);
      return doc;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/stories/:id',
    access: 'viewer',
    tag: 'documents',
    summary: 'A story: the documents that carry the same report, and their credited origins',
    params: IdParamsSchema,
    response: StorySchema,
    async handler({ params, ctx }) {
      const story = await getApiStory(ctx.store.db, params.id);
      if (!story) throw new NotFoundError(`no story ${params.id}`);
      return story;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/documents',
    access: 'analyst',
    tag: 'ingest',
    summary: `Ingest one document, or a batch of up to ${MAX_BATCH} ({"documents": [...]})`,
    description:
      'Each document is extracted and stored in a transaction; failures are listed per document.',
    body: IngestBodySchema,
    response: IngestResultSchema,
    status: 201,
    writes: true,
    maxBodyBytes: 64 * 1024 * 1024,
    costly: true,
    async handler({ body, ctx }) {
      const ingest = ctx.services.ingestDocuments;
      if (!ingest) throw new NotImplementedError('document ingest is not available in this server');
      if ('documents' in body)
        return ingest(ctx.store, body.documents, { sourceId: body.sourceId });
      const { sourceId, ...doc } = body;
      return ingest(ctx.store, [doc], { sourceId });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/ingest-url',
    access: 'analyst',
    tag: 'ingest',
    summary: 'Fetch a web page and ingest its article',
    body: z.object({
      url: z.url({ protocol: /^https?$/ }).max(4096),
      sourceId: z.string().min(1).max(512).optional(),
    }),
    response: IngestResultSchema,
    status: 201,
    writes: true,
    costly: true,
    async handler({ body, ctx }) {
      const ingestUrl = ctx.services.ingestUrl;
      if (!ingestUrl) {
        throw new NotImplementedError(
          'URL ingest is not available in this build (no page reader is wired in); POST the text to /api/documents instead',
        );
      }
      return ingestUrl(ctx.store, body.url, { sourceId: body.sourceId });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/extract',
    access: 'viewer',
    tag: 'ingest',
    summary: 'Extract event mentions from posted text (nothing is stored)',
    body: ExtractBodySchema,
    response: ExtractionSchema,
    // 1,000,000 characters, up to 4 bytes each in UTF-8 JSON.
    maxBodyBytes: 4 * 1024 * 1024,
    costly: true,
    async handler({ body, ctx }) {
      const extract = ctx.services.extractText;
      if (!extract) throw new NotImplementedError('extraction is not available in this server');
      const result = await extract({ id: 'posted', ...body });
      return {
        lang: result.lang,
        mentions: result.mentions.map((m) => ({
          ...m,
          capabilities: [...m.capabilities],
          rules: [...m.rules],
          cues: m.cues.map((c) => ({ ...c })),
          sentence: body.text.slice(m.start, m.end),
        })),
        origins: result.origins.map((o) => ({ name: o.name, span: { ...o.span } })),
      };
    },
  }),
];
