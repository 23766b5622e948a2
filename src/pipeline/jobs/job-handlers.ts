/**
 * What each job kind does: pure wiring of the code `vigie run` uses. `fetch-source` polls one
 * source through the same Scheduler (fetch → parse → extract → store in one transaction → fetch
 * state) and asks for analysis when it stored something; `analyse` runs the same analysis and
 * alert recording as `vigie run` (`analysePending`).
 * @module
 */
import { NotFoundError, StoppingError } from '../../domain/errors.js';
import type { Scheduler } from '../../ingest/scheduler/scheduler.js';
import { enqueueJob } from '../../store/jobs-repo.js';
import type { Store } from '../../store/open-store.js';
import type { JobRow } from '../../store/schema.js';
import { getSource } from '../../store/sources-repo.js';
import { analysePending, type AnalysisSetup } from '../analysis-pipeline.js';
import { analyseJob, JOB_KIND, readFetchSourcePayload } from './job-kinds.js';

/**
 * Handles one claimed job; resolves to a short summary for the log line, throws to fail it, or
 * throws a StoppingError when `stop` made it give up at a safe point (the job is released).
 */
export type JobHandler = (job: JobRow, stop?: AbortSignal) => Promise<string>;

export interface JobHandlerDeps {
  readonly store: Store;
  /** The ingestion scheduler (`createIngestionScheduler`): only its `pollSource` is used. */
  readonly poller: Pick<Scheduler, 'pollSource'>;
  readonly analysis: Pick<AnalysisSetup, 'boards' | 'rules'>;
  /** Called after an analysis pass recorded alerts (wakes the outbox deliverer). */
  readonly onAlerts?: (count: number) => void;
  readonly now?: () => Date;
}

export function createJobHandlers(deps: JobHandlerDeps): Record<string, JobHandler> {
  const now = deps.now ?? (() => new Date());
  return {
    [JOB_KIND.fetchSource]: async (job, stop) => {
      const sourceId = readFetchSourcePayload(job.payload);
      const source = await getSource(deps.store.db, sourceId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      });
      if (!source) return 'source removed, skipped';
      // Another worker may have fetched it since the job was queued.
      if (source.enabled !== 1) return 'source disabled, skipped';
      if (source.next_fetch_at !== null && source.next_fetch_at > now().toISOString())
        return `not due before ${source.next_fetch_at}, skipped`;
      const outcome = await deps.poller.pollSource(source, stop);
      if (outcome.kind === 'stopped')
        throw new StoppingError(`${source.name}: stopped before its batch was complete`);
      if (outcome.kind === 'failed') return `${source.name}: fetch failed (source retries later)`;
      if (outcome.stored > 0) await enqueueJob(deps.store.db, analyseJob(), { now: now() });
      return `${source.name}: ${outcome.kind}, ${outcome.stored} stored, ${outcome.duplicates} duplicate(s), ${outcome.failedDocuments} rejected`;
    },
    [JOB_KIND.analyse]: async () => {
      const done = await analysePending(deps.store, deps.analysis);
      if (done.alertsRecorded > 0) deps.onAlerts?.(done.alertsRecorded);
      return `analysed ${done.documents} document(s), ${done.alertsRecorded} new alert(s)`;
    },
  };
}
