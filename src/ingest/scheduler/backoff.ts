/** Exponential backoff with jitter for failing sources: pure, so the schedule is testable. */
export interface BackoffPolicy {
  /** Delay after the first failure. */
  readonly baseSeconds: number;
  /** Ceiling of the delay. */
  readonly maxSeconds: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseSeconds: 60, maxSeconds: 6 * 3600 };

/**
 * Seconds to wait after the `failures`-th consecutive failure: base·2^(n−1), capped, times a
 * random factor in [0.5, 1) so sources failing together do not retry together.
 * @example retryDelaySeconds(3, DEFAULT_BACKOFF, Math.random) // between 120 and 240
 */
export function retryDelaySeconds(
  failures: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const capped = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** exponent);
  return Math.max(1, Math.round(capped * (0.5 + 0.5 * random())));
}
