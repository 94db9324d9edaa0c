import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { combineChains, lcmcrInput } from './lcmcr-result.js';
import { summarise } from './posterior-summary.js';
import { LCMCR_DEFAULTS, runLcmcrChain } from './sampler.js';

interface Summary {
  median: number;
  q025: number;
  q975: number;
}
const reference = JSON.parse(
  readFileSync(new URL('../../../data/mse/LCMCR.json', import.meta.url), 'utf8'),
) as {
  dataset: { lists: string[]; histories: Record<string, number> };
  reference_long_run: { N: Summary };
  exact_K1: { exact: Summary };
};
const { lists, data } = lcmcrInput(reference.dataset);

const within = (got: number, want: number, share: number): void =>
  expect(Math.abs(got - want) / want, `${got} against ${want}`).toBeLessThan(share);

describe('the LCMCR sampler on HIV_Rome (references from R’s LCMCR 0.4.14)', () => {
  it('with one latent class, samples the exact posterior of the independence model', () => {
    const chain = runLcmcrChain(data, {
      ...LCMCR_DEFAULTS,
      k: 1,
      burnin: 2_000,
      samples: 10_000,
      thin: 5,
      seed: 3,
    });
    const s = summarise(chain.n);
    const exact = reference.exact_K1.exact;
    within(s.median, exact.median, 0.01);
    within(s.q025, exact.q025, 0.02);
    within(s.q975, exact.q975, 0.025);
  });

  it('with ten classes, agrees with R’s long runs', () => {
    const chains = [11, 12].map((seed) => runLcmcrChain(data, { ...LCMCR_DEFAULTS, seed }));
    const result = combineChains(lists, data, LCMCR_DEFAULTS, chains);
    const r = reference.reference_long_run.N;
    within(result.N.median, r.median, 0.01);
    within(result.N.q025, r.q025, 0.025);
    within(result.N.q975, r.q975, 0.04);
    expect(result.diagnostics.converged).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.histogram.reduce((s, b) => s + b.draws, 0)).toBe(2 * LCMCR_DEFAULTS.samples);
  });

  it('repeats a chain from its seed', () => {
    const settings = { ...LCMCR_DEFAULTS, burnin: 100, samples: 50, thin: 2, seed: 9 };
    expect(runLcmcrChain(data, settings).n).toEqual(runLcmcrChain(data, settings).n);
    expect(runLcmcrChain(data, { ...settings, seed: 10 }).n).not.toEqual(
      runLcmcrChain(data, settings).n,
    );
  });

  it('warns when one chain cannot show convergence, and when every class is used', () => {
    const settings = { ...LCMCR_DEFAULTS, k: 2, burnin: 500, samples: 200, thin: 2 };
    const result = combineChains(lists, data, settings, [
      runLcmcrChain(data, { ...settings, seed: 1 }),
    ]);
    expect(result.warnings.map((w) => w.code)).toContain('not_converged');
    expect(result.warnings.map((w) => w.code)).toContain('classes_exhausted');
  });
});
