/**
 * Source track records with their suggested grades (viewers), applying a grade with its audit
 * record (analysts), and a source's grade history (docs/source-grades.md).
 */
import { z } from 'zod';
import {
  MAX_SOURCES_PER_PAGE,
  gradeSource,
  readTrackRecords,
} from '../../analyse/sources/source-track-records.js';
import { NotFoundError } from '../../domain/errors.js';
import { listGradeChanges } from '../../store/source-grades-repo.js';
import { getApiSource, toApiSource } from '../../store/api-queries/source-queries.js';
import { defineRoute } from '../route.js';
import { IdParamsSchema, offsetPage } from '../schemas/common.js';
import { SourceSchema } from '../schemas/records.js';
import {
  GradeChangeSchema,
  GradeInputSchema,
  TrackRecordSchema,
} from '../schemas/source-grades.js';

export const sourceGradeRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/sources/track-records',
    access: 'viewer',
    tag: 'sources',
    summary:
      "Each source's track record (claims confirmed, contradicted, open; lead time) and the reliability grade it suggests, with reasons",
    query: z.object({
      source: z.string().min(1).max(4096).optional(),
      limit: z.coerce.number().int().min(1).max(MAX_SOURCES_PER_PAGE).default(20),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
    response: offsetPage(TrackRecordSchema),
    // Up to 5,000 reports per source, 50 sources a page: counted against the concurrency caps.
    costly: true,
    async handler({ query, ctx }) {
      const { limit, offset } = query;
      const page = await readTrackRecords(ctx.store, {
        ...(query.source !== undefined ? { sourceId: query.source } : {}),
        limit,
        offset,
      });
      if (query.source !== undefined && page.total === 0)
        throw new NotFoundError(`no source ${query.source}`);
      return {
        items: page.items.map((i) => ({
          ...i,
          suggestion: { ...i.suggestion, reasons: [...i.suggestion.reasons] },
          claims: [...i.claims],
        })),
        total: page.total,
        limit,
        offset,
        next: offset + page.items.length < page.total ? offset + page.items.length : null,
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sources/:id/grade',
    access: 'analyst',
    tag: 'sources',
    summary:
      'Apply a reliability grade (A–F) to a source, with an audit record of the suggestion and record it followed',
    params: IdParamsSchema,
    body: GradeInputSchema,
    response: z.object({ source: SourceSchema, change: GradeChangeSchema }),
    status: 201,
    writes: true,
    async handler({ params, body, principal, ctx }) {
      if (!(await getApiSource(ctx.store.db, params.id)))
        throw new NotFoundError(`no source ${params.id}`);
      const { source, change } = await gradeSource(ctx.store, {
        source: params.id,
        grade: body.grade,
        note: body.note ?? null,
        recordedBy: principal?.name ?? 'anonymous',
        now: ctx.now().toISOString(),
      });
      return { source: toApiSource(source), change };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sources/:id/grades',
    access: 'viewer',
    tag: 'sources',
    summary: "A source's grade changes, newest first: who, when, from what, why",
    params: IdParamsSchema,
    response: z.object({ items: z.array(GradeChangeSchema) }),
    async handler({ params, ctx }) {
      if (!(await getApiSource(ctx.store.db, params.id)))
        throw new NotFoundError(`no source ${params.id}`);
      return { items: await listGradeChanges(ctx.store.db, params.id) };
    },
  }),
];
