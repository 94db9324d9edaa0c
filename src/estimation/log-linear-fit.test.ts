import { describe, expect, it } from 'vitest';
import { LogLinearFitter, subsetSums, supersetSums } from './log-linear-fit.js';
import { parseModel } from './model-space.js';
import { toCellCounts } from './overlap-table.js';

const HIV = {
  lists: ['c1', 'c2', 'c3', 'c4'],
  histories: {
    '0001': 205,
    '0010': 621,
    '0011': 11,
    '0100': 545,
    '0101': 10,
    '0110': 35,
    '0111': 3,
    '1000': 403,
    '1001': 6,
    '1010': 20,
    '1011': 0,
    '1100': 33,
    '1101': 1,
    '1110': 3,
    '1111': 0,
  },
};

function fitterFor(table: { lists: string[]; histories: Record<string, number> }) {
  const cells = toCellCounts(table);
  return { fitter: new LogLinearFitter(cells.counts), cells };
}

describe('subset and superset transforms', () => {
  it('equal the products with the explicit 0/1 design matrix', () => {
    const k = 4;
    const a = Float64Array.from({ length: 16 }, (_, i) => Math.sin(i + 1));
    const sub = Float64Array.from(a);
    const sup = Float64Array.from(a);
    subsetSums(sub, k);
    supersetSums(sup, k);
    for (let c = 0; c < 16; c++) {
      let s = 0;
      let t = 0;
      for (let d = 0; d < 16; d++) {
        if ((c & d) === d) s += a[d] ?? 0;
        if ((c & d) === c) t += a[d] ?? 0;
      }
      expect(sub[c]).toBeCloseTo(s, 12);
      expect(sup[c]).toBeCloseTo(t, 12);
    }
  });
});

describe('LogLinearFitter', () => {
  it('reaches the same estimate from a distant start as from glm’s start', () => {
    const { fitter } = fitterFor(HIV);
    const model = parseModel(['c1:c2', 'c2:c3'], HIV.lists);
    const cold = fitter.fit(model.terms);
    const coldBeta = Float64Array.from(cold.beta);
    const start = new Float64Array(model.terms.length).fill(1.5);
    const warm = fitter.fit(model.terms, { start });
    expect(warm.status).toBe('ok');
    warm.beta.forEach((b, j) => expect(b).toBeCloseTo(coldBeta[j] ?? NaN, 8));
    expect(warm.deviance).toBeCloseTo(cold.deviance, 9);
  });

  it('matches the observed margins of every term at the estimate', () => {
    const { fitter, cells } = fitterFor(HIV);
    const model = parseModel(['c1:c2', 'c3:c4'], HIV.lists);
    const fit = fitter.fit(model.terms);
    const eta = new Float64Array(16);
    model.terms.forEach((t, j) => (eta[t] = fit.beta[j] ?? 0));
    subsetSums(eta, 4);
    const mu = eta.map((e, c) => (c === 0 ? 0 : Math.exp(e)));
    supersetSums(mu, 4);
    const y = Float64Array.from(cells.counts);
    supersetSums(y, 4);
    for (const t of model.terms) expect(mu[t]).toBeCloseTo(y[t] ?? NaN, 6);
  });

  it('detects a zero margin before fitting and names the term', () => {
    const { fitter } = fitterFor(HIV);
    const model = parseModel(['c1:c3', 'c1:c4', 'c3:c4', 'c1:c3:c4'], HIV.lists);
    const fit = fitter.fit(model.terms);
    expect(fit.status).toBe('zero_margin');
    expect(fit.zeroMarginTerms).toEqual([0b1101]);
  });

  it('reports divergence when the data lie on the boundary without a zero margin', () => {
    // All two-way terms and three of the four three-way terms: cell 1011 is empty and no
    // positive table has the same margins, so its fitted count runs to zero.
    const { fitter } = fitterFor(HIV);
    const model = parseModel(
      ['c1:c2', 'c1:c3', 'c1:c4', 'c2:c3', 'c2:c4', 'c3:c4', 'c1:c2:c3', 'c1:c2:c4', 'c2:c3:c4'],
      HIV.lists,
    );
    expect(fitter.zeroMarginTerms(model.terms)).toEqual([]);
    expect(fitter.fit(model.terms).status).toBe('diverged');
  });

  it('reports non-convergence when the iteration limit is reached', () => {
    const { fitter } = fitterFor(HIV);
    const fit = fitter.fit(parseModel(['c1:c2'], HIV.lists).terms, { maxIterations: 1 });
    expect(fit.status).toBe('not_converged');
    expect(fit.deviance).toBeNaN();
  });

  it('refuses a model with more parameters than observable histories', () => {
    const { fitter } = fitterFor({ lists: ['A', 'B'], histories: { '10': 5, '01': 6, '11': 2 } });
    expect(fitter.fit(parseModel(['A:B'], ['A', 'B']).terms).status).toBe('not_identifiable');
  });

  it('fits the unobserved cell as an ordinary cell for the profile likelihood', () => {
    const { fitter } = fitterFor(HIV);
    const model = parseModel([], HIV.lists);
    const fit = fitter.fit(model.terms, { unobservedCount: 5000 });
    expect(fit.status).toBe('ok');
    // The intercept's score equation: fitted counts add up to observed + unobserved.
    const eta = new Float64Array(16);
    model.terms.forEach((t, j) => (eta[t] = fit.beta[j] ?? 0));
    subsetSums(eta, 4);
    const total = eta.reduce((s, e) => s + Math.exp(e), 0);
    expect(total).toBeCloseTo(1896 + 5000, 6);
    // The fitter forgets the unobserved count afterwards.
    const again = fitter.fit(model.terms);
    expect(again.deviance).toBeCloseTo(13.0261369483, 8);
  });
});
