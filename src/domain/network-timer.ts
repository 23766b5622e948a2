/**
 * A time-out for network waits that counts only time the event loop was free to read the
 * network (issue #15 finding 10). It advances in ticks, and a tick that fires late, because
 * the loop was busy with CPU work (extraction, analysis of other sources), counts only its
 * nominal length. A plain timer instead fires as soon as the loop comes back, before the
 * socket's data that arrived meanwhile is read, and turns a prompt answer into a time-out.
 * Undici's own header and body timers already count ticks the same way.
 * @example
 * const timer = new NetworkTimer(20_000);
 * timer.start(); // when the request is on the wire, not while it waits for a host slot
 * await request(url, { signal: timer.signal });
 * timer.clear();
 * @module
 */
export class NetworkTimer {
  readonly #controller = new AbortController();
  readonly #timeoutMs: number;
  readonly #tickMs: number;
  #counted = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
    // 20 ticks per time-out, within 25–500 ms: fine enough, and few timers.
    this.#tickMs = Math.max(25, Math.min(500, Math.ceil(timeoutMs / 20)));
  }

  /** Aborts, with a TimeoutError, once the counted time reaches the time-out. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get timedOut(): boolean {
    return this.#controller.signal.aborted;
  }

  /** Counts from now (again after stop()); a no-op while counting or after the time-out. */
  start(): void {
    if (this.#timer !== null || this.timedOut) return;
    this.#schedule();
  }

  /** Stops counting (a wait that is not the network's: a host slot, a queue). */
  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Stops for good; the signal never aborts. */
  clear(): void {
    this.stop();
    this.#counted = Infinity;
  }

  #schedule(): void {
    const delay = Math.min(this.#tickMs, this.#timeoutMs - this.#counted);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#counted += delay;
      if (this.#counted >= this.#timeoutMs) {
        this.#controller.abort(
          new DOMException(`no answer within ${this.#timeoutMs} ms`, 'TimeoutError'),
        );
      } else this.#schedule();
    }, delay);
  }
}
