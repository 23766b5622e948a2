/**
 * The analysis half of `vigie run`: after each committed batch, analyse and record alerts (one
 * analysis at a time, batches that wait merged); deliver them in a background loop so a notifier
 * that is down never blocks ingestion.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { closeNotifiers, createNotifiers } from '../../alert/create-notifiers.js';
import { startDeliveryLoop } from '../../alert/delivery-loop.js';
import {
  analyseAndAlert,
  analysePending,
  loadAnalysisSetup,
  type AnalysisSetup,
} from '../../pipeline/analysis-pipeline.js';
import { queueAnalysis } from '../../pipeline/analysis-queue.js';
import { checkAnonymousExposure } from '../../server/anonymous-exposure.js';
import { createServer } from '../../server/create-server.js';
import type { Store } from '../../store/open-store.js';
import type { CliContext } from '../context.js';
import type { ServerConfig } from '../../config/schema.js';

export interface RunningAnalysis {
  readonly setup: AnalysisSetup;
  /** Documents left unanalysed by an earlier crash. */
  catchUp(): Promise<void>;
  analyse(documentIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export function startAnalysis(ctx: CliContext, store: Store, signal: AbortSignal): RunningAnalysis {
  const setup = loadAnalysisSetup(ctx.config);
  for (const problem of setup.problems) ctx.info(`vigie run: warning: ${problem}`);
  const notifiers = createNotifiers(setup.notifiers);
  const delivery = startDeliveryLoop(store, notifiers, {
    intervalMs: 1000,
    leaseMs: ctx.config.alerts.delivery.leaseMs,
    signal,
    onReport: (r) =>
      ctx.info(
        `vigie run: alerts delivered ${r.delivered}, retried ${r.retried}, failed ${r.failed}`,
      ),
    onError: (error) => ctx.info(`vigie run: alert delivery pass failed: ${String(error)}`),
  });
  const log = (documents: number, alerts: number) => {
    if (documents > 0)
      ctx.info(`vigie run: analysed ${documents} document(s), ${alerts} new alert(s)`);
    if (alerts > 0) delivery.wake();
  };
  // One analysis at a time; batches committed meanwhile are analysed together (analysis-queue.ts).
  const queued = queueAnalysis(async (documentIds) => {
    try {
      const done = await analyseAndAlert(store, documentIds, setup);
      log(done.documents, done.alertsRecorded);
    } catch (error) {
      // The documents stay pending (analysed_at is null) and are retried on the next start.
      ctx.info(`vigie run: analysis failed, will retry: ${String(error)}`);
    }
  });
  return {
    setup,
    async catchUp() {
      const done = await analysePending(store, setup);
      log(done.documents, done.alertsRecorded);
    },
    async analyse(documentIds) {
      if (documentIds.length === 0) return;
      await queued(documentIds);
    },
    async close() {
      await delivery.stopped;
      await closeNotifiers(notifiers);
    },
  };
}

export interface ServeExposure {
  /** `--i-know-this-is-public`: the anonymous viewer may listen beyond loopback. */
  readonly acceptPublic?: boolean;
  /** What turned the anonymous viewer on, for the refusal (default `server.anonymousViewer`). */
  readonly via?: string;
}

/** Call {@link checkServeExposure} first too when there is work to skip on a refusal. */
export async function startServer(
  ctx: CliContext,
  store: Store,
  analysis: AnalysisSetup,
  overrides: Partial<ServerConfig> = {},
  exposure: ServeExposure = {},
): Promise<FastifyInstance> {
  const { server, warning } = checkServeExposure(ctx, overrides, exposure);
  const app = await createServer({ store, config: { ...ctx.config, server }, analysis });
  await app.listen({ host: server.host, port: server.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : server.port;
  ctx.out(`Vigie dashboard: http://${server.host}:${port}/  (API: /openapi.json)`);
  if (warning) ctx.info(warning);
  return app;
}

/**
 * The server settings with `overrides` applied, once the anonymous viewer is known to stay on
 * loopback, or with the warning to print when `--i-know-this-is-public` lets it out; a
 * ConfigError (exit 2) otherwise.
 */
export function checkServeExposure(
  ctx: CliContext,
  overrides: Partial<ServerConfig> = {},
  exposure: ServeExposure = {},
): { server: ServerConfig; warning: string | null } {
  const server = { ...ctx.config.server, ...overrides };
  const warning = checkAnonymousExposure({
    host: server.host,
    anonymousViewer: server.anonymousViewer,
    acceptPublic: exposure.acceptPublic === true,
    via: exposure.via ?? 'server.anonymousViewer',
  });
  return { server, warning };
}

/** Serves until SIGINT/SIGTERM (the demo's last step). */
export async function serveUntilStopped(
  ctx: CliContext,
  store: Store,
  overrides: Partial<ServerConfig> = {},
  exposure: ServeExposure = {},
): Promise<void> {
  const app = await startServer(ctx, store, loadAnalysisSetup(ctx.config), overrides, exposure);
  ctx.info('serving until Ctrl-C');
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await app.close();
}
