import { describe, expect, it } from 'vitest';
import { buildBlocks } from './blocking.js';
import type { BlockingRule } from './blocking.js';
import { findCandidatePairs } from './candidate-pairs.js';
import { clusterPairs } from './cluster-pairs.js';
import { compileRecords } from './compile-records.js';
import { FIELDS, LEVELS, comparePair, describePattern, isHardConflict } from './compare-records.js';
import { estimateParameters } from './estimate-parameters.js';
import { rec } from '../../test/link-record-factory.js';

const pairsOf = (p: { a: Int32Array; b: Int32Array; length: number }): string[] =>
  Array.from({ length: p.length }, (_, k) => `${p.a[k]}-${p.b[k]}`).sort();

describe('blocking', () => {
  const records = [
    rec('0', { family: 'kovalenko', given: 'oleksandr', birth: [1985, 3, 12] }),
    rec('1', { family: 'kovalenko', given: 'oleksandr', birth: [1985] }),
    rec('2', { family: 'kovalinko', given: 'oleksandr', birth: [1985, 3, 12] }),
    rec('3', { family: 'shevchenko', given: 'serhii', birth: [1990, 1, 1] }),
  ];
  const rules: BlockingRule[] = [
    { name: 'surname + given', parts: ['familyKey', 'givenName'] },
    { name: 'given + date', parts: ['givenName', 'birthDate'] },
    { name: 'surname + year', parts: ['familyKey', 'birthYear'] },
  ];

  it('unions the pairs of every rule, each pair once', () => {
    const c = compileRecords(records);
    const pairs = findCandidatePairs(c, buildBlocks(c, rules), {});
    // 0-1 by surname + given (and again by surname + year: not repeated); 0-2 by given + date.
    expect(pairsOf(pairs)).toEqual(['0-1', '0-2']);
    expect(pairs.perRule).toEqual([1, 1, 0]);
  });

  it('never compares records that share no blocking key', () => {
    const c = compileRecords(records);
    const pairs = pairsOf(findCandidatePairs(c, buildBlocks(c, rules), {}));
    expect(pairs.some((p) => p.includes('3'))).toBe(false);
  });

  it('compares neighbours only in a block larger than the limit', () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      rec(String(i), { family: 'melnyk', given: 'ivan', birth: [1960 + i, 1, 1] }),
    );
    const c = compileRecords(many);
    const options = { maxBlockSize: 10, window: 3 };
    const pairs = findCandidatePairs(
      c,
      buildBlocks(c, [rules[0] as BlockingRule], options),
      options,
    );
    expect(pairs.length).toBe(49 + 48);
  });

  it('splits the work into shards that together give the same pairs', () => {
    const c = compileRecords(records);
    const blocks = buildBlocks(c, rules);
    const all = pairsOf(findCandidatePairs(c, blocks, {}));
    const parts = [0, 1].flatMap((shard) =>
      pairsOf(findCandidatePairs(c, blocks, { shard, shards: 2 })),
    );
    expect(parts.sort()).toEqual(all);
  });
});

describe('comparison levels', () => {
  const c = compileRecords([
    rec('a', { family: 'kovalenko', given: 'oleksandr', birth: [1985, 3, 12], sex: 'm' }),
    rec('b', {
      family: 'kovalenko',
      given: 'aleksandr',
      givenClass: 'g:oleksandr',
      birth: [1985, 12, 3],
    }),
    rec('c', { family: 'kovalenko', given: 'oleksii', birth: [1985, 3, 13], sex: 'f' }),
    rec('d', { family: 'kovalinko', birth: [1985] }),
  ]);

  it('tells equivalent names, swapped days and months, and a day apart', () => {
    expect(describePattern(comparePair(c, 0, 1))).toMatchObject({
      family: 'exact',
      given: 'equivalent',
      birth: 'day_month_swapped',
      sex: 'missing',
    });
    expect(describePattern(comparePair(c, 0, 2))).toMatchObject({
      given: 'different',
      birth: 'one_day_apart',
      sex: 'disagree',
    });
    expect(describePattern(comparePair(c, 0, 3))).toMatchObject({
      family: 'jw_high',
      given: 'missing',
      birth: 'same_year',
    });
  });

  it('calls two known different given names a hard conflict however alike they look', () => {
    expect(isHardConflict(comparePair(c, 0, 2))).toBe(true);
    expect(isHardConflict(comparePair(c, 0, 1))).toBe(false);
  });
});

/** Draws a pattern histogram from known m, u and λ (fields independent in each class). */
function simulate(
  m: number[][],
  u: number[][],
  lambda: number,
  pairs: number,
): Map<number, number> {
  let s = 12345;
  // mulberry32
  const random = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const draw = (probs: number[]): number => {
    let x = random();
    for (let l = 0; l < probs.length; l++) {
      x -= probs[l] as number;
      if (x < 0) return l + 1;
    }
    return probs.length;
  };
  const hist = new Map<number, number>();
  for (let k = 0; k < pairs; k++) {
    const table = random() < lambda ? m : u;
    let p = 0;
    table.forEach((probs, f) => (p |= draw(probs) << (3 * f)));
    hist.set(p, (hist.get(p) ?? 0) + 1);
  }
  return hist;
}

describe('EM', () => {
  const m = [
    [0.8, 0.1, 0.04, 0.03, 0.03],
    [0.6, 0.3, 0.04, 0.03, 0.03],
    [0.7, 0.2, 0.04, 0.03, 0.03],
    [0.5, 0.02, 0.03, 0.05, 0.35, 0.03, 0.02],
    [0.98, 0.02],
    [0.7, 0.3],
  ];
  const u = [
    [0.05, 0.05, 0.05, 0.1, 0.75],
    [0.1, 0.05, 0.05, 0.05, 0.75],
    [0.1, 0.05, 0.05, 0.05, 0.75],
    [0.01, 0.005, 0.005, 0.01, 0.08, 0.09, 0.8],
    [0.85, 0.15],
    [0.1, 0.9],
  ];
  const flat = (t: number[][]): Float64Array => {
    const out = new Float64Array(FIELDS.length * 8);
    t.forEach((probs, f) => probs.forEach((p, l) => (out[f * 8 + l + 1] = p)));
    return out;
  };

  it('converges to the m and λ the pairs were drawn from, u known', () => {
    const hist = simulate(m, u, 0.3, 200_000);
    const fit = estimateParameters(hist, flat(u), { fixU: true });
    expect(fit.report.converged).toBe(true);
    expect(fit.lambda).toBeCloseTo(0.3, 1);
    m.forEach((probs, f) =>
      probs.forEach((p, l) =>
        expect(Math.abs((fit.m[f * 8 + l + 1] as number) - p)).toBeLessThan(0.02),
      ),
    );
  });

  it('recovers u too when it starts from a rough guess', () => {
    const hist = simulate(m, u, 0.3, 200_000);
    const rough = u.map((probs) => probs.map((p) => p * 0.5 + 0.5 / probs.length));
    const fit = estimateParameters(hist, flat(rough), { fixU: false });
    expect(fit.report.converged).toBe(true);
    expect(fit.lambda).toBeCloseTo(0.3, 1);
    expect(Math.abs((fit.u[3 * 8 + 7] as number) - 0.8)).toBeLessThan(0.03);
    expect(Math.abs((fit.m[0 * 8 + 1] as number) - 0.8)).toBeLessThan(0.03);
  });

  it('labels every level of every field', () => {
    FIELDS.forEach((f) => expect(LEVELS[f][0]).toBe('missing'));
  });
});

describe('clustering', () => {
  // Two brothers: one surname, one patronymic, one unit, different given names and dates.
  // A testimony names only the surname and the unit and links to both.
  const records = [
    rec('b1', {
      family: 'kovalenko',
      given: 'oleksandr',
      patronymic: 'petr',
      birth: [1985, 3, 12],
      unit: '36',
    }),
    rec('b2', {
      family: 'kovalenko',
      given: 'serhii',
      patronymic: 'petr',
      birth: [1988, 7, 1],
      unit: '36',
    }),
    rec('t', { family: 'kovalenko', unit: '36' }),
    rec('b1-ru', {
      family: 'kovalenko',
      given: 'aleksandr',
      givenClass: 'g:oleksandr',
      patronymic: 'petr',
      birth: [1985],
    }),
  ];
  const c = compileRecords(records);
  const pairsWith = (list: [number, number, number][]) => ({
    pairs: {
      a: Int32Array.from(list.map((p) => p[0])),
      b: Int32Array.from(list.map((p) => p[1])),
      pattern: Int32Array.from(list.map(([a, b]) => comparePair(c, a, b))),
      length: list.length,
      perRule: [],
    },
    weightOf: (k: number): number => (list[k] as [number, number, number])[2],
  });
  // Weights in bits; with λ = 0.5 the threshold 0.9 is about 3.2 bits.
  const { pairs, weightOf } = pairsWith([
    [0, 3, 20],
    [0, 2, 5],
    [1, 2, 12],
    [0, 1, 3],
  ]);
  const options = { threshold: 0.9, reviewFrom: 0.5, maxClusterSize: 40, decisions: [] };

  it('keeps two brothers apart when a vague record links to both', () => {
    const r = clusterPairs(c, pairs, weightOf, 0.5, options);
    expect(r.clusterOf[0]).not.toBe(r.clusterOf[1]);
    // The vague record joins the brother it resembles more; the other join is refused.
    expect(r.clusterOf[2]).toBe(r.clusterOf[1]);
    expect(r.clusterOf[3]).toBe(r.clusterOf[0]);
    expect(r.guardRejections).toBeGreaterThan(0);
    expect(r.review.some((p) => p.reason === 'conflict')).toBe(true);
  });

  it('sends a record that fits two brothers about equally well to review, linking neither', () => {
    const even = pairsWith([
      [0, 3, 20],
      [0, 2, 5],
      [1, 2, 6],
    ]);
    const r = clusterPairs(c, even.pairs, even.weightOf, 0.5, options);
    expect(r.clusterOf[2]).not.toBe(r.clusterOf[0]);
    expect(r.clusterOf[2]).not.toBe(r.clusterOf[1]);
    expect(r.review.filter((p) => p.reason === 'ambiguous')).toHaveLength(2);
  });

  it('honours a reviewer’s non_match by splitting a pair it would link', () => {
    const r = clusterPairs(c, pairs, weightOf, 0.5, {
      ...options,
      decisions: [{ a: 0, b: 3, decision: 'non_match' }],
    });
    expect(r.clusterOf[0]).not.toBe(r.clusterOf[3]);
    expect(r.forcedSplits).toBe(1);
  });

  it('honours a reviewer’s match by linking a pair it would not', () => {
    const r = clusterPairs(c, pairs, weightOf, 0.5, {
      ...options,
      decisions: [{ a: 0, b: 2, decision: 'match' }],
    });
    // Without the decision the vague record would join the other brother (12 bits > 5).
    expect(r.clusterOf[0]).toBe(r.clusterOf[2]);
    expect(r.clusterOf[1]).not.toBe(r.clusterOf[2]);
    expect(r.forcedMatches).toBe(1);
  });

  it('sends pairs between the review floor and the threshold to review', () => {
    // At p ≥ 0.99999 (about 16.6 bits) only the 20-bit pair links; the rest are reviewed.
    const r = clusterPairs(c, pairs, weightOf, 0.5, { ...options, threshold: 0.99999 });
    expect(r.review.map((p) => `${p.a}-${p.b}`)).toEqual(expect.arrayContaining(['1-2', '0-2']));
    expect(r.review.every((p) => p.reason === 'uncertain')).toBe(true);
  });
});
