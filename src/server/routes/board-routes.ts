/** Watchboards, hypotheses and their explanations, and event trends. */
import { z } from 'zod';
import { InputError, NotFoundError } from '../../domain/errors.js';
import {
  explainApiHypothesis,
  getApiBoards,
  getApiHypothesis,
  listApiBoards,
} from '../../store/api-queries/board-queries.js';
import { computeApiTrends } from '../../store/api-queries/trend-queries.js';
import { defineRoute } from '../route.js';
import { DateBoundSchema, EventTypeSchema, IdParamsSchema } from '../schemas/common.js';
import {
  BoardSchema,
  BoardSummarySchema,
  ExplanationSchema,
  HypothesisSchema,
  TrendsSchema,
} from '../schemas/analysis.js';

const DaysSchema = z.coerce.number().int().min(1).max(366).default(30);

const PairSchema = z
  .string()
  .regex(/^[A-Z0-9]{2,5}[-,][A-Z0-9]{2,5}$/, 'expected two actor codes, e.g. PRK-RUS')
  .transform((s) => s.split(/[-,]/) as [string, string]);

export const boardRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/boards',
    access: 'viewer',
    tag: 'watchboards',
    summary: 'List watchboards and the current probability of each hypothesis',
    response: z.object({ items: z.array(BoardSummarySchema), total: z.number().int() }),
    async handler({ ctx, lang }) {
      const items = await listApiBoards(ctx.store.db, lang);
      return { items, total: items.length };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/boards/:id',
    access: 'viewer',
    tag: 'watchboards',
    summary:
      'A watchboard: hypotheses with probability, daily trajectory, last change and its reason',
    params: IdParamsSchema,
    query: z.object({ days: DaysSchema }),
    response: BoardSchema,
    async handler({ params, query, ctx, lang }) {
      const [board] = await getApiBoards(ctx.store.db, {
        boardId: params.id,
        days: query.days,
        now: ctx.now(),
        lang,
      });
      if (!board) throw new NotFoundError(`no watchboard ${params.id}`);
      return board;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/hypotheses/:id',
    access: 'viewer',
    tag: 'watchboards',
    summary:
      'A hypothesis: trajectory, indicators with their contributions, evidence (newest first)',
    params: IdParamsSchema,
    query: z.object({
      days: DaysSchema,
      evidenceLimit: z.coerce.number().int().min(1).max(500).default(200),
    }),
    response: HypothesisSchema,
    async handler({ params, query, ctx, lang }) {
      const h = await getApiHypothesis(ctx.store.db, params.id, {
        ...query,
        now: ctx.now(),
        lang,
      });
      if (!h) throw new NotFoundError(`no hypothesis ${params.id}`);
      return h;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/hypotheses/:id/explain',
    access: 'viewer',
    tag: 'watchboards',
    summary:
      'Why the probability is what it is: every step with its event, mentions, spans, weight, before/after',
    params: IdParamsSchema,
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(500) }),
    response: ExplanationSchema,
    async handler({ params, query, ctx, lang }) {
      const e = await explainApiHypothesis(ctx.store.db, params.id, { ...query, lang });
      if (!e) throw new NotFoundError(`no hypothesis ${params.id}`);
      return e;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/trends',
    access: 'viewer',
    tag: 'events',
    summary: 'Events per day (by first report), by type, and the busiest actor pairs',
    query: z.object({
      pair: PairSchema.optional(),
      type: EventTypeSchema.optional(),
      since: DateBoundSchema.optional(),
      until: DateBoundSchema.optional(),
    }),
    response: TrendsSchema,
    async handler({ query, ctx }) {
      if (query.since && query.until && query.since > query.until) {
        throw new InputError('since must not be after until', 'since');
      }
      return computeApiTrends(ctx.store.db, query);
    },
  }),
];
