/**
 * The shape of vigie.yaml. Each section is owned by the module that uses it;
 * this file only composes them so one validation names any bad field.
 * @module
 */
import { z } from 'zod';
import { ReliabilitySchema } from '../domain/ontology.js';

export const SourceConfigSchema = z.strictObject({
  id: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  /** http(s) URL of a feed or page, or a local path. */
  url: z.string().min(1),
  kind: z.enum(['feed', 'page', 'file', 'gdelt']).optional(),
  reliability: ReliabilitySchema.default('F'),
  lang: z.string().min(2).max(12).optional(),
  /** Poll interval in seconds. */
  interval: z.number().int().min(10).default(900),
  enabled: z.boolean().default(true),
});

/**
 * `sources:` is either the list of sources (the original form) or a mapping with that list
 * under `list` and the folders local sources may read under `allowedRoots`.
 */
export const SourcesConfigSchema = z.preprocess(
  (value) => (Array.isArray(value) ? { list: value } : value),
  z.strictObject({
    /** Folders that local file sources must lie inside (relative to this file); none by default. */
    allowedRoots: z.array(z.string().min(1)).default([]),
    list: z.array(SourceConfigSchema).default([]),
  }),
);

export const FetchConfigSchema = z.strictObject({
  timeoutMs: z.number().int().min(100).default(20_000),
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  perHostConcurrency: z.number().int().min(1).default(2),
  perHostDelayMs: z.number().int().min(0).default(1000),
  /**
   * Longest time one source is read by `vigie run`/`vigie worker`: the feed and its item pages.
   * Past it the fetches in flight stop and a feed keeps the items it got (summaries for pages
   * not read); a slow source never holds back another's schedule.
   */
  sourceBudgetMs: z.number().int().min(1000).default(120_000),
  /** Item pages of one feed fetched at the same time (perHostConcurrency still applies). */
  pageConcurrency: z.number().int().min(1).max(32).default(4),
  /** Item pages fetched per feed and poll at most; the other items keep their summaries. */
  maxPagesPerFeed: z.number().int().min(0).default(30),
  /**
   * On SIGTERM/SIGINT, how long `vigie run`/`vigie worker` go on storing the feeds and pages that
   * had already answered (fetches still in flight are aborted at once). Past it, a batch stops at
   * its next safe point and its source is read again at the next start.
   */
  stopDrainMs: z.number().int().min(0).default(10_000),
  userAgent: z.string().default('Vigie/0.1 (+https://github.com/vigie-osint/vigie)'),
  /** Hosts or CIDR ranges allowed even when private or loopback (local use, tests). */
  allowPrivate: z.array(z.string()).default([]),
});

/** Caps that keep a hostile GDELT file (`vigie import gdelt`) bounded in memory and time. */
export const GdeltConfigSchema = z.strictObject({
  /** Decompressed bytes read from a zipped export at most (4 GiB: a zip entry without ZIP64). */
  maxInflatedBytes: z
    .number()
    .int()
    .min(1024)
    .default(4 * 1024 ** 3),
  /** Bytes in one row at most. */
  maxLineBytes: z
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
});

export const NotifierConfigSchema = z.discriminatedUnion('type', [
  z.strictObject({
    id: z.string().min(1),
    type: z.literal('webhook'),
    url: z.string().url(),
    secret: z.string().min(1).optional(),
    timeoutMs: z.number().int().min(100).default(10_000),
  }),
  z.strictObject({
    id: z.string().min(1),
    type: z.literal('email'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(587),
    secure: z.boolean().default(false),
    user: z.string().optional(),
    password: z.string().optional(),
    from: z.string().min(3),
    to: z.array(z.string().min(3)).min(1),
    /** Never upgrade to TLS with STARTTLS (a local relay without TLS). */
    ignoreTLS: z.boolean().default(false),
    /** Refuse to send unless STARTTLS succeeds. */
    requireTLS: z.boolean().default(false),
    /** Connection, greeting and socket time-out. */
    timeoutMs: z.number().int().min(100).default(15_000),
  }),
  z.strictObject({
    id: z.string().min(1),
    type: z.literal('file'),
    /** A file path, or `-` for stdout. */
    path: z.string().min(1),
  }),
]);

export const AlertRuleConfigSchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(['threshold', 'first-event', 'spike', 'watch']),
  /** threshold: board/hypothesis and level, direction up|down|both. */
  board: z.string().optional(),
  hypothesis: z.string().optional(),
  above: z.number().gt(0).lt(1).optional(),
  below: z.number().gt(0).lt(1).optional(),
  /** first-event / spike / watch criteria. */
  types: z.array(z.string()).optional(),
  actors: z.array(z.string()).optional(),
  capabilities: z.array(z.string()).optional(),
  keywords: z.array(z.string()).optional(),
  /** Spike tail probability below which a day counts as a spike. */
  pValue: z.number().gt(0).lt(1).optional(),
  /**
   * How `actors` filters: `any` (default) — one of the event's actors is listed;
   * `all` — every actor of the event is listed (e.g. [RUS, PRK] = only that pair).
   */
  actorMatch: z.enum(['any', 'all']).optional(),
  /** Modalities that count (first-event default: ASSERTED, HEDGED, PLANNED; watch default: all). */
  modalities: z.array(z.string()).optional(),
  notify: z.array(z.string().min(1)).default([]),
});

export const DeliveryConfigSchema = z.strictObject({
  /**
   * How long a claimed outbox row stays with its deliverer: a row left `sending` by a crash is
   * retaken once this has passed. Must exceed every notifier's own time-out.
   */
  leaseMs: z.number().int().min(1000).default(300_000),
});

/** A lease shorter than a notifier's time-out abandons sends that would still succeed. */
function checkDeliveryLease(
  alerts: { delivery: { leaseMs: number }; notifiers: readonly NotifierConfig[] },
  ctx: z.RefinementCtx,
): void {
  const { leaseMs } = alerts.delivery;
  for (const notifier of alerts.notifiers) {
    if (!('timeoutMs' in notifier) || notifier.timeoutMs < leaseMs) continue;
    ctx.addIssue({
      code: 'custom',
      path: ['delivery', 'leaseMs'],
      message: `must exceed the time-out of notifier "${notifier.id}" (${notifier.timeoutMs} ms), not ${leaseMs} ms`,
    });
  }
}

/** What one client of a role may send and run at once (server.limits). */
const RoleLimitSchema = (bodyBytes: number, concurrent: number) =>
  z
    .strictObject({
      /** Largest request body, in bytes, on any route (a route may allow less). */
      bodyBytes: z.number().int().min(1024).default(bodyBytes),
      /** Costly requests (extraction, ingest, briefs, exports) in flight at once per client. */
      concurrent: z.number().int().min(1).default(concurrent),
    })
    .prefault({});

const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * Bounded work per request (issue #15 finding 2): body size and concurrency by role, and the
 * server's own cap on costly requests. Anonymous is the demo's token-less viewer.
 */
export const ServerLimitsSchema = z.strictObject({
  anonymous: RoleLimitSchema(64 * KIB, 1),
  viewer: RoleLimitSchema(2 * MIB, 2),
  analyst: RoleLimitSchema(8 * MIB, 4),
  admin: RoleLimitSchema(8 * MIB, 8),
  /** Costly requests in flight at once, all clients together; past it a 503 (server busy). */
  maxInFlight: z.number().int().min(1).default(16),
  /** PDF briefs waiting for the shared Chromium; past it a 503. */
  pdfQueue: z.number().int().min(0).default(8),
});

export const ServerConfigSchema = z.strictObject({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8080),
  /** Allowed CORS origins; closed by default. */
  corsOrigins: z.array(z.string()).default([]),
  rateLimitPerMinute: z.number().int().min(1).default(600),
  /** Serve without tokens (read-only viewer role) — for a laptop demo. */
  anonymousViewer: z.boolean().default(false),
  /** Server processes sharing the port (`vigie serve --workers`); each opens its own store. */
  workers: z.number().int().min(1).max(64).default(1),
  limits: ServerLimitsSchema.prefault({}),
});

export const ExtractConfigSchema = z.strictObject({
  /** OpenAI-compatible endpoint for the optional high-recall mode. */
  llm: z
    .object({
      enabled: z.boolean().default(false),
      baseUrl: z.string().url(),
      model: z.string().min(1),
      apiKey: z.string().optional(),
      timeoutMs: z.number().int().min(100).default(60_000),
    })
    .optional(),
});

export const ConfigSchema = z
  .object({
    database: z.strictObject({ url: z.string().min(1).default('./vigie.db') }).prefault({}),
    sources: SourcesConfigSchema.prefault({}),
    fetch: FetchConfigSchema.prefault({}),
    gdelt: GdeltConfigSchema.prefault({}),
    /** Extra watchboard YAML files, beside the ones in data/watchboards/. */
    watchboards: z.array(z.string().min(1)).default([]),
    alerts: z
      .object({
        rules: z.array(AlertRuleConfigSchema).default([]),
        notifiers: z.array(NotifierConfigSchema).default([]),
        delivery: DeliveryConfigSchema.prefault({}),
      })
      .superRefine(checkDeliveryLease)
      .prefault({}),
    server: ServerConfigSchema.prefault({}),
    extract: ExtractConfigSchema.prefault({}),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export type SourceConfig = z.infer<typeof SourceConfigSchema>;
export type NotifierConfig = z.infer<typeof NotifierConfigSchema>;
export type AlertRuleConfig = z.infer<typeof AlertRuleConfigSchema>;
export type ServerConfig = z.infer<typeof ServerConfigSchema>;
export type ServerLimits = z.infer<typeof ServerLimitsSchema>;
export type FetchConfig = z.infer<typeof FetchConfigSchema>;
export type GdeltConfig = z.infer<typeof GdeltConfigSchema>;
export type DeliveryConfig = z.infer<typeof DeliveryConfigSchema>;
