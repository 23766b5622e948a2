/**
 * `vigie serve`: the HTTP API and the dashboard, until SIGINT/SIGTERM.
 * @module
 */
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { createServer } from '../../server/create-server.js';
import { loadAnalysisSetup } from '../../pipeline/analysis-pipeline.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';

interface ServeOptions {
  host?: string;
  port?: string;
  log?: boolean;
}

export const serveCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('serve')
      .description('serve the HTTP API (OpenAPI at /openapi.json) and the dashboard')
      .option('--host <host>', 'address to listen on (default: server.host, 127.0.0.1)')
      .option('--port <port>', 'port (default: server.port, 8080; 0 = any free port)')
      .option('--log', 'log each request to stdout (tokens are never logged)')
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

async function serve(ctx: CliContext, options: ServeOptions): Promise<number> {
  const host = options.host ?? ctx.config.server.host;
  const port = options.port === undefined ? ctx.config.server.port : parsePort(options.port);
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
  const shown = host.includes(':') ? `[${host}]` : host;
  ctx.out(`Vigie listening on http://${shown}:${actualPort}/ (API docs: /openapi.json)`);
  if (ctx.config.server.anonymousViewer)
    ctx.info('anonymous read access is on (server.anonymousViewer)');
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  ctx.info('stopping…');
  await app.close();
  return EXIT.ok;
}
