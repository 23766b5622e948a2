/**
 * Per-host politeness: at most `concurrency` requests in flight per host and at least
 * `minDelayMs` between the starts of two requests to the same host.
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

  /** Runs `task` when the host has a free slot and its delay has passed. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.#state(host);
    await this.#acquire(state);
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

  async #acquire(state: HostState): Promise<void> {
    while (state.active >= this.options.concurrency) {
      await new Promise<void>((resolve) => state.queue.push(resolve));
    }
    state.active += 1;
    const wait = state.lastStart + this.options.minDelayMs - Date.now();
    state.lastStart = Math.max(Date.now(), state.lastStart + this.options.minDelayMs);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
