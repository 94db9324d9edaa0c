import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.js';
import type { OverlapTable } from './overlap-table.js';
import { estimateStrata } from './strata.js';

function reference(name: string): OverlapTable {
  const r = JSON.parse(
    readFileSync(new URL(`../../data/mse/${name}.json`, import.meta.url), 'utf8'),
  ) as OverlapTable;
  return { lists: r.lists, histories: r.histories };
}

const hiv = reference('HIV_Rome');
const spina = reference('spina_bifida_upstate_NY');

describe('estimateStrata', () => {
  const result = estimateStrata([
    { name: 'military', table: hiv },
    { name: 'civilian', table: spina },
  ]);
  const [a, b] = result.strata.map((s) => s.selected);

  it('estimates each stratum with its own search and selects by BIC', () => {
    expect(result.strata.map((s) => s.name)).toEqual(['military', 'civilian']);
    expect(result.strata[1]?.selected?.terms).toEqual(['BC', 'DC', 'MR', 'DC:MR']);
    expect(result.strata[0]?.nObserved).toBe(1896);
  });

  it('adds the strata estimates and their variances', () => {
    expect(result.total.nObserved).toBe(1896 + 626);
    expect(result.total.N).toBeCloseTo((a?.N ?? NaN) + (b?.N ?? NaN), 6);
    expect(result.total.se).toBeCloseTo(Math.hypot(a?.se ?? NaN, b?.se ?? NaN), 6);
  });

  it('combines the skewed strata intervals by MOVER, keeping the skew', () => {
    const N = result.total.N ?? NaN;
    const [lo, hi] = result.total.ci95 ?? [null, null];
    const down = Math.hypot((a?.N ?? 0) - (a?.ci95?.[0] ?? 0), (b?.N ?? 0) - (b?.ci95?.[0] ?? 0));
    const up = Math.hypot((a?.ci95?.[1] ?? 0) - (a?.N ?? 0), (b?.ci95?.[1] ?? 0) - (b?.N ?? 0));
    expect(lo).toBeCloseTo(N - down, 6);
    expect(hi).toBeCloseTo(N + up, 6);
    expect((hi ?? 0) - N).toBeGreaterThan(N - (lo ?? 0));
    expect(lo ?? 0).toBeGreaterThan((a?.ci95?.[0] ?? 0) + (b?.ci95?.[0] ?? 0));
    expect(result.total.method).toMatch(/MOVER/);
  });

  it('warns on a stratum with fewer than 30 observed and on an empty two-list overlap', () => {
    const r = estimateStrata([
      { name: 'large', table: spina },
      {
        name: 'small',
        table: {
          lists: ['A', 'B', 'C'],
          histories: { '110': 4, '011': 3, '100': 6, '010': 5, '001': 2 },
        },
      },
    ]);
    const text = r.warnings.join('\n');
    expect(text).toMatch(/stratum "small": only 20 people observed \(fewer than 30\)/);
    expect(text).toMatch(/stratum "small": lists A and C have nobody in common/);
    expect(text).not.toMatch(/stratum "large": only/);
    expect(r.warningCodes).toHaveLength(r.warnings.length);
    expect(r.warningCodes).toContainEqual({
      code: 'few_observed',
      params: { count: 20, min: 30 },
      stratum: 'small',
    });
  });

  it('gives no total when a stratum has no estimate, and says which', () => {
    const r = estimateStrata([
      { name: 'ok', table: spina },
      { name: 'disjoint', table: { lists: ['A', 'B'], histories: { '10': 40, '01': 50 } } },
    ]);
    expect(r.total.N).toBeNull();
    expect(r.total.ci95).toBeNull();
    expect(r.warnings.join('\n')).toMatch(
      /stratum "disjoint": no model has an estimate, so the total has none/,
    );
  });

  it('rejects duplicate stratum names and names the stratum of an invalid table', () => {
    expect(() =>
      estimateStrata([
        { name: 'x', table: spina },
        { name: 'x', table: hiv },
      ]),
    ).toThrow(/appears twice/);
    expect(() => estimateStrata([])).toThrow(AppError);
    expect(() =>
      estimateStrata([{ name: 'bad', table: { lists: ['A', 'B'], histories: { '1': 3 } } }]),
    ).toThrow(/^stratum "bad": invalid overlap table/);
  });
});
