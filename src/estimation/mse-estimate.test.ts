import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateMse, fitMseModel } from './mse-estimate.js';
import type { OverlapTable } from './overlap-table.js';

/**
 * Reference values: data/mse/*.json, computed with R 4.2.2 glm (Poisson) and Rcapture's
 * closedpCI conventions (see data/mse/CONVENTIONS.json). Tolerances as agreed for the
 * engine: N 0.1% relative, interval ends 1%, deviance and AIC 1e-6 relative (with an
 * absolute floor of 1e-9 for a deviance that is zero, where a relative error means nothing).
 */
interface RefModel {
  id: string;
  terms: string[];
  n_params: number;
  mle_exists: boolean;
  zero_margin_terms?: string;
  deviance?: number;
  df?: number;
  aic?: number;
  bic?: number;
  unobserved?: number;
  N?: number;
  stderr_N?: number;
  N_multinomial_profile_max?: number;
  ci95?: [number, number];
  ci95_poisson_intercept_profile?: [number, number];
}
interface RefSearchEntry {
  terms: string | string[];
  aic: number;
  bic: number;
  deviance: number;
  df: number;
  N: number;
}
interface Reference {
  name: string;
  lists: string[];
  n_observed: number;
  histories: Record<string, number>;
  models: RefModel[];
  twoway_subset_search: {
    n_models: number;
    best_aic: RefSearchEntry[];
    best_bic: RefSearchEntry[];
  };
}

function loadReference(name: string): Reference {
  const url = new URL(`../../data/mse/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Reference;
}

const references = ['HIV_Rome', 'spina_bifida_upstate_NY'].map(loadReference);

function expectRelative(
  actual: number | null | undefined,
  expected: number,
  rel: number,
  abs = 0,
): void {
  expect(actual).toBeTypeOf('number');
  const a = actual as number;
  const tol = Math.max(rel * Math.abs(expected), abs);
  expect(Math.abs(a - expected), `${a} vs ${expected} (tolerance ${tol})`).toBeLessThanOrEqual(tol);
}

const tableOf = (ref: Reference): OverlapTable => ({ lists: ref.lists, histories: ref.histories });
const interactions = (terms: string | string[]): string[] =>
  (Array.isArray(terms) ? terms : [terms]).filter((t) => t.includes(':'));

describe.each(references)('reproduces the R/Rcapture reference values for $name', (ref) => {
  const table = tableOf(ref);
  const withMle = ref.models.filter((m) => m.mle_exists);

  it.each(withMle)('fits $id with R glm deviance, df, AIC and BIC', (m) => {
    const fit = fitMseModel(table, m.terms, { interval: false });
    expect(fit.status).toBe('ok');
    expect(fit.nParams).toBe(m.n_params);
    expect(fit.df).toBe(m.df);
    expectRelative(fit.deviance, m.deviance ?? NaN, 1e-6, 1e-9);
    expectRelative(fit.aic, m.aic ?? NaN, 1e-6);
    expectRelative(fit.bic, m.bic ?? NaN, 1e-6);
  });

  it.each(withMle)('estimates N, the unobserved and Rcapture’s se for $id', (m) => {
    const fit = fitMseModel(table, m.terms, { interval: false });
    expectRelative(fit.N, m.N ?? NaN, 1e-3);
    expectRelative(fit.unobserved, m.unobserved ?? NaN, 1e-3);
    expectRelative(fit.se, m.stderr_N ?? NaN, 1e-4);
  });

  it.each(withMle)('gives the closedpCI profile-likelihood interval for $id', (m) => {
    const fit = fitMseModel(table, m.terms);
    const [lo, hi] = m.ci95 ?? [NaN, NaN];
    expect(fit.ci95).not.toBeNull();
    expectRelative(fit.ci95?.[0], lo, 0.01);
    expectRelative(fit.ci95?.[1], hi, 0.01);
    expectRelative(fit.nProfileMax, m.N_multinomial_profile_max ?? NaN, 1e-4);
  });

  it.each(withMle)('does not give the Poisson intercept-profile interval instead for $id', (m) => {
    // The two intervals differ by more than our tolerance somewhere in each file; being much
    // closer to closedpCI's than to the other shows which one is reproduced.
    const fit = fitMseModel(table, m.terms);
    const [lo, hi] = m.ci95 ?? [NaN, NaN];
    const [plo, phi] = m.ci95_poisson_intercept_profile ?? [NaN, NaN];
    const ours = fit.ci95 ?? [NaN, NaN];
    const dClosedp = Math.abs((ours[0] ?? NaN) - lo) + Math.abs((ours[1] ?? NaN) - hi);
    const dPoisson = Math.abs((ours[0] ?? NaN) - plo) + Math.abs((ours[1] ?? NaN) - phi);
    expect(dClosedp).toBeLessThan(dPoisson / 100);
  });

  it('ranks the two-way models by AIC and BIC as R does', () => {
    const result = estimateMse(table, { maxOrder: 2, top: Infinity });
    expect(result.search.modelsSearched).toBe(ref.twoway_subset_search.n_models);
    for (const criterion of ['aic', 'bic'] as const) {
      const expected = ref.twoway_subset_search[criterion === 'aic' ? 'best_aic' : 'best_bic'];
      const ranked = [...result.models]
        .filter((m) => m[criterion] !== null)
        .sort((a, b) => (a[criterion] ?? 0) - (b[criterion] ?? 0))
        .slice(0, expected.length);
      ranked.forEach((m, i) => {
        const e = expected[i] as RefSearchEntry;
        expect(m.terms.filter((t) => t.includes(':'))).toEqual(interactions(e.terms));
        expectRelative(m.aic, e.aic, 1e-6);
        expectRelative(m.bic, e.bic, 1e-6);
        expectRelative(m.N, e.N, 1e-3);
      });
      expect(result.best[criterion]?.terms.filter((t) => t.includes(':'))).toEqual(
        interactions((expected[0] as RefSearchEntry).terms),
      );
    }
  });
});

describe('models whose maximum-likelihood estimate does not exist', () => {
  const hiv = references[0] as Reference;
  const zeroMargin = hiv.models.find((m) => !m.mle_exists) as RefModel;

  it('reports N as null with the zero-margin term named, not a number', () => {
    const fit = fitMseModel(tableOf(hiv), zeroMargin.terms);
    expect(fit.status).toBe('zero_margin');
    expect(fit.N).toBeNull();
    expect(fit.unobserved).toBeNull();
    expect(fit.se).toBeNull();
    expect(fit.ci95).toBeNull();
    expect(fit.deviance).toBeNull();
    expect(fit.aic).toBeNull();
    expect(fit.warnings.join(' ')).toContain(zeroMargin.zero_margin_terms);
    expect(fit.warnings.join(' ')).toMatch(/zero margin/);
  });

  it('ranks models without an estimate after every model with one and counts them', () => {
    const result = estimateMse(tableOf(hiv), { top: Infinity });
    const firstMissing = result.models.findIndex((m) => m.N === null);
    expect(firstMissing).toBeGreaterThan(0);
    expect(result.models.slice(firstMissing).every((m) => m.N === null)).toBe(true);
    const { zero_margin: zero = 0, diverged = 0 } = result.search.withoutEstimate;
    expect(zero).toBe(18);
    expect(zero + diverged).toBe(result.models.length - firstMissing);
    const saturated = result.models.find((m) => m.terms.length === zeroMargin.terms.length);
    expect(saturated?.status).toBe('zero_margin');
  });

  it('reports a two-list table whose lists share nobody as having no estimate', () => {
    const result = estimateMse({ lists: ['A', 'B'], histories: { '10': 40, '01': 50 } });
    expect(result.models[0]?.N).toBeNull();
    expect(result.models[0]?.status).toBe('diverged');
    expect(result.selected).toBeNull();
    expect(result.warnings.join(' ')).toMatch(/A and B have nobody in common/);
    expect(result.warnings.join(' ')).toMatch(/no model has an estimate/);
    // The same warnings by code, in the same order, for the workspace to word them.
    expect(result.warningCodes).toHaveLength(result.warnings.length);
    expect(result.warningCodes).toContainEqual({ code: 'no_overlap', params: { a: 'A', b: 'B' } });
    expect(result.warningCodes.at(-1)).toEqual({ code: 'no_model_estimate', params: {} });
    expect(result.models[0]?.warningCodes.map((w) => w.code)).toEqual(['diverged']);
  });

  it('reports a three-way term with three lists as not identifiable', () => {
    const spina = references[1] as Reference;
    const fit = fitMseModel(tableOf(spina), ['BC:DC', 'BC:MR', 'DC:MR', 'BC:DC:MR']);
    expect(fit.status).toBe('not_identifiable');
    expect(fit.N).toBeNull();
    expect(fit.warnings[0]).toMatch(/8 parameters for 7 observable histories/);
  });
});

describe('estimateMse output', () => {
  const spina = tableOf(references[1] as Reference);

  it('selects the lowest-BIC model by default and the lowest-AIC one on request', () => {
    const byBic = estimateMse(spina);
    expect(byBic.selected).toEqual(byBic.best.bic);
    expect(byBic.models[0]?.terms).toEqual(['BC', 'DC', 'MR', 'DC:MR']);
    const byAic = estimateMse(spina, { criterion: 'aic' });
    expect(byAic.selected).toEqual(byAic.best.aic);
    expect(byAic.models[byAic.best.aic?.index ?? -1]?.terms).toEqual([
      'BC',
      'DC',
      'MR',
      'BC:DC',
      'DC:MR',
    ]);
  });

  it('returns the top models plus the independence model and indexes best into them', () => {
    const result = estimateMse(spina, { top: 1, maxOrder: 2 });
    const terms = result.models.map((m) => m.terms);
    expect(terms).toContainEqual(['BC', 'DC', 'MR']);
    expect(result.models.length).toBe(3); // top BIC, independence, top AIC
    for (const ref of [result.best.aic, result.best.bic]) {
      expect(result.models[ref?.index ?? -1]?.terms).toEqual(ref?.terms);
    }
    expect(result.search.modelsSearched).toBe(8);
  });

  it('gives every returned model with an estimate an interval containing N', () => {
    const result = estimateMse(spina);
    for (const m of result.models.filter((x) => x.N !== null)) {
      const [lo, hi] = m.ci95 ?? [null, null];
      expect(lo).not.toBeNull();
      expect(lo as number).toBeLessThan(m.N as number);
      expect(hi as number).toBeGreaterThan(m.N as number);
      expect(lo as number).toBeGreaterThanOrEqual(result.nObserved);
    }
  });

  it('reports the spread of N over the top models', () => {
    const result = estimateMse(spina, { top: 3, maxOrder: 2 });
    const ns = result.models.slice(0, 3).map((m) => m.N as number);
    expect(result.spread).toEqual({ models: 3, minN: Math.min(...ns), maxN: Math.max(...ns) });
  });

  it('warns on a saturated model and on terms resting on few people', () => {
    const hiv = references[0] as Reference;
    const fit = fitMseModel(tableOf(hiv), [
      'c1:c2',
      'c1:c3',
      'c1:c4',
      'c2:c3',
      'c2:c4',
      'c3:c4',
      'c1:c2:c4',
    ]);
    expect(fit.warnings.join(' ')).toMatch(/term c1:c2:c4 rests on 1 person/);
    expect(fit.warningCodes).toContainEqual({
      code: 'sparse_term',
      params: { term: 'c1:c2:c4', count: 1 },
    });
    const sat = fitMseModel(spina, ['BC:DC', 'BC:MR', 'DC:MR']);
    expect(sat.warnings.join(' ')).toMatch(/df = 0/);
  });

  it('reproduces Lincoln–Petersen with the independence model of two lists', () => {
    const r = estimateMse({ lists: ['A', 'B'], histories: { '10': 120, '01': 80, '11': 30 } });
    expect(r.models[0]?.N).toBeCloseTo(r.pairs[0]?.lincolnPetersen ?? NaN, 6);
    expect(r.models[0]?.N).toBeCloseTo((150 * 110) / 30, 6);
  });

  it('reports search progress through the callback', () => {
    const calls: Array<[number, number]> = [];
    estimateMse(spina, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.at(-1)).toEqual([9, 9]);
  });

  it('rejects an unknown criterion and a non-positive top', () => {
    expect(() => estimateMse(spina, { criterion: 'dic' as 'aic' })).toThrow(/criterion/);
    expect(() => estimateMse(spina, { top: 0 })).toThrow(/top/);
  });
});
