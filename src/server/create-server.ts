/**
 * The HTTP server: Fastify with security headers (helmet's, computed once), rate limiting, closed-by-default CORS, token
 * auth, zod-validated routes from the route table, /openapi.json, and the dashboard (web/dist)
 * when it has been built.
 *
 * @example
 * const app = await createServer({ store, config });
 * const res = await app.inject({ url: '/api/health' });
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { z } from 'zod';
import { preferredLanguage } from '../domain/board-wording.js';
import { formatIssues } from '../domain/errors.js';
import { hasUnstorable, stripUnstorableDeep } from '../domain/storable-text.js';
import { FetchConfigSchema, type Config } from '../config/schema.js';
import type { Store } from '../store/open-store.js';
import { Authenticator } from './auth.js';
import { HttpError, sendError } from './http-errors.js';
import { buildOpenApi, responseJsonSchema } from './openapi.js';
import { defaultServices } from './default-services.js';
import { ReadCache } from './read-cache.js';
import { RawJson, type Principal, type RouteDef } from './route.js';
import { RawReply } from './raw-reply.js';
import { addSecurityHeaders } from './security-headers.js';
import { RequestLimits } from './request-limits.js';
import { ROUTES } from './route-table.js';
import type { ServerContext } from './server-context.js';
import type { ServerServices } from './services.js';
import type { AnalysisSetup } from '../pipeline/analysis-pipeline.js';
import { PdfPrinter, type PdfBrowser } from '../report/brief/render-pdf.js';

/** Where log lines go, for tests and `vigie serve`; never includes the authorization header. */
export interface ServerLogger {
  readonly level?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly stream?: { write(line: string): unknown };
}

export interface CreateServerOptions {
  readonly store: Store;
  /** The resolved config: `server`, and `fetch` for URL ingest. */
  readonly config: Pick<Config, 'server'> & Partial<Pick<Config, 'fetch'>>;
  /** Default: the real pipeline, extractor and page reader (default-services.ts). */
  readonly services?: ServerServices;
  /** Boards and alert rules: posted documents are then analysed and may fire alerts. */
  readonly analysis?: Pick<AnalysisSetup, 'boards' | 'rules'>;
  /** false (default) for silence, true for info on stdout, or a level and stream. */
  readonly logger?: boolean | ServerLogger;
  /** Largest accepted request body in bytes, any route or role (default: the largest role limit). */
  readonly bodyLimit?: number;
  /** The built dashboard; default `web/dist` of the package. Missing folder: `/` answers JSON. */
  readonly webRoot?: string | null;
  /** Check every response against its schema (tests); a mismatch is a 500. */
  readonly validateResponses?: boolean;
  /** Overview cache lifetime (default 5 s); API writes clear it at once. */
  readonly cacheTtlMs?: number;
  readonly now?: () => Date;
  /** Starts the browser PDF briefs are printed with (tests; default Chromium). */
  readonly launchPdfBrowser?: () => Promise<PdfBrowser>;
}

/** A route's body ceiling unless it declares its own (RouteDef.maxBodyBytes). */
const DEFAULT_ROUTE_BODY_BYTES = 64 * 1024;

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** script-src 'self': the dashboard is a self-contained Vite build with no inline script. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export async function createServer(options: CreateServerOptions): Promise<FastifyInstance> {
  const server = options.config.server;
  const app = Fastify({
    logger: loggerOptions(options.logger),
    trustProxy: false,
    return503OnClosing: true,
  });
  const owned = options.services
    ? null
    : defaultServices(
        { fetch: options.config.fetch ?? FetchConfigSchema.parse({}) },
        options.analysis,
      );
  if (owned) app.addHook('onClose', () => owned.close());
  const ctx: ServerContext = {
    store: options.store,
    config: options.config as Config,
    services: options.services ?? owned ?? {},
    cache: new ReadCache(options.cacheTtlMs ?? 5000),
    pdf: new PdfPrinter({
      maxQueue: server.limits.pdfQueue,
      ...(options.launchPdfBrowser ? { launch: options.launchPdfBrowser } : {}),
    }),
    now: options.now ?? (() => new Date()),
  };
  app.addHook('onClose', () => ctx.pdf.close());
  const auth = new Authenticator(options.store, { anonymousViewer: server.anonymousViewer });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  await addSecurityHeaders(app, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    crossOriginEmbedderPolicy: false,
  });
  if (server.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: [...server.corsOrigins],
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type'],
    });
  }
  await app.register(rateLimit, {
    global: true,
    max: server.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, context) =>
      new HttpError(
        429,
        'VIGIE_RATE_LIMITED',
        `rate limit exceeded: ${context.max} requests per minute; retry in ${context.after}`,
      ),
  });

  const limits = new RequestLimits(server.limits);
  const l = server.limits;
  const bodyLimit =
    options.bodyLimit ??
    Math.max(l.anonymous.bodyBytes, l.viewer.bodyBytes, l.analyst.bodyBytes, l.admin.bodyBytes);
  for (const def of ROUTES) {
    const guard = { auth, limits, bodyLimit };
    registerRoute(app, def, ctx, guard, options.validateResponses ?? false);
  }

  let openApi: string | undefined;
  app.get('/openapi.json', async (_req, reply) => {
    openApi ??= JSON.stringify(buildOpenApi(ROUTES));
    return reply.type('application/json; charset=utf-8').send(openApi);
  });

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const spa = webRoot !== null && existsSync(`${webRoot}/index.html`);
  if (spa) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'] });
  } else {
    app.get('/', async () => ({
      name: 'Vigie API',
      openapi: '/openapi.json',
      health: '/api/health',
      dashboard: 'not built (npm run build)',
    }));
  }
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (spa && request.method === 'GET' && !path.startsWith('/api/') && path !== '/api') {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendError(
      request,
      reply,
      new HttpError(404, 'VIGIE_NOT_FOUND', `no route ${request.method} ${path}`),
    );
  });
  return app;
}

function loggerOptions(logger: CreateServerOptions['logger']): object | boolean {
  if (logger === undefined || logger === false) return false;
  const redact = {
    paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
    censor: '[redacted]',
  };
  if (logger === true) return { level: 'info', redact };
  return {
    level: logger.level ?? 'info',
    redact,
    ...(logger.stream ? { stream: logger.stream } : {}),
  };
}

/**
 * A path or query string holding NUL or a lone surrogate is a 400: no id or search term has
 * one, SQLite's full-text search and PostgreSQL both fail on NUL (once a 500), and stripping it
 * would silently ask for something else.
 */
function refuseUnstorable(values: unknown, part: 'path' | 'query'): unknown {
  for (const [key, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
    const texts = Array.isArray(value) ? value : [value];
    if (texts.some((t) => typeof t === 'string' && hasUnstorable(t))) {
      const message = `${key} holds a NUL character or a lone surrogate`;
      throw new HttpError(400, 'VIGIE_INPUT_INVALID', `invalid ${part}: ${message}`, [
        { in: part, path: [key], message },
      ]);
    }
  }
  return values;
}

function parsePart<T extends z.ZodType>(
  schema: T | undefined,
  value: unknown,
  part: string,
): z.output<T> | undefined {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    throw new HttpError(
      400,
      'VIGIE_INPUT_INVALID',
      `invalid ${part}: ${formatIssues(parsed.error.issues)}`,
      parsed.error.issues.map((i) => ({ in: part, path: i.path.map(String), message: i.message })),
    );
  }
  return parsed.data;
}

interface RouteGuard {
  readonly auth: Authenticator;
  readonly limits: RequestLimits;
  /** The server's body ceiling (CreateServerOptions.bodyLimit). */
  readonly bodyLimit: number;
}

function registerRoute(
  app: FastifyInstance,
  def: RouteDef,
  ctx: ServerContext,
  guard: RouteGuard,
  validateResponses: boolean,
): void {
  const ceiling = Math.min(def.maxBodyBytes ?? DEFAULT_ROUTE_BODY_BYTES, guard.bodyLimit);
  // Who is asking is known before the body is read, so the body is sized by role.
  const principals = new WeakMap<FastifyRequest, Principal | null>();
  app.route({
    method: def.method,
    url: def.url,
    bodyLimit: ceiling,
    ...(def.compiledSerializer
      ? { schema: { response: { [def.status ?? 200]: responseJsonSchema(def.response) } } }
      : {}),
    preParsing: async (request, _reply, payload) => {
      const principal = await guard.auth.authorize(request, def.access, ctx.now());
      principals.set(request, principal);
      return guard.limits.guardBody(def, principal, ceiling, request.headers, payload);
    },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = principals.get(request) ?? null;
      if (!def.costly) return answer(request, reply, principal);
      return guard.limits.run(def, principal, request.ip, () => answer(request, reply, principal));
    },
  });

  async function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    principal: Principal | null,
  ): Promise<FastifyReply> {
    const params = parsePart(
      def.params,
      refuseUnstorable(request.params, 'path'),
      'path parameters',
    );
    const query = parsePart(def.query, refuseUnstorable(request.query, 'query'), 'query');
    // Bodies carry documents and names: cleaned like every document (domain/storable-text).
    const body = def.body
      ? parsePart(def.body, stripUnstorableDeep(request.body ?? null), 'body')
      : undefined;
    const lang = preferredLanguage(request.headers['accept-language']);
    // Boards are worded in the request's language: caches must keep the languages apart.
    reply.header('vary', 'Accept-Language');
    const result = await def.handler({ params, query, body, principal, ctx, lang });
    if (def.writes) ctx.cache.invalidate();
    if (validateResponses) {
      const check = def.response.safeParse(
        result instanceof RawJson ? JSON.parse(result.json) : result,
      );
      if (!check.success) {
        throw new Error(
          `response of ${def.method} ${def.url} breaks its schema: ${formatIssues(check.error.issues)}`,
        );
      }
    }
    reply.code(def.status ?? 200);
    if (result instanceof RawJson)
      return reply.type('application/json; charset=utf-8').send(result.json);
    if (result instanceof RawReply) return result.send(reply);
    return reply.send(result);
  }
}
