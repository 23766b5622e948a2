import { describe, expect, it } from 'vitest';
import { poissonTail } from './poisson.js';

describe('Poisson upper tail', () => {
  it('matches hand-computed values', () => {
    expect(poissonTail(0, 2)).toBe(1);
    // P(X ≥ 1 | 2) = 1 − e^−2
    expect(poissonTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    // P(X ≥ 3 | 1) = 1 − e^−1 (1 + 1 + 1/2)
    expect(poissonTail(3, 1)).toBeCloseTo(1 - Math.exp(-1) * 2.5, 12);
    // Far tail stays accurate (no 1 − cdf cancellation): Σ_{k≥10} e^−0.1 0.1^k / k!
    let term = (Math.exp(-0.1) * 1e-10) / 3628800;
    let tail = 0;
    for (let k = 10; k < 40; k++) {
      tail += term;
      term *= 0.1 / (k + 1);
    }
    expect(poissonTail(10, 0.1) / tail).toBeCloseTo(1, 12);
  });
});
