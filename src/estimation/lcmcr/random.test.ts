import { describe, expect, it } from 'vitest';
import { Random } from './random.js';

/** Mean and variance of many draws, to compare with the distribution's own. */
function moments(draw: () => number, n = 100_000): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
}

// Five standard errors of the sample mean: a correct sampler fails about once in 3 million.
const close = (got: number, want: number, sd: number, n = 100_000): void =>
  expect(Math.abs(got - want)).toBeLessThan(5 * (sd / Math.sqrt(n)) + 1e-9);

describe('the sampler’s random draws', () => {
  it('repeats itself from a seed and differs between seeds', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xs = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xs);
  });

  it.each([
    [0.3, 1],
    [1, 2],
    [5, 3],
    [900, 4],
  ])('draws Gamma(%d) with its mean and variance', (shape, seed) => {
    const r = new Random(seed);
    const m = moments(() => r.gamma(shape));
    close(m.mean, shape, Math.sqrt(shape));
    expect(m.variance / shape).toBeCloseTo(1, 1);
  });

  it.each([
    [10, 0.3],
    [100, 0.05],
    [621, 0.9],
    [3000, 0.5],
    [5000, 0.002],
    [40, 0.999],
  ])('draws Binomial(%d, %d) with its mean and variance', (n, p) => {
    const r = new Random(n);
    const m = moments(() => r.binomial(n, p));
    const variance = n * p * (1 - p);
    close(m.mean, n * p, Math.sqrt(variance));
    expect(m.variance / variance).toBeCloseTo(1, 1);
  });

  it.each([3, 15, 300, 9000])('draws Poisson(%d) with its mean and variance', (mean) => {
    const r = new Random(mean);
    const m = moments(() => r.poisson(mean));
    close(m.mean, mean, Math.sqrt(mean));
    expect(m.variance / mean).toBeCloseTo(1, 1);
  });

  it('draws the negative binomial of the unobserved with its mean', () => {
    const r = new Random(9);
    const size = 1896;
    const p = 0.17;
    const m = moments(() => r.negativeBinomial(size, p), 20_000);
    const variance = (size * (1 - p)) / (p * p);
    close(m.mean, (size * (1 - p)) / p, Math.sqrt(variance), 20_000);
  });

  it('gives finite logarithms of gamma draws that underflow', () => {
    const r = new Random(5);
    for (let i = 0; i < 1000; i++) expect(Number.isFinite(r.logGamma(0.001))).toBe(true);
  });

  it('spreads a count over categories in proportion to the weights', () => {
    const r = new Random(11);
    const weights = new Float64Array([0.5, 0.2, 0.0001, 0.2999]);
    const out = new Int32Array(4);
    for (const n of [5, 500]) {
      const sums = [0, 0, 0, 0];
      const rounds = 20_000;
      for (let i = 0; i < rounds; i++) {
        r.multinomial(n, weights, 4, out, 0);
        expect(out.reduce((a, b) => a + b, 0)).toBe(n);
        out.forEach((x, k) => (sums[k] = (sums[k] ?? 0) + x));
      }
      weights.forEach((w, k) => {
        const sd = Math.sqrt(n * w * (1 - w));
        close((sums[k] ?? 0) / rounds, n * w, sd, rounds);
      });
    }
  });
});
