import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from './backoff.js';

describe('retryDelaySeconds', () => {
  const policy = { baseSeconds: 60, maxSeconds: 3600 };
  it('doubles per failure, with jitter between half and all of the delay', () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, policy, () => 0.999999))).toEqual([
      60, 120, 240, 480,
    ]);
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, policy, () => 0))).toEqual([
      30, 60, 120, 240,
    ]);
  });
  it('is capped and never zero', () => {
    expect(retryDelaySeconds(50, policy, () => 0.999999)).toBe(3600);
    expect(retryDelaySeconds(0, { baseSeconds: 1, maxSeconds: 1 }, () => 0)).toBe(1);
  });
});
