import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OverlapTable } from './overlap-table.js';
import { pairwiseEstimates } from './pairwise-estimates.js';

/** Reference values from data/mse/*.json (R, formulas in CONVENTIONS.json). */
interface PairRef {
  n1: number;
  n2: number;
  m: number;
  N: number;
  se?: number;
}
interface Reference {
  name: string;
  lists: string[];
  histories: Record<string, number>;
  chapman: Record<string, PairRef>;
  lincoln_petersen: Record<string, PairRef>;
}

const references = ['HIV_Rome', 'spina_bifida_upstate_NY'].map(
  (name) =>
    JSON.parse(
      readFileSync(new URL(`../../data/mse/${name}.json`, import.meta.url), 'utf8'),
    ) as Reference,
);
const tableOf = (r: Reference): OverlapTable => ({ lists: r.lists, histories: r.histories });

describe.each(references)('two-list estimates for $name', (ref) => {
  it('gives every pair’s counts, Lincoln–Petersen and Chapman estimates as R', () => {
    const pairs = pairwiseEstimates(tableOf(ref));
    expect(pairs.map((p) => p.lists.join(':'))).toEqual(Object.keys(ref.chapman));
    for (const p of pairs) {
      const key = p.lists.join(':');
      const c = ref.chapman[key] as PairRef;
      const lp = ref.lincoln_petersen[key] as PairRef;
      expect([p.n1, p.n2, p.m]).toEqual([c.n1, c.n2, c.m]);
      expect(p.chapman).toBeCloseTo(c.N, 6);
      expect(p.chapmanSe).toBeCloseTo(c.se ?? NaN, 6);
      expect(p.lincolnPetersen).toBeCloseTo(lp.N, 6);
    }
  });
});

describe('degenerate overlaps', () => {
  it('gives no Lincoln–Petersen estimate but a finite Chapman one when lists share nobody', () => {
    const [p] = pairwiseEstimates({ lists: ['A', 'B'], histories: { '10': 40, '01': 50 } });
    expect(p?.m).toBe(0);
    expect(p?.lincolnPetersen).toBeNull();
    expect(p?.chapman).toBe(41 * 51 - 1);
  });

  it('counts people on other lists towards each pair’s totals', () => {
    const [ab] = pairwiseEstimates({ lists: ['A', 'B', 'C'], histories: { '111': 2, '101': 3 } });
    expect([ab?.n1, ab?.n2, ab?.m]).toEqual([5, 2, 2]);
  });
});
