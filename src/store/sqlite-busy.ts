/**
 * What a SQLite writer does when another process holds the write lock: SQLite's own wait
 * (`busy_timeout`, which blocks the thread, so it is kept short) and then retries with bounded
 * exponential backoff and full jitter, awaited so the event loop keeps serving. The one place
 * where "database is locked" is handled: the store's driver (sqlite-retrying-dialect.ts), GDELT
 * imports and index upkeep go through `retryWhenBusy`.
 * Write transactions are kept short by the callers (extraction runs before the transaction);
 * retries cover the wait behind another process's short transaction, not a lock held for minutes.
 * @module
 */
import { VigieError } from '../domain/errors.js';

/** SQLite's own wait per attempt (`PRAGMA busy_timeout`), in milliseconds. */
export const SQLITE_BUSY_TIMEOUT_MS = 1_000;

export interface BusyRetryPolicy {
  /** First backoff ceiling, in milliseconds; doubled after every busy attempt. */
  readonly baseMs: number;
  /** Largest backoff between two attempts. */
  readonly maxDelayMs: number;
  /** No new attempt starts after this long since the first one. */
  readonly giveUpAfterMs: number;
}

/**
 * Two minutes in all: several processes each committing short transactions on a loaded machine
 * never come near it; a lock held longer is a process that is stuck, and the error says so.
 */
export const DEFAULT_BUSY_RETRY: BusyRetryPolicy = {
  baseMs: 20,
  maxDelayMs: 1_000,
  giveUpAfterMs: 120_000,
};

export interface BusyRetryClock {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** In [0, 1). */
  readonly random: () => number;
}

const realClock: BusyRetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, …): another connection holds the lock. */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
  return error instanceof Error && /database is locked/i.test(error.message);
}

/** The wait before attempt `attempt + 1`: full jitter under a doubling, capped ceiling. */
export function busyBackoffMs(attempt: number, policy: BusyRetryPolicy, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random * ceiling);
}

/**
 * Runs `fn`, and again after a backoff while it fails because the database is busy. `fn` must
 * be safe to repeat after a busy failure: one statement, or a BEGIN IMMEDIATE (SQLite undoes
 * both when they fail). Other errors, and the last busy one, are thrown.
 */
export async function retryWhenBusy<T>(
  fn: () => T | Promise<T>,
  policy: BusyRetryPolicy = DEFAULT_BUSY_RETRY,
  clock: BusyRetryClock = realClock,
): Promise<T> {
  const started = clock.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      const waited = clock.now() - started;
      if (waited >= policy.giveUpAfterMs) {
        throw new VigieError(
          'VIGIE_UNAVAILABLE',
          `database is locked: another process held the write lock for ${Math.round(waited / 1000)} s ` +
            `(${attempt + 1} attempts); try again when it has finished`,
          { cause: error },
        );
      }
      await clock.sleep(busyBackoffMs(attempt, policy, clock.random()));
    }
  }
}
