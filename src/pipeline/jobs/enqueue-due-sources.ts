/**
 * The scheduler step of `vigie worker`: one `fetch-source` job per due source. Every worker runs
 * it on its own clock; the queue's key (one waiting job per source, none while it is being
 * fetched or once it was fetched since the due list was read) makes the repeats no-ops, so no
 * worker is special.
 * @module
 */
import { enqueueJob, pruneFinishedJobs } from '../../store/jobs-repo.js';
import type { Store } from '../../store/open-store.js';
import { dueSources } from '../../store/sources-repo.js';
import { fetchSourceJob } from './job-kinds.js';

/** How long finished jobs are kept (for `vigie status` and debugging) before they are pruned. */
const KEEP_DONE_MS = 24 * 3600_000;

/** Enqueues the due sources; returns how many jobs were added (0 when all were queued already). */
export async function enqueueDueSources(
  store: Pick<Store, 'db'>,
  now: Date = new Date(),
): Promise<number> {
  // Taken before the read: a fetch that ends after it may have made a source not due any more.
  const readAt = new Date();
  const due = await dueSources(store.db, now.toISOString());
  let added = 0;
  for (const source of due) {
    const job = fetchSourceJob(source.id);
    const options = { now, unlessRunning: true, unlessFinishedSince: readAt };
    if (await enqueueJob(store.db, job, options)) added += 1;
  }
  await pruneFinishedJobs(store.db, new Date(now.getTime() - KEEP_DONE_MS));
  return added;
}
