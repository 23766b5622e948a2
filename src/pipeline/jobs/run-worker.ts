/**
 * The loop of `vigie worker`: claim → handle → complete or fail, up to `concurrency` jobs at once.
 * Each job's lease is renewed while it runs, so only a dead or hung worker loses it. When the
 * signal aborts, no new job is claimed; the ones in flight get the signal, and a job that gives up
 * at a safe point (a fetch aborted, a batch cut between transactions) is handed back to the queue
 * without counting the attempt. With `once`, the loop drains what is due and returns.
 * @module
 */
import { hostname } from 'node:os';
import {
  claimJob,
  completeJob,
  extendLease,
  failJob,
  releaseJob,
  type BackoffOptions,
} from '../../store/jobs-repo.js';
import type { Store } from '../../store/open-store.js';
import type { JobRow } from '../../store/schema.js';
import { isStopping } from '../../domain/errors.js';
import type { JobHandler } from './job-handlers.js';
import { EXCLUSIVE_KINDS } from './job-kinds.js';

export interface WorkerOptions {
  readonly store: Pick<Store, 'db' | 'dialect'>;
  /** Handlers by job kind; the worker only claims these kinds. */
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** Jobs handled at the same time (default 2). */
  readonly concurrency?: number;
  /** Drain what is due, then return (tests, cron). */
  readonly once?: boolean;
  readonly signal?: AbortSignal;
  /** Enqueues periodic work (due sources); run at start and then every `pollMs`. */
  readonly schedule?: () => Promise<unknown>;
  /** Idle pause between claims and scheduler steps (default 1000 ms). */
  readonly pollMs?: number;
  /** Lease per claim (default 5 min); renewed every third of it while the job runs. */
  readonly leaseMs?: number;
  readonly backoff?: BackoffOptions;
  /** Names this worker in the jobs it holds (default host:pid). */
  readonly workerId?: string;
  /** One line per job, and per loop problem. */
  readonly log?: (line: string) => void;
}

export interface WorkerSummary {
  readonly done: number;
  readonly failed: number;
}

/**
 * @example
 * const stop = new AbortController();
 * process.once('SIGTERM', () => stop.abort());
 * await runWorker({ store, handlers: createJobHandlers(deps), concurrency: 4, signal: stop.signal });
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}`;
  const log = options.log ?? (() => undefined);
  const kinds = Object.keys(options.handlers);
  const active = new Set<Promise<void>>();
  const totals = { done: 0, failed: 0 };
  let notify: () => void = () => undefined;
  options.signal?.addEventListener('abort', () => notify(), { once: true });

  const schedule = async (): Promise<void> => {
    try {
      await options.schedule?.();
    } catch (error) {
      log(`vigie worker: scheduling failed (retried next tick): ${String(error)}`);
    }
  };

  const handle = async (job: JobRow): Promise<void> => {
    const started = Date.now();
    const renew = setInterval(
      () => void extendLease(options.store.db, job, new Date(Date.now() + leaseMs)).catch(() => 0),
      Math.max(1000, Math.floor(leaseMs / 3)),
    );
    const what = `${job.kind} ${job.key} (attempt ${job.attempts}/${job.max_attempts})`;
    try {
      const summary = await options.handlers[job.kind]!(job, options.signal);
      const kept = await completeJob(options.store.db, job);
      totals.done += 1;
      log(
        `vigie worker: ${what} done in ${Date.now() - started} ms: ${summary}${kept ? '' : ' (lease had been lost)'}`,
      );
    } catch (error) {
      if (isStopping(error) && options.signal?.aborted) {
        const state = await releaseJob(options.store.db, job).catch(
          (e: unknown) => `unrecorded (${String(e)}; its lease runs out)`,
        );
        log(`vigie worker: ${what} stopped at a safe point → ${state}: ${String(error)}`);
        return;
      }
      totals.failed += 1;
      const state = await failJob(options.store.db, job, error, {
        ...(options.backoff ? { backoff: options.backoff } : {}),
      }).catch((e: unknown) => `unrecorded (${String(e)})`);
      log(`vigie worker: ${what} failed → ${state}: ${String(error)}`);
    } finally {
      clearInterval(renew);
    }
  };

  const claim = (): Promise<JobRow | null> =>
    claimJob(options.store, { workerId, leaseMs, kinds, exclusiveKinds: EXCLUSIVE_KINDS }).catch(
      (error: unknown) => {
        log(`vigie worker: claim failed (retried next tick): ${String(error)}`);
        return null;
      },
    );

  await schedule();
  let lastSchedule = Date.now();
  while (!options.signal?.aborted) {
    let claimed = false;
    while (active.size < concurrency && !options.signal?.aborted) {
      const job = await claim();
      if (!job) break;
      claimed = true;
      const running: Promise<void> = handle(job).finally(() => {
        active.delete(running);
        notify();
      });
      active.add(running);
    }
    if (options.once && !claimed && active.size === 0) break;
    // Wait for a free slot, the next tick, or the stop signal.
    await new Promise<void>((resolve) => {
      const timer = options.once && active.size > 0 ? undefined : setTimeout(done, pollMs);
      function done(): void {
        clearTimeout(timer);
        notify = () => undefined;
        resolve();
      }
      notify = done;
      if (options.signal?.aborted) done();
    });
    if (!options.once && Date.now() - lastSchedule >= pollMs) {
      await schedule();
      lastSchedule = Date.now();
    }
  }
  await Promise.all(active);
  return totals;
}
