/** Resolutions of hypotheses (record one as an analyst, read the audit trail) and board scores. */
import { z } from 'zod';
import { boardIn, ResolutionInputSchema } from '../../analyse/watchboards/board-schema.js';
import { resolveHypothesis, storedBoards } from '../../analyse/watchboards/resolve-hypothesis.js';
import { boardScores } from '../../analyse/scoring/board-trajectories.js';
import { NotFoundError } from '../../domain/errors.js';
import { countPendingDocuments } from '../../store/pending-documents.js';
import { listResolutions } from '../../store/resolutions-repo.js';
import { defineRoute } from '../route.js';
import { IdParamsSchema } from '../schemas/common.js';
import { BoardScoresSchema, ResolutionSchema } from '../schemas/scores.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written YYYY-MM-DD');

export const scoringRoutes = [
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
  defineRoute({
    method: 'GET',
    url: '/api/boards/:id/scores',
    access: 'viewer',
    tag: 'watchboards',
    summary:
      'Scores of the resolved hypotheses (Brier, log score, lead time, false alarms), calibration table and daily trajectories',
    params: IdParamsSchema,
    query: z.object({ from: Day.optional(), to: Day.optional() }),
    response: BoardScoresSchema,
    async handler({ params, query, ctx, lang }) {
      const [stored] = await storedBoards(ctx.store, [params.id]);
      if (!stored) throw new NotFoundError(`no watchboard ${params.id}`);
      const board = boardIn(stored, lang);
      const period = {
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
      };
      const scores = await boardScores(ctx.store.db, board, period);
      return {
        boardId: board.id,
        title: board.title,
        ...scores,
        hypotheses: [...scores.hypotheses],
        calibration: [...scores.calibration],
        trajectories: scores.trajectories.map((t) => ({ id: t.id, trajectory: [...t.trajectory] })),
        pendingDocuments: await countPendingDocuments(ctx.store.db),
      };
    },
  }),
];
