/** Poisson upper tail P(X ≥ k | λ), computed in log space for stability. */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  // P(X ≥ k) = 1 − Σ_{i<k} e^−λ λ^i / i!
  let term = Math.exp(-lambda);
  let cdf = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    cdf += term;
  }
  if (cdf < 0.999) return Math.max(0, 1 - cdf);
  // Near 1 the subtraction loses precision: sum the upper tail directly.
  let tail = 0;
  let t = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
  for (let i = k; i < k + 1000 && t > 1e-300; i++) {
    tail += t;
    t *= lambda / (i + 1);
  }
  return tail;
}

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}
