/** Saved searches of the documents page, each user's own (a token is needed to save). */
import { z } from 'zod';
import { NotFoundError, VigieError } from '../../domain/errors.js';
import {
  deleteSavedSearch,
  listSavedSearches,
  saveSearch,
} from '../../store/saved-searches-repo.js';
import { defineRoute, type Principal } from '../route.js';
import { IdParamsSchema } from '../schemas/common.js';
import { SavedSearchSchema } from '../schemas/workbench.js';

/** The user a saved search belongs to: anonymous visitors share no identity to save under. */
function owner(principal: Principal | null): string {
  if (!principal || principal.tokenId === null) {
    throw new VigieError('VIGIE_FORBIDDEN', 'saving searches needs a signed-in user (a token)');
  }
  return principal.name;
}

export const savedSearchRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/saved-searches',
    access: 'viewer',
    tag: 'documents',
    summary: "The signed-in user's saved searches, by name (none for anonymous visitors)",
    response: z.object({ items: z.array(SavedSearchSchema) }),
    async handler({ principal, ctx }) {
      if (!principal || principal.tokenId === null) return { items: [] };
      return { items: await listSavedSearches(ctx.store.db, principal.name) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/saved-searches',
    access: 'viewer',
    tag: 'documents',
    summary: 'Save a documents search under a name (the same name replaces it)',
    body: z.object({
      name: z.string().trim().min(1).max(200),
      query: z
        .string()
        .max(2000)
        .refine((q) => !q.startsWith('?') && !q.includes('#'), 'expected a bare query string'),
    }),
    response: SavedSearchSchema,
    status: 201,
    async handler({ body, principal, ctx }) {
      return saveSearch(ctx.store.db, owner(principal), body, ctx.now());
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/saved-searches/:id',
    access: 'viewer',
    tag: 'documents',
    summary: 'Delete one of your saved searches',
    params: IdParamsSchema,
    response: z.object({ deleted: z.literal(true) }),
    async handler({ params, principal, ctx }) {
      if (!(await deleteSavedSearch(ctx.store.db, owner(principal), params.id))) {
        throw new NotFoundError(`you have no saved search ${params.id}`);
      }
      return { deleted: true as const };
    },
  }),
];
