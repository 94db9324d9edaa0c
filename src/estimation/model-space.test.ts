import { describe, expect, it } from 'vitest';
import {
  enumerateModels,
  independenceModel,
  interactionMasks,
  modelTermNames,
  parseModel,
  popcount,
  subMasks,
} from './model-space.js';

/** Counts hierarchical models by brute force over every subset of candidate terms. */
function bruteForceCount(k: number, maxOrder: number): number {
  const candidates: number[] = [];
  for (let order = 2; order <= maxOrder; order++) candidates.push(...interactionMasks(k, order));
  let count = 0;
  for (let s = 0; s < 2 ** candidates.length; s++) {
    const chosen = new Set(candidates.filter((_, i) => s & (1 << i)));
    const hierarchical = [...chosen].every(
      (t) => popcount(t) === 2 || subMasks(t, popcount(t) - 1).every((m) => chosen.has(m)),
    );
    if (hierarchical) count++;
  }
  return count;
}

describe('enumerateModels', () => {
  it('searches all 2^15 two-way models for six lists', () => {
    expect(enumerateModels(6, 2)).toHaveLength(32768);
  });

  it('adds three-way terms only with all their two-way terms', () => {
    for (const k of [3, 4]) {
      const models = enumerateModels(k, 3);
      expect(models).toHaveLength(bruteForceCount(k, 3));
      const keys = new Set(models.map((m) => [...m.terms].join(',')));
      expect(keys.size).toBe(models.length);
    }
  });

  it('starts with the independence model and changes one two-way term at a time', () => {
    const models = enumerateModels(4, 2);
    expect(models[0]?.terms).toEqual(independenceModel(4).terms);
    for (let i = 1; i < models.length; i++) {
      const prev = new Set(models[i - 1]?.terms);
      const cur = new Set(models[i]?.terms);
      const changed =
        [...prev].filter((t) => !cur.has(t)).length + [...cur].filter((t) => !prev.has(t)).length;
      expect(changed).toBe(1);
    }
  });

  it('refuses three-way searches beyond four lists', () => {
    expect(() => enumerateModels(5, 3)).toThrow(/at most 4 lists/);
  });
});

describe('parseModel', () => {
  const lists = ['A', 'B', 'C'];

  it('adds the main effects and orders terms canonically', () => {
    const model = parseModel(['B:C', 'A:B'], lists);
    expect(modelTermNames(model, lists)).toEqual(['A', 'B', 'C', 'A:B', 'B:C']);
  });

  it('rejects a term that is not hierarchical, an unknown list and a repeated list', () => {
    expect(() => parseModel(['A:B:C', 'A:B', 'A:C'], lists)).toThrow(
      /needs its lower-order term "B:C"/,
    );
    expect(() => parseModel(['A:D'], lists)).toThrow(/not one of the lists/);
    expect(() => parseModel(['A:A'], lists)).toThrow(/twice/);
  });
});
