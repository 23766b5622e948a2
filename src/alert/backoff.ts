/**
 * Retry delays: exponential back-off with jitter, so receivers coming back up are not hit by
 * every deliverer at once.
 * @module
 */

export interface BackoffOptions {
  /** Delay after the first failed attempt, before jitter (default 5 s). */
  readonly baseMs?: number;
  /** Ceiling (default 1 h). */
  readonly maxMs?: number;
  /** Source of randomness in [0, 1) (default Math.random). */
  readonly random?: () => number;
  /** A wait the receiver asked for (Retry-After); the delay is never shorter. */
  readonly retryAfterMs?: number | undefined;
}

/**
 * Delay before attempt `attempts + 1`: min(max, base·2^(attempts−1)), then "equal jitter"
 * (a uniform draw between half and all of it), never below the receiver's Retry-After.
 * @example computeBackoff(3, { baseMs: 1000, random: () => 0 }) // 2000
 */
export function computeBackoff(attempts: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 5_000;
  const max = options.maxMs ?? 3_600_000;
  const exponent = Math.max(0, attempts - 1);
  const ceiling = Math.min(max, base * 2 ** Math.min(exponent, 30));
  const random = options.random ?? Math.random;
  const delay = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(delay, Math.min(options.retryAfterMs ?? 0, max));
}
