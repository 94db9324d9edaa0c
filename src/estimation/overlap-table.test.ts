import { describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.js';
import type { OverlapTableProblem } from './overlap-table.js';
import { toCellCounts, validateOverlapTable } from './overlap-table.js';

function problemsOf(input: unknown): OverlapTableProblem[] {
  try {
    validateOverlapTable(input);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('invalid_input');
    expect((err as AppError).message).toMatch(/fix:/);
    return ((err as AppError).details as { problems: OverlapTableProblem[] }).problems;
  }
  throw new Error('expected the table to be rejected');
}

describe('validateOverlapTable', () => {
  it('accepts a valid table with missing keys meaning zero', () => {
    const t = { lists: ['A', 'B', 'C'], histories: { '110': 37, '101': 12, '100': 0 } };
    expect(validateOverlapTable(t)).toBe(t);
  });

  it('rejects fewer than two and more than six lists, saying what to do', () => {
    const one = problemsOf({ lists: ['A'], histories: { '1': 3 } });
    expect(one[0]?.message).toMatch(/1 lists given; estimation needs 2 to 6/);
    expect(one[0]?.fix).toMatch(/add a second list/);
    const seven = problemsOf({
      lists: ['A', 'B', 'C', 'D', 'E', 'F', 'G'],
      histories: { '1000000': 3 },
    });
    expect(seven[0]?.fix).toMatch(/merge or drop lists/);
  });

  it('rejects a key of the wrong length, with other characters, or all zeros', () => {
    const p = problemsOf({
      lists: ['A', 'B', 'C'],
      histories: { '11': 1, '1x0': 2, '000': 5, '111': 1 },
    });
    expect(p.map((x) => x.path)).toEqual([
      'histories["11"]',
      'histories["1x0"]',
      'histories["000"]',
    ]);
    expect(p[0]?.message).toMatch(/2 characters but there are 3 lists/);
    expect(p[1]?.message).toMatch(/only the characters 0 and 1/);
    expect(p[2]?.fix).toMatch(/remove this key/);
  });

  it('rejects negative, fractional and non-numeric counts', () => {
    const p = problemsOf({
      lists: ['A', 'B'],
      histories: { '10': -1, '01': 2.5, '11': '7' },
    });
    expect(p).toHaveLength(3);
    for (const x of p) expect(x.message).toMatch(/not a non-negative whole number/);
  });

  it('rejects duplicate, empty and colon-containing list names', () => {
    const p = problemsOf({ lists: ['A', 'A', '', 'B:C'], histories: { '1000': 1 } });
    expect(p.map((x) => x.message).join('\n')).toMatch(/appears twice/);
    expect(p.map((x) => x.message).join('\n')).toMatch(/empty/);
    expect(p.map((x) => x.message).join('\n')).toMatch(/contains ':'/);
  });

  it('rejects a table where nobody is observed and input that is not a table', () => {
    expect(problemsOf({ lists: ['A', 'B'], histories: { '10': 0 } })[0]?.message).toMatch(
      /nobody is observed/,
    );
    expect(problemsOf({ lists: 'A,B', histories: [] }).map((x) => x.path)).toEqual([
      'lists',
      'histories',
    ]);
    expect(() => validateOverlapTable(null)).toThrow(AppError);
  });

  it('reports every problem at once and counts them in the message', () => {
    expect(() =>
      validateOverlapTable({ lists: ['A', 'B'], histories: { '10': -1, '01': -2 } }),
    ).toThrow(/and 1 more problems/);
  });
});

describe('toCellCounts', () => {
  it('puts character i of a key on bit i and sums the observed', () => {
    const cells = toCellCounts({ lists: ['A', 'B', 'C'], histories: { '100': 5, '011': 7 } });
    expect(cells.counts[0b001]).toBe(5);
    expect(cells.counts[0b110]).toBe(7);
    expect(cells.nObserved).toBe(12);
  });
});
