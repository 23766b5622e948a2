/**
 * `vigie serve`: the HTTP API and the dashboard, until SIGINT/SIGTERM; with `--workers N` (or
 * `server.workers`) N processes share the port (serve-workers.ts).
 * @module
 */
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { checkAnonymousExposure, PUBLIC_FLAG } from '../../server/anonymous-exposure.js';
import { createServer } from '../../server/create-server.js';
import { loadAnalysisSetup } from '../../pipeline/analysis-pipeline.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';
import {
  isServeWorker,
  leavePool,
  reportListening,
  runWorkerPool,
  waitForStop,
} from './serve-workers.js';

interface ServeOptions {
  host?: string;
  port?: string;
  log?: boolean;
  workers?: string;
  iKnowThisIsPublic?: boolean;
}

export const serveCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('serve')
      .description('serve the HTTP API (OpenAPI at /openapi.json) and the dashboard')
      .option('--host <host>', 'address to listen on (default: server.host, 127.0.0.1)')
      .option('--port <port>', 'port (default: server.port, 8080; 0 = any free port)')
      .option('--log', 'log each request to stdout (tokens are never logged)')
      .option('--workers <n>', 'server processes sharing the port (default: server.workers, 1)')
      .option(
        PUBLIC_FLAG,
        'let server.anonymousViewer serve without a token on a non-loopback address',
      )
      .action((options: ServeOptions) => run((ctx) => serve(ctx, options)));
  },
};

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InputError(`invalid --port "${text}": expected 0–65535`, '--port');
  }
  return port;
}

function parseWorkers(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new InputError(`invalid --workers "${text}": expected 1–64`, '--workers');
  }
  return n;
}

async function serve(ctx: CliContext, options: ServeOptions): Promise<number> {
  const host = options.host ?? ctx.config.server.host;
  const port = options.port === undefined ? ctx.config.server.port : parsePort(options.port);
  const workers =
    options.workers === undefined ? ctx.config.server.workers : parseWorkers(options.workers);
  // Before the pool forks or the store opens: a refusal costs nothing and names the fix.
  const exposure = checkAnonymousExposure({
    host,
    anonymousViewer: ctx.config.server.anonymousViewer,
    acceptPublic: options.iKnowThisIsPublic === true,
    via: 'server.anonymousViewer',
  });
  if (exposure && !isServeWorker()) ctx.info(exposure);
  if (workers > 1 && !isServeWorker()) return servePool(ctx, host, workers);
  const store = await ctx.store('server');
  const analysis = loadAnalysisSetup(ctx.config);
  for (const problem of analysis.problems) ctx.info(`warning: ${problem}`);
  const app = await createServer({
    store,
    config: ctx.config,
    analysis,
    logger: options.log === true,
  });
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  if (isServeWorker()) {
    reportListening(actualPort);
  } else {
    announce(ctx, host, actualPort, '');
  }
  await waitForStop();
  if (!isServeWorker()) ctx.info('stopping…');
  await app.close();
  leavePool();
  return EXIT.ok;
}

/** The primary of `--workers N`: migrates the store once, then forks and watches the workers. */
async function servePool(ctx: CliContext, host: string, workers: number): Promise<number> {
  // Migrations run here, once, so N workers do not race to apply them.
  await ctx.store();
  await ctx.close();
  await runWorkerPool({
    workers,
    onListening: (port) => announce(ctx, host, port, `, ${workers} workers`),
    onWarning: (message) => ctx.info(`warning: ${message}`),
  });
  ctx.info('stopped all workers');
  return EXIT.ok;
}

function announce(ctx: CliContext, host: string, port: number, extra: string): void {
  const shown = host.includes(':') ? `[${host}]` : host;
  ctx.out(`Vigie listening on http://${shown}:${port}/ (API docs: /openapi.json${extra})`);
  if (ctx.config.server.anonymousViewer)
    ctx.info('anonymous read access is on (server.anonymousViewer)');
}
