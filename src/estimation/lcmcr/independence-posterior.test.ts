import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lcmcrInput } from './lcmcr-result.js';
import { independencePosterior } from './independence-posterior.js';

const reference = JSON.parse(
  readFileSync(new URL('../../../data/mse/LCMCR.json', import.meta.url), 'utf8'),
) as {
  dataset: { lists: string[]; histories: Record<string, number> };
  exact_K1: { exact: { mean: number; median: number; q025: number; q975: number } };
};

describe('the exact posterior of N under independence (LCMCR with one class)', () => {
  it('matches the reference summed in R for HIV_Rome', () => {
    const { data } = lcmcrInput(reference.dataset);
    const exact = independencePosterior(data);
    const want = reference.exact_K1.exact;
    expect(exact.median).toBe(want.median);
    expect(exact.q025).toBe(want.q025);
    expect(exact.q975).toBe(want.q975);
    expect(exact.mean).toBeCloseTo(want.mean, 3);
  });
});
