/** Builds a seeded server for the API tests. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import { ConfigSchema, type ServerConfigSchema } from '../../src/config/schema.js';
import { createServer, type CreateServerOptions } from '../../src/server/create-server.js';
import type { ServerServices } from '../../src/server/services.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { seedStore, type SeedResult } from './seed.js';

export interface Harness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly seed: SeedResult;
  /** Injects with the token of `role` (or none / a raw header). */
  as(
    who: 'viewer' | 'analyst' | 'admin' | 'none' | { authorization: string },
    options: InjectOptions,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function buildHarness(
  options: {
    store?: Store;
    /** vigie.yaml's `server`, defaults filled in (nested objects too). */
    server?: z.input<typeof ServerConfigSchema>;
    services?: ServerServices;
    extra?: Partial<CreateServerOptions>;
  } = {},
): Promise<Harness> {
  const store = options.store ?? (await openStore({ url: ':memory:' }));
  const seed = await seedStore(store);
  const config = ConfigSchema.parse({ server: { rateLimitPerMinute: 100_000, ...options.server } });
  const app = await createServer({
    store,
    config,
    validateResponses: true,
    webRoot: null,
    now: () => new Date('2024-11-15T00:00:00Z'),
    ...(options.services ? { services: options.services } : {}),
    ...options.extra,
  });
  return {
    app,
    store,
    seed,
    as(who, inject) {
      const headers: Record<string, string> = { ...(inject.headers as Record<string, string>) };
      if (typeof who === 'object') headers['authorization'] = who.authorization;
      else if (who !== 'none') headers['authorization'] = `Bearer ${seed.tokens[who]}`;
      return app.inject({ ...inject, headers });
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
