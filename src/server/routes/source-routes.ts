/** Sources: the list, registering one, and grading its reliability (analysts). */
import { z } from 'zod';
import { gradeSource } from '../../analyse/sources/source-track-records.js';
import { NotFoundError } from '../../domain/errors.js';
import {
  createApiSource,
  getApiSource,
  listApiSources,
  updateApiSource,
} from '../../store/api-queries/source-queries.js';
import { defineRoute } from '../route.js';
import {
  IdParamsSchema,
  LangSchema,
  OffsetQuerySchema,
  ReliabilitySchema,
  SearchTextSchema,
  offsetPage,
} from '../schemas/common.js';
import { SourceSchema } from '../schemas/records.js';

const SOURCE_KINDS = ['feed', 'page', 'file', 'gdelt', 'outlet'] as const;

/** The API registers remote sources and named outlets; local folders are the operator's (CLI). */
const LOCAL_SOURCE_MESSAGE =
  'the API registers http(s) sources only; local folders are registered by the operator with `vigie source add PATH`, inside sources.allowedRoots';

const CreateSourceSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(SOURCE_KINDS).refine((kind) => kind !== 'file', LOCAL_SOURCE_MESSAGE),
    url: z.string().trim().min(1).max(4096).optional(),
    reliability: ReliabilitySchema.default('F'),
    lang: LangSchema.optional(),
    intervalSeconds: z
      .number()
      .int()
      .min(10)
      .max(7 * 86_400)
      .default(900),
    enabled: z.boolean().default(true),
  })
  .strict()
  .refine((s) => s.kind === 'outlet' || s.url !== undefined, {
    message: 'url is required for feed, page and gdelt sources',
    path: ['url'],
  })
  .refine((s) => s.url === undefined || /^https?:\/\/[^/\s]/i.test(s.url), {
    message: LOCAL_SOURCE_MESSAGE,
    path: ['url'],
  });

const UpdateSourceSchema = z
  .object({
    reliability: ReliabilitySchema.optional(),
    enabled: z.boolean().optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });

export const sourceRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/sources',
    access: 'viewer',
    tag: 'sources',
    summary: 'List sources with their reliability grades',
    query: OffsetQuerySchema.extend({
      kind: z.enum(SOURCE_KINDS).optional(),
      reliability: ReliabilitySchema.optional(),
      q: SearchTextSchema.optional(),
    }),
    response: offsetPage(SourceSchema),
    async handler({ query, ctx }) {
      const { limit, offset, ...filters } = query;
      const page = await listApiSources(ctx.store.db, filters, { limit, offset });
      return {
        ...page,
        limit,
        offset,
        next: offset + page.items.length < page.total ? offset + page.items.length : null,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sources/:id',
    access: 'viewer',
    tag: 'sources',
    summary: 'One source',
    params: IdParamsSchema,
    response: SourceSchema,
    async handler({ params, ctx }) {
      const source = await getApiSource(ctx.store.db, params.id);
      if (!source) throw new NotFoundError(`no source ${params.id}`);
      return source;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sources',
    access: 'analyst',
    tag: 'sources',
    summary: 'Register a source',
    body: CreateSourceSchema,
    response: SourceSchema,
    status: 201,
    writes: true,
    async handler({ body, ctx }) {
      return createApiSource(ctx.store.db, body, ctx.now());
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/sources/:id',
    access: 'analyst',
    tag: 'sources',
    summary: "Change a source's reliability grade (A–F), name or enabled flag",
    params: IdParamsSchema,
    body: UpdateSourceSchema,
    response: SourceSchema,
    writes: true,
    async handler({ params, body, principal, ctx }) {
      const { reliability, ...rest } = body;
      if (!(await getApiSource(ctx.store.db, params.id)))
        throw new NotFoundError(`no source ${params.id}`);
      // A grade change is audited like POST /api/sources/:id/grade.
      if (reliability !== undefined)
        await gradeSource(ctx.store, {
          source: params.id,
          grade: reliability,
          recordedBy: principal?.name ?? 'anonymous',
          now: ctx.now().toISOString(),
        });
      const source = await updateApiSource(ctx.store.db, params.id, rest, ctx.now());
      if (!source) throw new NotFoundError(`no source ${params.id}`);
      return source;
    },
  }),
];
