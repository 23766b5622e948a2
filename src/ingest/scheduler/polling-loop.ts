/**
 * The loop of `vigie run`: up to `concurrency` sources are read at once, and each starts as soon
 * as it is due and a slot is free, whatever the others are doing. A loop of cycles that each
 * waited for their slowest source let one hostile feed hold back every other source's schedule;
 * here a slow source holds one slot, for at most its time budget.
 * @module
 */
import type { SourceRow } from '../../store/schema.js';

export interface PollingLoopOptions {
  /** Enabled sources due at or before `until`, the most overdue first. */
  readonly dueBy: (until: Date) => Promise<SourceRow[]>;
  /** Reads and stores one source, and records when it is due next; never rejects. */
  readonly poll: (source: SourceRow) => Promise<void>;
  readonly concurrency: number;
  /** Longest sleep (new sources are noticed within it) and longest time between reports. */
  readonly idleMs: number;
  readonly now: () => Date;
  /** Reports what was polled since the last report: when no poll is in flight, else every idleMs. */
  readonly report: () => Promise<void>;
}

/** Runs until `signal` aborts; polls in flight then finish, and no new one starts. */
export async function runPollingLoop(
  options: PollingLoopOptions,
  signal: AbortSignal,
): Promise<void> {
  const inFlight = new Map<string, Promise<void>>();
  let wake: (() => void) | null = null;
  // Set when a poll ends: one that ends while the loop is busy (not asleep) must not be missed.
  let ended = false;
  let lastReport = Date.now();
  while (!signal.aborted) {
    ended = false;
    const now = options.now().getTime();
    let nextDue = now + options.idleMs;
    for (const source of await options.dueBy(new Date(nextDue))) {
      if (inFlight.has(source.id)) continue;
      const dueAt = source.next_fetch_at === null ? now : Date.parse(source.next_fetch_at);
      if (dueAt > now) nextDue = Math.min(nextDue, dueAt);
      // A due source waiting for a slot is started when a poll in flight ends (it wakes the loop).
      else if (inFlight.size < options.concurrency && !signal.aborted) {
        const poll = options.poll(source).finally(() => {
          inFlight.delete(source.id);
          ended = true;
          wake?.();
        });
        inFlight.set(source.id, poll);
      }
    }
    if (inFlight.size === 0 || Date.now() - lastReport >= options.idleMs) {
      await options.report();
      lastReport = Date.now();
    }
    const wait = Math.min(Math.max(nextDue - options.now().getTime(), 0), options.idleMs);
    if (ended || signal.aborted) continue;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        wake = null;
        resolve();
      };
      const timer = setTimeout(done, wait);
      wake = done;
      signal.addEventListener('abort', done, { once: true });
    });
  }
  await Promise.all(inFlight.values());
  await options.report();
}
