/** Mentions and events: filtered lists and the event page with its evidence. */
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { getApiEvent, listApiEvents } from '../../store/api-queries/event-queries.js';
import { listApiMentions } from '../../store/api-queries/mention-queries.js';
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
import { EventDetailSchema, EventSchema, MentionSchema } from '../schemas/records.js';

const CommonFilters = {
  type: EventTypeSchema.optional(),
  actor: ActorCodeSchema.optional().meta({
    description: 'Source or target actor code (PRK, RUS, IAEA…)',
  }),
  modality: ModalitySchema.optional(),
  capability: CapabilitySchema.optional(),
  lang: LangSchema.optional(),
  since: DateBoundSchema.optional(),
  until: DateBoundSchema.optional(),
};

const MentionQuerySchema = CursorQuerySchema.extend({
  ...CommonFilters,
  q: SearchTextSchema.optional().meta({ description: 'Full-text query on the mention documents' }),
  documentId: z.string().min(1).max(512).optional(),
  eventId: z.string().min(1).max(512).optional(),
});

const EventQuerySchema = CursorQuerySchema.extend({
  ...CommonFilters,
  q: SearchTextSchema.optional().meta({
    description: 'Full-text query: events with a mention in a matching document',
  }),
  partner: ActorCodeSchema.optional().meta({
    description: 'With actor: only events between the two actors, in either direction',
  }),
}).refine((q) => !q.partner || q.actor, {
  message: 'partner needs actor: events between two actors',
  path: ['partner'],
});

export const eventRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/mentions',
    access: 'viewer',
    tag: 'events',
    summary: 'List event mentions, newest publication first',
    query: MentionQuerySchema,
    response: cursorPage(MentionSchema),
    compiledSerializer: true,
    async handler({ query, ctx }) {
      const { limit, cursor, ...filters } = query;
      return listApiMentions(ctx.store, filters, { limit, cursor });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/events',
    access: 'viewer',
    tag: 'events',
    summary: 'List events, most recently seen first',
    description:
      'since/until keep events whose sighting window overlaps the range; lang keeps events with a mention in that language.',
    query: EventQuerySchema,
    response: cursorPage(EventSchema),
    compiledSerializer: true,
    async handler({ query, ctx }) {
      const { limit, cursor, ...filters } = query;
      return listApiEvents(ctx.store, filters, { limit, cursor });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/events/:id',
    access: 'viewer',
    tag: 'events',
    summary: 'One event: its mentions with spans and sentences, and the credibility explanation',
    params: IdParamsSchema,
    response: EventDetailSchema,
    async handler({ params, ctx, lang }) {
      const event = await getApiEvent(ctx.store.db, params.id, lang);
      if (!event) throw new NotFoundError(`no event ${params.id}`);
      return event;
    },
  }),
];
