import { describe, expect, it } from 'vitest';
import {
  buildBlocks,
  compileRecords,
  comparePair,
  describePattern,
  estimateRandomU,
  findCandidatePairs,
  levelWeights,
  pairWeights,
  patternHistogram,
  patternWeight,
  termFrequencyAdjustment,
} from '../../linkage/index.js';
import type { FsParameters } from '../../linkage/index.js';
import { generateIndependentRecords } from '../../../test/independent-person-records.js';
import { createRecordPreparer } from './prepare-link-record.js';

/*
 * Term-frequency adjustment of name agreement (issue 18, item 1) on records from the
 * independent generator: its surnames follow a Zipf law, so some are carried by many
 * records in every script and some by one person.
 */
describe('weighing name agreement by how common the name is', () => {
  const prepare = createRecordPreparer();
  const data = generateIndependentRecords({ persons: 1600, seed: 18 });
  const records = data.records.map((r) => prepare(r.row).record);
  const c = compileRecords(records);
  const u = estimateRandomU(c, 20_000, 1);
  const params: FsParameters = { m: new Float64Array(u.length).fill(0.5), u, lambda: 0.001 };

  /** Two records of one surname key whose family names agree exactly, given names too. */
  const agreeingPair = (key: string): [number, number] | undefined => {
    const holders: number[] = [];
    records.forEach((r, i) => {
      if (r.family?.key === key) holders.push(i);
    });
    for (const i of holders) {
      for (const j of holders) {
        if (j <= i) continue;
        const levels = describePattern(comparePair(c, i, j));
        if (levels.family === 'exact' && levels.given === 'exact') return [i, j];
      }
    }
    return undefined;
  };

  const keyCounts = new Map<string, number>();
  for (const r of records) {
    const k = r.family?.key;
    if (k) keyCounts.set(k, (keyCounts.get(k) ?? 0) + 1);
  }
  const byCount = [...keyCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

  it('counts a surname across scripts, on its cross-script key', () => {
    // Коваленко in Ukrainian and Russian Cyrillic and in Latin is one key, so one count.
    const kovalenko = prepare({ record_id: 'k', source: 's', family_name: 'Коваленко' }).record;
    const spellings = new Set(
      data.records
        .filter((r) => prepare(r.row).record.family?.key === kovalenko.family?.key)
        .map((r) => /[a-z]/i.test(r.row.family_name + r.row.full_name)),
    );
    expect(spellings).toEqual(new Set([true, false]));
    const id = c.family.keyTexts.indexOf(kovalenko.family?.key as string);
    expect(c.family.keyFrequency[id]).toBe(keyCounts.get(kovalenko.family?.key as string));
  });

  it('says more for agreement on a rare surname than on a common one', () => {
    const common = byCount.map(([k]) => agreeingPair(k)).find((p) => p !== undefined);
    const rare = [...byCount]
      .reverse()
      .filter(([, n]) => n >= 2)
      .map(([k]) => agreeingPair(k))
      .find((p) => p !== undefined);
    expect(common).toBeDefined();
    expect(rare).toBeDefined();
    const [ci, cj] = common as [number, number];
    const [ri, rj] = rare as [number, number];
    const commonAdjust = termFrequencyAdjustment(c, params, comparePair(c, ci, cj), ci, cj);
    const rareAdjust = termFrequencyAdjustment(c, params, comparePair(c, ri, rj), ri, rj);
    expect(commonAdjust).toBeLessThan(0);
    expect(rareAdjust).toBeGreaterThan(0);
  });

  it('is bounded, and leaves names that only look alike (a typo, a one-off key) unadjusted', () => {
    for (let i = 0; i + 1 < Math.min(records.length, 2000); i += 2) {
      const p = comparePair(c, i, i + 1);
      const adjust = termFrequencyAdjustment(c, params, p, i, i + 1);
      // Two names, each at most 4 bits up and 8 down.
      expect(adjust).toBeLessThanOrEqual(8);
      expect(adjust).toBeGreaterThanOrEqual(-16);
      const levels = describePattern(p);
      const agreeing = (l: string): boolean => l === 'exact' || l === 'equivalent';
      if (!agreeing(levels.family) && !agreeing(levels.given)) expect(adjust).toBe(0);
    }
  });

  it('weighs every candidate pair, all at once, to the bit as pair by pair', () => {
    const pairs = findCandidatePairs(c, buildBlocks(c), {});
    const weights = levelWeights(params);
    const all = pairWeights(c, params, weights, pairs);
    const plain = pairWeights(c, params, weights, pairs, false);
    expect(pairs.length).toBeGreaterThan(1000);
    let adjusted = 0;
    for (let k = 0; k < pairs.length; k++) {
      const p = pairs.pattern[k] as number;
      const [i, j] = [pairs.a[k] as number, pairs.b[k] as number];
      expect(plain[k]).toBe(patternWeight(weights, p));
      expect(all[k]).toBe(patternWeight(weights, p) + termFrequencyAdjustment(c, params, p, i, j));
      if (all[k] !== plain[k]) adjusted++;
    }
    expect(adjusted).toBeGreaterThan(100);
  });

  it('counts comparison patterns in order of first appearance', () => {
    const histogram = patternHistogram(Int32Array.from([9, 3, 9, 1 << 20, 0, 3, 9]));
    expect([...histogram]).toEqual([
      [9, 3],
      [3, 2],
      [1 << 20, 1],
      [0, 1],
    ]);
  });
});
