/**
 * `vigie worker`: takes jobs from the store's queue (fetch a source, analyse what is pending)
 * so fetching, extraction and analysis spread over any number of processes on any number of
 * machines sharing one PostgreSQL database. Every worker also enqueues the due sources (the
 * queue de-duplicates) and delivers the alert outbox. SIGINT/SIGTERM stop claiming jobs, abort the
 * fetches in flight, stop each batch at its next safe point and hand its job back to the queue.
 * @module
 */
import type { Command } from 'commander';
import { closeNotifiers, createNotifiers } from '../../alert/create-notifiers.js';
import { deliverDue } from '../../alert/deliver-due.js';
import { startDeliveryLoop } from '../../alert/delivery-loop.js';
import { InputError, StoppingError } from '../../domain/errors.js';
import { SafeFetcher } from '../../ingest/fetch/safe-fetch.js';
import { loadAnalysisSetup } from '../../pipeline/analysis-pipeline.js';
import { enqueueDueSources } from '../../pipeline/jobs/enqueue-due-sources.js';
import { createJobHandlers } from '../../pipeline/jobs/job-handlers.js';
import { analyseJob } from '../../pipeline/jobs/job-kinds.js';
import { runWorker } from '../../pipeline/jobs/run-worker.js';
import { enqueueJob } from '../../store/jobs-repo.js';
import type { CliContext } from '../context.js';
import type { CommandModule } from './command-module.js';
import { createIngestionScheduler, declareConfigSources } from './ingestion-setup.js';

interface WorkerCliOptions {
  once?: boolean;
  concurrency: string;
  leaseSeconds: string;
}

export const workerCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('worker')
      .description(
        'take fetch and analysis jobs from the shared queue (run several; Ctrl-C stops cleanly)',
      )
      .option('--once', 'drain the jobs due now (after enqueueing the due sources) and exit')
      .option('--concurrency <n>', 'jobs handled at the same time', '2')
      .option(
        '--lease-seconds <n>',
        'how long a job stays with a worker that stopped answering before another takes it',
        '300',
      )
      .action((options: WorkerCliOptions) => run((ctx) => runWorkerCommand(ctx, options)));
  },
};

async function runWorkerCommand(ctx: CliContext, options: WorkerCliOptions): Promise<void> {
  const concurrency = Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new InputError(
      `--concurrency must be a positive whole number, not "${options.concurrency}"`,
      '--concurrency',
    );
  const leaseSeconds = Number(options.leaseSeconds);
  if (!Number.isFinite(leaseSeconds) || leaseSeconds < 3)
    throw new InputError(
      `--lease-seconds must be a number of seconds ≥ 3, not "${options.leaseSeconds}"`,
      '--lease-seconds',
    );
  const store = await ctx.store();
  const log = (line: string) => ctx.info(`${new Date().toISOString()} ${line}`);
  // Workers started together race to insert the same sources: the second pass only updates.
  await declareConfigSources(ctx, store).catch(() => declareConfigSources(ctx, store));
  const setup = loadAnalysisSetup(ctx.config);
  for (const problem of setup.problems) ctx.info(`vigie worker: warning: ${problem}`);
  const notifiers = createNotifiers(setup.notifiers);
  const fetcher = new SafeFetcher(ctx.config.fetch);
  const stop = new AbortController();
  const delivery = options.once
    ? null
    : startDeliveryLoop(store, notifiers, {
        intervalMs: 1000,
        leaseMs: ctx.config.alerts.delivery.leaseMs,
        signal: stop.signal,
        onReport: (r) =>
          log(
            `vigie worker: alerts delivered ${r.delivered}, retried ${r.retried}, failed ${r.failed}`,
          ),
        onError: (error) => log(`vigie worker: alert delivery pass failed: ${String(error)}`),
      });
  const handlers = createJobHandlers({
    store,
    poller: createIngestionScheduler(ctx, store, fetcher),
    analysis: setup,
    onAlerts: () => delivery?.wake(),
  });
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stop.signal.aborted) return;
    ctx.info(`vigie worker: ${signal} received, stopping the jobs in flight at a safe point…`);
    stop.abort(new StoppingError(`${signal} received`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    // Documents a crashed process stored but never analysed.
    await enqueueJob(store.db, analyseJob());
    ctx.info(
      `vigie worker: ${options.once ? 'draining due jobs' : 'taking jobs'} (store ${store.location}, concurrency ${concurrency})`,
    );
    const summary = await runWorker({
      store,
      handlers,
      concurrency,
      leaseMs: leaseSeconds * 1000,
      once: options.once === true,
      signal: stop.signal,
      schedule: () => enqueueDueSources(store),
      log,
    });
    if (options.once && notifiers.length > 0) {
      const r = await deliverDue(store, notifiers, {
        leaseMs: ctx.config.alerts.delivery.leaseMs,
      });
      if (r.claimed > 0)
        log(
          `vigie worker: alerts delivered ${r.delivered}, retried ${r.retried}, failed ${r.failed}`,
        );
    }
    ctx.info(
      `vigie worker: stopped cleanly (${summary.done} job(s) done, ${summary.failed} failed)`,
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    stop.abort();
    await delivery?.stopped;
    await closeNotifiers(notifiers);
    await fetcher.close();
  }
}
