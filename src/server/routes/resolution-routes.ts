/** Resolutions of hypotheses: record one (analyst) and read the audit trail. */
import { z } from 'zod';
import { ResolutionInputSchema } from '../../analyse/watchboards/board-schema.js';
import { resolveHypothesis } from '../../analyse/watchboards/resolve-hypothesis.js';
import { listResolutions } from '../../store/resolutions-repo.js';
import { defineRoute } from '../route.js';
import { IdParamsSchema } from '../schemas/common.js';

export const ResolutionSchema = z
  .object({
    hypothesisId: z.string(),
    boardId: z.string(),
    outcome: z.boolean(),
    date: z.string(),
    source: z.string(),
    note: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: 'Resolution' });

export const resolutionRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/hypotheses/:id/resolution',
    access: 'analyst',
    tag: 'watchboards',
    summary:
      'Record how a hypothesis resolved (true/false, day, source); it freezes at its outcome from that day',
    params: IdParamsSchema,
    body: ResolutionInputSchema,
    response: ResolutionSchema,
    status: 201,
    writes: true,
    async handler({ params, body, principal, ctx }) {
      return resolveHypothesis(ctx.store, {
        hypothesisId: params.id,
        input: body,
        recordedBy: principal?.name ?? 'anonymous',
        now: ctx.now().toISOString(),
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/hypotheses/:id/resolutions',
    access: 'viewer',
    tag: 'watchboards',
    summary: 'Every resolution recorded for a hypothesis, oldest first (the last one is in force)',
    params: IdParamsSchema,
    response: z.object({ items: z.array(ResolutionSchema) }),
    async handler({ params, ctx }) {
      return { items: await listResolutions(ctx.store.db, { hypothesisId: params.id }) };
    },
  }),
];
