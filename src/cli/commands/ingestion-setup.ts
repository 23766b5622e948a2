/**
 * What `vigie run` and `vigie worker` both set up for ingestion: the sources of vigie.yaml and the
 * scheduler that fetches, extracts and stores. Its own module so `vigie worker` does not load the
 * `run` command (and the HTTP server it can start).
 * @module
 */
import { resolve } from 'node:path';
import { confineToRoots } from '../../ingest/files/allowed-roots.js';
import type { SafeFetcher } from '../../ingest/fetch/safe-fetch.js';
import { isRemoteUrl } from '../../ingest/scheduler/read-source.js';
import { Scheduler, type SchedulerOptions } from '../../ingest/scheduler/scheduler.js';
import type { ExtractPool } from '../../pipeline/extract-pool.js';
import { ingestStages } from '../../pipeline/ingest-stages.js';
import { processDocuments } from '../../pipeline/process-documents.js';
import type { Store } from '../../store/open-store.js';
import { upsertSource } from '../../store/sources-repo.js';
import type { CliContext } from '../context.js';

/**
 * Upserts the sources declared in vigie.yaml (paths resolved against the config file); a local
 * path outside `sources.allowedRoots` is refused before anything is stored.
 */
export async function declareConfigSources(ctx: CliContext, store: Store): Promise<number> {
  const base = ctx.config.file ? resolve(ctx.config.file, '..') : process.cwd();
  const { list, allowedRoots } = ctx.config.sources;
  for (const s of list) {
    if (s.kind === 'gdelt' || isRemoteUrl(s.url)) continue;
    await confineToRoots(resolve(base, s.url), allowedRoots);
  }
  for (const s of list) {
    if (s.kind === 'gdelt') continue;
    const url = isRemoteUrl(s.url) ? s.url : resolve(base, s.url);
    await upsertSource(store.db, {
      url,
      id: s.id,
      name: s.name,
      kind: s.kind,
      reliability: s.reliability,
      lang: s.lang,
      intervalSeconds: s.interval,
      enabled: s.enabled,
    });
  }
  return list.length;
}

/**
 * The scheduler `vigie run` uses: processDocuments with extraction, in `pool`'s threads when
 * given. `onBatch` is where analysis and alerting hook in.
 */
export function createIngestionScheduler(
  ctx: CliContext,
  store: Store,
  fetcher: SafeFetcher,
  extra: Partial<SchedulerOptions> = {},
  pool?: ExtractPool,
): Scheduler {
  const stages = ingestStages(pool?.extractor(0));
  return new Scheduler({
    store,
    fetcher,
    process: (lines, source, stop) =>
      processDocuments(store, lines, {
        sourceId: source.id,
        ...stages,
        ...(stop ? { signal: stop } : {}),
      }),
    log: (line) => ctx.info(`${new Date().toISOString()} ${line}`),
    allowedRoots: ctx.config.sources.allowedRoots,
    sourceBudgetMs: ctx.config.fetch.sourceBudgetMs,
    pageConcurrency: ctx.config.fetch.pageConcurrency,
    maxPagesPerFeed: ctx.config.fetch.maxPagesPerFeed,
    stopDrainMs: ctx.config.fetch.stopDrainMs,
    ...extra,
  });
}
