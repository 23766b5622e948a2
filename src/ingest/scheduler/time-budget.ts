/**
 * A source's time budget: a signal that aborts once the budget is spent, with an error that names
 * the budget and the setting that raises it. Fetches given the signal stop (safe-fetch), and a
 * feed keeps what it read (read-item-pages).
 * @module
 */
import { FetchFailedError } from '../fetch/fetch-error.js';

/** Default of vigie.yaml `fetch.sourceBudgetMs`. */
export const DEFAULT_SOURCE_BUDGET_MS = 120_000;

/**
 * Runs `work` with a signal that aborts after `budgetMs`, or as soon as `stop` aborts (the
 * process is stopping), with `stop`'s reason.
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
    return await work(stop ? AbortSignal.any([stop, budget.signal]) : budget.signal);
  } finally {
    clearTimeout(timer);
  }
}
