import { describe, expect, it } from 'vitest';
import { diagnose, quantile, summarise } from './posterior-summary.js';
import { Random } from './random.js';

/** An AR(1) chain with autocorrelation rho around `level`. */
function ar1(seed: number, n: number, rho: number, level = 0): Float64Array {
  const r = new Random(seed);
  const out = new Float64Array(n);
  let x = 0;
  for (let i = 0; i < n; i++) {
    x = rho * x + Math.sqrt(1 - rho * rho) * r.normal();
    out[i] = level + x;
  }
  return out;
}

describe('posterior summaries and convergence checks', () => {
  it('computes quantiles as R’s type 7', () => {
    // R: quantile(c(1, 2, 4, 8), c(0.025, 0.5, 0.975)) = 1.075, 3, 7.7
    const sorted = [1, 2, 4, 8];
    expect(quantile(sorted, 0.025)).toBeCloseTo(1.075, 10);
    expect(quantile(sorted, 0.5)).toBe(3);
    expect(quantile(sorted, 0.975)).toBeCloseTo(7.7, 10);
    expect(summarise([8, 1, 4, 2]).ci95[1]).toBeCloseTo(7.7, 10);
  });

  it('finds chains of one distribution converged, with about as many effective draws as draws', () => {
    const chains = [1, 2, 3, 4].map((s) => ar1(s, 2000, 0));
    const d = diagnose(chains);
    expect(d.rhat).toBeLessThan(1.01);
    expect(d.ess).toBeGreaterThan(6000);
    expect(d.converged).toBe(true);
  });

  it('counts fewer effective draws in autocorrelated chains', () => {
    // For AR(1) the effective share is (1 − ρ) / (1 + ρ): 1/19 for ρ = 0.9.
    const chains = [1, 2, 3, 4].map((s) => ar1(s, 5000, 0.9));
    const d = diagnose(chains);
    expect(d.ess).toBeGreaterThan(20000 / 19 / 1.5);
    expect(d.ess).toBeLessThan((20000 / 19) * 1.5);
  });

  it('says chains that disagree have not converged', () => {
    const chains = [ar1(1, 2000, 0.5), ar1(2, 2000, 0.5), ar1(3, 2000, 0.5, 1)];
    const d = diagnose(chains);
    expect(d.rhat).toBeGreaterThan(1.05);
    expect(d.converged).toBe(false);
  });

  it('says a chain that drifts has not converged (split halves)', () => {
    const drift = (seed: number): Float64Array =>
      ar1(seed, 2000, 0.3).map((x, i) => x + (3 * i) / 2000);
    const d = diagnose([drift(1), drift(2)]);
    expect(d.converged).toBe(false);
  });
});
