/**
 * Background delivery for `vigie run`: a pass every `intervalMs`, or at once when woken
 * (call `wake()` after committing new alerts). Runs apart from ingestion, so a notifier that
 * is down only delays its own rows.
 * @module
 */
import type { Store } from '../store/open-store.js';
import type { Notifier } from './alert-firing.js';
import { deliverDue, type DeliverOptions, type DeliveryReport } from './deliver-due.js';

export interface DeliveryLoopOptions extends Omit<DeliverOptions, 'now'> {
  /** Pause between passes when the queue is empty (default 1000 ms). */
  readonly intervalMs?: number;
  /** Stops the loop; the pass in flight finishes first. */
  readonly signal?: AbortSignal;
  /** Called after each pass that claimed rows. */
  readonly onReport?: (report: DeliveryReport) => void;
  /** Called when a pass itself fails (e.g. the database is unreachable); the loop goes on. */
  readonly onError?: (error: unknown) => void;
}

export interface DeliveryLoop {
  /** Runs a pass now instead of waiting for the interval. */
  wake(): void;
  /** Resolves when the loop has stopped (after the signal aborts). */
  readonly stopped: Promise<void>;
}

/**
 * @example
 * const controller = new AbortController();
 * const loop = startDeliveryLoop(store, createNotifiers(config.alerts.notifiers), { intervalMs: 500, signal: controller.signal });
 * // after committing a batch with new alerts: loop.wake();
 * controller.abort(); await loop.stopped;
 */
export function startDeliveryLoop(
  store: Store,
  notifiers: readonly Notifier[],
  options: DeliveryLoopOptions = {},
): DeliveryLoop {
  const intervalMs = options.intervalMs ?? 1000;
  const batch = options.batch ?? 50;
  let wakeUp: (() => void) | null = null;
  let woken = false;
  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  options.signal?.addEventListener('abort', wake, { once: true });

  const pause = () =>
    new Promise<void>((resolve) => {
      if (woken || options.signal?.aborted) return resolve();
      const timer = setTimeout(done, intervalMs);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  const run = async () => {
    while (!options.signal?.aborted) {
      woken = false;
      let full = false;
      try {
        const report = await deliverDue(store, notifiers, options);
        if (report.claimed > 0) options.onReport?.(report);
        full = report.claimed >= batch;
      } catch (error) {
        options.onError?.(error);
      }
      if (!full) await pause();
    }
  };
  return { wake, stopped: run() };
}
