/** Actors: autocomplete over the codes seen in events, and one actor's events over time. */
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { getApiActor, listApiActors } from '../../store/api-queries/actor-queries.js';
import { defineRoute } from '../route.js';
import { ActorCodeSchema, DateBoundSchema } from '../schemas/common.js';
import { ActorCountSchema, ActorSchema } from '../schemas/workbench.js';

export const actorRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/actors',
    access: 'viewer',
    tag: 'events',
    summary: 'Actor codes seen in events that start with a prefix, most events first',
    query: z.object({
      prefix: z
        .string()
        .trim()
        .max(16)
        .regex(/^[A-Za-z0-9_-]*$/, 'expected the start of an actor code such as PR or IAEA')
        .default(''),
      limit: z.coerce.number().int().min(1).max(50).default(10),
    }),
    response: z.object({ items: z.array(ActorCountSchema) }),
    async handler({ query, ctx }) {
      const list = () => listApiActors(ctx.store.db, query.prefix, query.limit);
      // Every filter form asks for the busiest actors (no prefix) as it opens: one count over
      // all events, shared for a few seconds; typed prefixes are narrow and not kept.
      const items =
        query.prefix === '' ? await ctx.cache.get(`actors:${query.limit}`, list) : await list();
      return { items };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/actors/:code',
    access: 'viewer',
    tag: 'events',
    summary: "An actor's events by month, type and partner",
    params: z.object({ code: ActorCodeSchema }),
    query: z.object({ since: DateBoundSchema.optional(), until: DateBoundSchema.optional() }),
    response: ActorSchema,
    async handler({ params, query, ctx }) {
      const actor = await getApiActor(ctx.store.db, params.code, query);
      if (!actor) throw new NotFoundError(`no event names the actor ${params.code}`);
      return actor;
    },
  }),
];
