/**
 * A route of the API: method, path, the minimum role, the zod schemas of its input and output,
 * and a handler that receives the parsed input. The route table is the single source for
 * registration, role enforcement and the OpenAPI document.
 * @module
 */
import type { z } from 'zod';
import type { BoardLanguage } from '../domain/board-wording.js';
import type { Role } from '../store/auth-repo.js';
import type { ServerContext } from './server-context.js';

/** `public` routes need no token; the others need at least the given role. */
export type Access = 'public' | Role;

export interface Principal {
  /** User name, or `anonymous` when `server.anonymousViewer` let the request in. */
  readonly name: string;
  readonly role: Role;
  readonly tokenId: string | null;
}

export interface RouteInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly principal: Principal | null;
  readonly ctx: ServerContext;
  /**
   * The language the request reads boards in (its Accept-Language; English when it names none
   * Vigie has): board, hypothesis and indicator titles and descriptions are sent in it.
   */
  readonly lang: BoardLanguage;
}

export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Fastify path, e.g. `/api/documents/:id`. */
  readonly url: string;
  readonly access: Access;
  readonly summary: string;
  readonly tag: string;
  readonly description?: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly response: R;
  /** Success status (default 200). */
  readonly status?: 200 | 201 | 202;
  /**
   * Largest body this route reads, for every role (default 64 KiB); the client's role limit
   * (server.limits) may be smaller.
   */
  readonly maxBodyBytes?: number;
  /**
   * CPU- or memory-heavy (extraction, ingest, briefs, exports): counted against the client's
   * and the server's concurrency caps (request-limits.ts).
   */
  readonly costly?: boolean;
  /** Writes invalidate cached reads (the overview). */
  readonly writes?: boolean;
  /**
   * Serialise the success reply with a writer compiled from `response` (Fastify's
   * fast-json-stringify) instead of JSON.stringify: about half the cost on hot list pages.
   * Only for schemas that list every field sent (fields outside the schema would be dropped).
   */
  readonly compiledSerializer?: boolean;
  handler(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<z.input<R> | RawJson>;
}

/** A response already serialised (cached reads): sent as is, checked against the schema in tests. */
export class RawJson {
  constructor(readonly json: string) {}
}

/** Identity, for inference: `defineRoute({ ... })` types the handler from the schemas. */
export function defineRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
>(def: RouteDef<P, Q, B, R>): RouteDef {
  return def as unknown as RouteDef;
}
