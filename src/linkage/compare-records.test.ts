import { describe, expect, it } from 'vitest';
import { compileRecords } from './compile-records.js';
import { comparePair, describePattern, isHardConflict } from './compare-records.js';
import { rec } from '../../test/link-record-factory.js';

const levels = (...records: Parameters<typeof rec>[1][]): Record<string, string> => {
  const c = compileRecords(records.map((r, i) => rec(String(i), r)));
  return describePattern(comparePair(c, 0, 1));
};

describe('comparing names', () => {
  it('forgives one dropped letter or one swap of neighbours on the cross-script key', () => {
    expect(levels({ family: 'tkaCenko' }, { family: 'tkaCneko' }).family).toBe('one_edit');
    expect(levels({ family: 'bondarCuk' }, { family: 'bondarCk' }).family).toBe('one_edit');
    // A substitution is not forgiven this way: Коваль and Ковач are two surnames.
    expect(levels({ family: 'koval' }, { family: 'kovaC' }).family).not.toBe('one_edit');
  });

  it('reads an unknown misspelt given name as one edit from a known one, not a conflict', () => {
    const c = compileRecords([
      { id: 'a', source: 's', given: { key: 'dmitor' } },
      { id: 'b', source: 's', given: { key: 'dmitro', equivalence: 'g:дмитро' } },
    ]);
    const p = comparePair(c, 0, 1);
    expect(describePattern(p).given).toBe('one_edit');
    expect(isHardConflict(p)).toBe(false);
  });

  it('does not call a garbled patronymic a conflict with a known one, but two known ones', () => {
    const c = compileRecords([
      { id: 'a', source: 's', patronymic: { key: 'voloimir' } },
      { id: 'b', source: 's', patronymic: { key: 'vladimir', equivalence: 'p:володимир' } },
      { id: 'c', source: 's', patronymic: { key: 'petr', equivalence: 'p:петро' } },
    ]);
    expect(describePattern(comparePair(c, 0, 1)).patronymic).toBe('unlike');
    expect(isHardConflict(comparePair(c, 0, 1))).toBe(false);
    expect(describePattern(comparePair(c, 1, 2)).patronymic).toBe('different');
    expect(isHardConflict(comparePair(c, 1, 2))).toBe(true);
  });

  it('compares a full name written in the other word order', () => {
    const c = compileRecords([
      { id: 'a', source: 's', family: { key: 'petro' }, given: { key: 'tkaCnenko' } },
      {
        id: 'b',
        source: 's',
        family: { key: 'tkaCenko', equivalence: 'tkCnk' },
        given: { key: 'petro', equivalence: 'g:петро' },
      },
    ]);
    const p = comparePair(c, 0, 1);
    expect(describePattern(p)).toMatchObject({ family: 'one_edit', given: 'exact' });
    expect(isHardConflict(p)).toBe(false);
  });
});

describe('comparing birth dates', () => {
  it('reads a full date and a month as agreeing when the month is the day written first', () => {
    expect(levels({ birth: [1975, 3, 14] }, { birth: [1975, 3] }).birth).toBe('same_month');
    expect(levels({ birth: [1975, 3, 4] }, { birth: [1975, 4] }).birth).toBe('day_month_swapped');
    expect(levels({ birth: [1975, 3, 31] }, { birth: [1975, 4] }).birth).toBe('one_day_apart');
    expect(levels({ birth: [1975, 3, 14] }, { birth: [1975, 7] }).birth).toBe('different');
  });

  it('reads two full dates of one month a few days apart as agreeing on the month', () => {
    // A day off in each of two sources: one person, not a conflict.
    expect(levels({ birth: [1969, 3, 15] }, { birth: [1969, 3, 17] }).birth).toBe('same_month');
    expect(levels({ birth: [1969, 3, 15] }, { birth: [1969, 4, 15] }).birth).toBe('different');
  });

  it('reads a full date and its year as compatible evidence, not missing', () => {
    expect(levels({ birth: [1975, 10, 15] }, { birth: [1975] }).birth).toBe('same_year');
  });
});
