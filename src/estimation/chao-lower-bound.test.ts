import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chaoLowerBound } from './chao-lower-bound.js';
import type { OverlapTable } from './overlap-table.js';

/** Reference values from data/mse/*.json (formula given there). */
interface Reference extends OverlapTable {
  name: string;
  chao_lower_bound: { n: number; f1: number; f2: number; N: number; N_bias_corrected: number };
}

const references = ['HIV_Rome', 'spina_bifida_upstate_NY'].map(
  (name) =>
    JSON.parse(
      readFileSync(new URL(`../../data/mse/${name}.json`, import.meta.url), 'utf8'),
    ) as Reference,
);

describe('chaoLowerBound', () => {
  it.each(references)('gives the bound and its bias-corrected form as R for $name', (ref) => {
    const chao = chaoLowerBound({ lists: ref.lists, histories: ref.histories });
    const r = ref.chao_lower_bound;
    expect([chao.n, chao.f1, chao.f2]).toEqual([r.n, r.f1, r.f2]);
    expect(chao.N).toBeCloseTo(r.N, 6);
    expect(chao.NBiasCorrected).toBeCloseTo(r.N_bias_corrected, 6);
  });

  it('gives no classic bound when nobody is on exactly two lists', () => {
    const chao = chaoLowerBound({ lists: ['A', 'B', 'C'], histories: { '100': 10, '111': 2 } });
    expect(chao.f2).toBe(0);
    expect(chao.N).toBeNull();
    expect(chao.NBiasCorrected).toBe(12 + (10 * 9) / 2);
  });
});
