import { describe, expect, it } from 'vitest';
import { computeBackoff } from './backoff.js';

describe('computeBackoff', () => {
  it('doubles per attempt within half and all of the ceiling', () => {
    const low = (n: number) => computeBackoff(n, { baseMs: 1000, random: () => 0 });
    const high = (n: number) => computeBackoff(n, { baseMs: 1000, random: () => 0.999999 });
    expect([1, 2, 3, 4].map(low)).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map(high)).toEqual([1000, 2000, 4000, 8000]);
  });

  it('is capped and honours Retry-After', () => {
    expect(computeBackoff(40, { baseMs: 1000, maxMs: 60_000, random: () => 0.999999 })).toBe(
      60_000,
    );
    expect(computeBackoff(1, { baseMs: 1000, random: () => 0, retryAfterMs: 30_000 })).toBe(30_000);
  });
});
