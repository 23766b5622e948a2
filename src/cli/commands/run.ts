/**
 * `vigie run`: the long-running process. Upserts the sources of vigie.yaml, then polls due
 * sources → fetch → parse → extract → store, one log line per cycle on stderr. SIGINT/SIGTERM
 * stop taking sources and abort the fetches in flight; what had already answered is stored for up
 * to fetch.stopDrainMs, after which each batch stops at its next safe point (between documents
 * while extracting, between write transactions), then exit 0; the interrupted
 * sources are still due, so the next start reads them again and stores what is missing. After
 * `kill -9` a restart resumes the same way (fetch state is recorded after the documents are
 * committed).
 * @module
 */
import type { Command } from 'commander';
import { InputError, StoppingError } from '../../domain/errors.js';
import { SafeFetcher } from '../../ingest/fetch/safe-fetch.js';
import { PUBLIC_FLAG } from '../../server/anonymous-exposure.js';
import { checkServeExposure, startAnalysis, startServer } from './run-analysis.js';
import type { CliContext } from '../context.js';
import type { CommandModule } from './command-module.js';
import { createIngestionScheduler, declareConfigSources } from './ingestion-setup.js';

interface RunOptions {
  once?: boolean;
  concurrency: string;
  serve?: boolean;
  iKnowThisIsPublic?: boolean;
}

export const runCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('run')
      .description('poll sources continuously: fetch → extract → store (Ctrl-C stops cleanly)')
      .option('--once', 'run one cycle over the due sources and exit')
      // 16: a poll mostly waits on the network (per-host spacing, item pages, time-outs), so 4
      // slots left 200 feeds at 10× a realistic rate overdue (bench/soak, docs/soak.md).
      .option('--concurrency <n>', 'sources read at the same time', '16')
      .option('--serve', 'also serve the API and dashboard (server.host:server.port)')
      .option(
        PUBLIC_FLAG,
        'with --serve: let server.anonymousViewer serve without a token on a non-loopback address',
      )
      .action((options: RunOptions) => run((ctx) => runIngestion(ctx, options)));
  },
};

async function runIngestion(ctx: CliContext, options: RunOptions): Promise<void> {
  const concurrency = Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new InputError(
      `--concurrency must be a positive whole number, not "${options.concurrency}"`,
      '--concurrency',
    );
  const exposure = { acceptPublic: options.iKnowThisIsPublic === true };
  // An exposed anonymous viewer is refused before anything is fetched or stored.
  if (options.serve) checkServeExposure(ctx, {}, exposure);
  // --once is a batch job; otherwise a long-lived process that re-reads its hot pages.
  const store = await ctx.store(options.once && !options.serve ? 'batch' : 'server');
  const declared = await declareConfigSources(ctx, store);
  const fetcher = new SafeFetcher(ctx.config.fetch);
  const stop = new AbortController();
  const analysis = startAnalysis(ctx, store, stop.signal);
  const scheduler = createIngestionScheduler(ctx, store, fetcher, {
    concurrency,
    onBatch: (result) => analysis.analyse(result.documentIds),
  });
  const server = options.serve ? await startServer(ctx, store, analysis.setup, {}, exposure) : null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stop.signal.aborted) return;
    ctx.info(
      `vigie run: ${signal} received: fetches in flight aborted; what already answered is stored ` +
        `(up to ${ctx.config.fetch.stopDrainMs} ms, fetch.stopDrainMs), then stopping…`,
    );
    stop.abort(new StoppingError(`${signal} received`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await analysis.catchUp();
    if (declared > 0)
      ctx.info(`vigie run: ${declared} source(s) from ${ctx.config.file ?? 'config'}`);
    if (options.once) {
      const summary = await scheduler.runOnce(stop.signal);
      if (summary.sources === 0) ctx.info('vigie run: no source is due');
    } else {
      ctx.info(`vigie run: polling (store ${store.location}); Ctrl-C to stop`);
      await scheduler.run(stop.signal);
      ctx.info('vigie run: stopped cleanly');
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    stop.abort();
    await server?.close();
    await analysis.close();
    await fetcher.close();
  }
}
