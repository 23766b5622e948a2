/**
 * Per-host politeness: at most `concurrency` requests in flight per host and at least
 * `minDelayMs` between the starts of two requests to the same host. A caller that gives up
 * (its signal aborts) leaves the queue at once, so a slow host's queue holds no one who no
 * longer wants a slot.
 * @module
 */
export interface HostLimiterOptions {
  readonly concurrency: number;
  readonly minDelayMs: number;
}

interface HostState {
  active: number;
  lastStart: number;
  queue: (() => void)[];
}

export class HostLimiter {
  readonly #hosts = new Map<string, HostState>();

  constructor(private readonly options: HostLimiterOptions) {}

  /**
   * Runs `task` when the host has a free slot and its delay has passed; rejects with the
   * signal's reason if it aborts first.
   */
  async run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const state = this.#state(host);
    await this.#acquire(state, signal);
    try {
      return await task();
    } finally {
      state.active -= 1;
      state.queue.shift()?.();
    }
  }

  #state(host: string): HostState {
    let state = this.#hosts.get(host);
    if (!state) {
      state = { active: 0, lastStart: 0, queue: [] };
      this.#hosts.set(host, state);
    }
    return state;
  }

  async #acquire(state: HostState, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    while (state.active >= this.options.concurrency) {
      await waitOrAbort((resolve) => {
        state.queue.push(resolve);
        return () => {
          const at = state.queue.indexOf(resolve);
          if (at !== -1) state.queue.splice(at, 1);
        };
      }, signal);
    }
    state.active += 1;
    const wait = state.lastStart + this.options.minDelayMs - Date.now();
    state.lastStart = Math.max(Date.now(), state.lastStart + this.options.minDelayMs);
    if (wait <= 0) return;
    try {
      await waitOrAbort((resolve) => {
        const timer = setTimeout(resolve, wait);
        return () => clearTimeout(timer);
      }, signal);
    } catch (error) {
      // The slot was taken: hand it to the next in line.
      state.active -= 1;
      state.queue.shift()?.();
      throw error;
    }
  }
}

/**
 * Waits until `start`'s resolve is called, or rejects with the signal's reason when it aborts
 * (after undoing the wait with the function `start` returned).
 */
function waitOrAbort(
  start: (resolve: () => void) => () => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      cancel();
      reject(signal!.reason);
    };
    const cancel = start(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
