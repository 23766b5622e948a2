/** The alerts inbox and acknowledging an alert (analysts). */
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { acknowledgeApiAlert, listApiAlerts } from '../../store/api-queries/alert-queries.js';
import { defineRoute } from '../route.js';
import {
  DateBoundSchema,
  IdParamsSchema,
  OffsetQuerySchema,
  QueryBooleanSchema,
  offsetPage,
} from '../schemas/common.js';
import { AlertSchema } from '../schemas/records.js';

export const alertRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/alerts',
    access: 'viewer',
    tag: 'alerts',
    summary: 'List alerts, newest first',
    query: OffsetQuerySchema.extend({
      acknowledged: QueryBooleanSchema.optional(),
      kind: z.enum(['threshold', 'first-event', 'spike', 'watch']).optional(),
      ruleId: z.string().min(1).max(200).optional(),
      since: DateBoundSchema.optional(),
    }),
    response: offsetPage(AlertSchema),
    async handler({ query, ctx, lang }) {
      const { limit, offset, ...filters } = query;
      const page = await listApiAlerts(ctx.store.db, filters, { limit, offset }, lang);
      return {
        ...page,
        limit,
        offset,
        next: offset + page.items.length < page.total ? offset + page.items.length : null,
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/alerts/:id/ack',
    access: 'analyst',
    tag: 'alerts',
    summary: 'Acknowledge an alert (idempotent: the first acknowledgement is kept)',
    params: IdParamsSchema,
    response: AlertSchema,
    writes: true,
    async handler({ params, principal, ctx }) {
      const alert = await acknowledgeApiAlert(
        ctx.store.db,
        params.id,
        principal?.name ?? 'anonymous',
        ctx.now(),
      );
      if (!alert) throw new NotFoundError(`no alert ${params.id}`);
      return alert;
    },
  }),
];
