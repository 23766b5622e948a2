/**
 * A source's time budget: a signal that aborts once the budget is spent, with an error that names
 * the budget and the setting that raises it. Fetches given the signal stop (safe-fetch), and a
 * feed keeps what it read (read-item-pages).
 * @module
 */
import { isStopping, StoppingError } from '../../domain/errors.js';
import { FetchFailedError } from '../fetch/fetch-error.js';

/** Default of vigie.yaml `fetch.sourceBudgetMs`. */
export const DEFAULT_SOURCE_BUDGET_MS = 120_000;

/** Default of vigie.yaml `fetch.stopDrainMs`. */
export const DEFAULT_STOP_DRAIN_MS = 10_000;

/**
 * Runs `work` with a signal that aborts after `budgetMs`, or as soon as `stop` aborts (the
 * process is stopping), with a StoppingError (`stop`'s reason, or one caused by it), so the work
 * tells a stop from a spent budget (read-source leaves out the pages a stop cut off).
 * @example const read = await withTimeBudget(60_000, url, (signal) => readSource(ref, { fetcher, signal }));
 */
export async function withTimeBudget<T>(
  budgetMs: number,
  where: string,
  work: (signal: AbortSignal) => Promise<T>,
  stop?: AbortSignal,
): Promise<T> {
  const budget = new AbortController();
  const timer = setTimeout(() => {
    budget.abort(
      new FetchFailedError(
        `the source's time budget of ${budgetMs} ms ran out (fetch.sourceBudgetMs in vigie.yaml)`,
        { where },
      ),
    );
  }, budgetMs);
  try {
    return await work(stop ? AbortSignal.any([stopping(stop), budget.signal]) : budget.signal);
  } finally {
    clearTimeout(timer);
  }
}

/** `stop`, aborting with a StoppingError whatever reason it was given. */
function stopping(stop: AbortSignal): AbortSignal {
  if (stop.aborted ? isStopping(stop.reason) : false) return stop;
  const out = new AbortController();
  const forward = () => out.abort(isStopping(stop.reason) ? stop.reason : new StoppingError());
  if (stop.aborted) forward();
  else stop.addEventListener('abort', forward, { once: true });
  return out.signal;
}

/**
 * A signal that aborts `drainMs` after `stop` does: what had already answered when the stop came
 * (a feed read whole, its pages) is still stored until then; past it, a batch stops at its next
 * safe point (processDocuments) and its source is read again at the next start.
 * @example const drain = drainAfter(stop, config.fetch.stopDrainMs); await processDocuments(store, lines, { signal: drain });
 */
export function drainAfter(stop: AbortSignal, drainMs: number): AbortSignal {
  const drain = new AbortController();
  const start = (): void => {
    const timer = setTimeout(
      () =>
        drain.abort(
          new StoppingError(
            `the process is stopping and its ${drainMs} ms to store what had answered ran out (fetch.stopDrainMs in vigie.yaml)`,
          ),
        ),
      drainMs,
    );
    // The drain never keeps the process alive: it ends with the last batch.
    timer.unref();
  };
  if (stop.aborted) start();
  else stop.addEventListener('abort', start, { once: true });
  return drain.signal;
}
