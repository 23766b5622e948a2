/** Analyst corrections of mentions: read by viewers, made and revoked by analysts (docs/corrections.md). */
import { z } from 'zod';
import {
  correctionsOfMention,
  listCorrections,
  type NewCorrection,
} from '../../store/corrections-repo.js';
import type { RescoredCorrection } from '../../pipeline/correct-mentions.js';
import type { BoardLanguage } from '../../domain/board-wording.js';
import { hypothesisTitlesIn } from '../../store/api-queries/hypothesis-titles.js';
import { NotImplementedError } from '../http-errors.js';
import { defineRoute } from '../route.js';
import { IdParamsSchema, OffsetQuerySchema, QueryBooleanSchema } from '../schemas/common.js';
import {
  CorrectionSchema,
  NewCorrectionSchema,
  RescoredCorrectionSchema,
  RevokeCorrectionSchema,
} from '../schemas/corrections.js';
import type { ServerContext } from '../server-context.js';

const MISSING = 'this server was built without the correction pipeline';

/** The rescoring as the API sends it, the moved hypotheses named in `lang`. */
async function asReply(ctx: ServerContext, r: RescoredCorrection, lang: BoardLanguage) {
  const titles = await hypothesisTitlesIn(
    ctx.store.db,
    r.hypothesisChanges.map((c) => c.hypothesisId),
    lang,
  );
  return {
    correction: r.correction,
    mentionId: r.mentionId,
    eventId: r.eventId,
    hypothesisChanges: r.hypothesisChanges.map((c) => ({
      hypothesisId: c.hypothesisId,
      title: titles.get(c.hypothesisId) ?? c.title,
      before: c.before,
      after: c.after,
    })),
    alertsRecorded: r.alertsRecorded,
  };
}

function service<K extends 'correctMention' | 'revokeCorrection'>(ctx: ServerContext, name: K) {
  const fn = ctx.services[name];
  if (!fn) throw new NotImplementedError(MISSING);
  return fn;
}

export const correctionRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/mentions/:id/corrections',
    access: 'viewer',
    tag: 'corrections',
    summary: "A mention's corrections, oldest first (also once the mention is rejected)",
    params: IdParamsSchema,
    response: z.object({ items: z.array(CorrectionSchema) }),
    async handler({ params, ctx }) {
      return { items: await correctionsOfMention(ctx.store.db, params.id) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/mentions/:id/corrections',
    access: 'analyst',
    tag: 'corrections',
    summary:
      'Correct a mention (reject it, or change its type, actors, modality or date) and rescore',
    description:
      'The correction is audited (who, when, before, after, note). Events, credibility, watchboards and alerts are recomputed from the corrected mention before the reply.',
    params: IdParamsSchema,
    body: NewCorrectionSchema,
    response: RescoredCorrectionSchema,
    status: 201,
    writes: true,
    async handler({ params, body, principal, ctx, lang }) {
      const { reject, note, ...changes } = body;
      const input: NewCorrection = {
        mentionId: params.id,
        ...(reject ? { reject: true } : { changes }),
        note: note ?? null,
        by: principal?.name ?? 'anonymous',
        now: ctx.now().toISOString(),
      };
      return asReply(ctx, await service(ctx, 'correctMention')(ctx.store, input), lang);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/corrections/:id/revoke',
    access: 'analyst',
    tag: 'corrections',
    summary: 'Revoke a correction (audited) and rescore from the mention as it was',
    params: IdParamsSchema,
    body: RevokeCorrectionSchema,
    response: RescoredCorrectionSchema,
    writes: true,
    async handler({ params, body, principal, ctx, lang }) {
      const result = await service(ctx, 'revokeCorrection')(ctx.store, {
        id: params.id,
        by: principal?.name ?? 'anonymous',
        note: body.note ?? null,
        now: ctx.now().toISOString(),
      });
      return asReply(ctx, result, lang);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/corrections',
    access: 'viewer',
    tag: 'corrections',
    summary: 'Corrections, newest first',
    query: OffsetQuerySchema.extend({
      documentId: z.string().min(1).max(512).optional(),
      live: QueryBooleanSchema.optional(),
      by: z.string().min(1).max(200).optional(),
    }),
    response: z.object({ items: z.array(CorrectionSchema) }),
    async handler({ query, ctx }) {
      const { limit, offset, ...filters } = query;
      return { items: await listCorrections(ctx.store.db, filters, { limit, offset }) };
    },
  }),
];
