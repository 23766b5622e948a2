/** Health and the overview the dashboard opens on. */
import { z } from 'zod';
import { sql } from 'kysely';
import { listApiAlerts } from '../../store/api-queries/alert-queries.js';
import { computeApiActivity } from '../../store/api-queries/activity-queries.js';
import { getApiBoards } from '../../store/api-queries/board-queries.js';
import { RawJson, defineRoute } from '../route.js';
import type { BoardLanguage } from '../../domain/board-wording.js';
import type { ServerContext } from '../server-context.js';
import { OverviewSchema } from '../schemas/analysis.js';

export const VERSION = '0.1.0';

const OVERVIEW_DAYS = 30;

/**
 * Boards (worded in `lang`) with sparklines, latest alerts, activity: computed once per cache
 * period and language.
 */
export async function computeOverview(
  ctx: ServerContext,
  lang: BoardLanguage = 'en',
): Promise<z.input<typeof OverviewSchema>> {
  const db = ctx.store.db;
  const [boards, latest, open, activity] = await Promise.all([
    getApiBoards(db, { days: OVERVIEW_DAYS, now: ctx.now(), lang }),
    listApiAlerts(db, {}, { limit: 10, offset: 0 }, lang),
    listApiAlerts(db, { acknowledged: false }, { limit: 1, offset: 0 }),
    computeApiActivity(db, OVERVIEW_DAYS),
  ]);
  return {
    generatedAt: ctx.now().toISOString(),
    boards,
    alerts: latest.items,
    unacknowledgedAlerts: open.total,
    activity,
  };
}

export const overviewRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/health',
    access: 'public',
    tag: 'system',
    summary: 'Liveness and store reachability (no token needed)',
    response: z.object({
      status: z.enum(['ok', 'degraded']),
      version: z.string(),
      store: z.string(),
    }),
    async handler({ ctx }) {
      try {
        await sql`select 1`.execute(ctx.store.db);
        return { status: 'ok' as const, version: VERSION, store: ctx.store.dialect };
      } catch {
        return { status: 'degraded' as const, version: VERSION, store: ctx.store.dialect };
      }
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/me',
    access: 'viewer',
    tag: 'system',
    summary:
      'Who the token belongs to and its role (the dashboard shows only what the role allows)',
    response: z.object({
      name: z.string(),
      role: z.enum(['viewer', 'analyst', 'admin']),
      anonymous: z.boolean(),
    }),
    async handler({ principal }) {
      const who = principal ?? { name: 'anonymous', role: 'viewer' as const, tokenId: null };
      return { name: who.name, role: who.role, anonymous: who.tokenId === null };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/overview',
    access: 'viewer',
    tag: 'overview',
    summary:
      'Cards for each watchboard (probability, 30-day sparkline, last change), latest alerts, activity',
    description: 'Cached for a few seconds and cleared by every write through the API.',
    response: OverviewSchema,
    async handler({ ctx, lang }) {
      // Cached serialised: a hit costs no query and no JSON.stringify.
      return ctx.cache.get(
        `overview:${lang}`,
        async () => new RawJson(JSON.stringify(await computeOverview(ctx, lang))),
      );
    },
  }),
];
