import { describe, expect, it } from 'vitest';
import { DEFAULT_BLOCKING_RULES, buildBlocks } from './blocking.js';
import { findCandidatePairs } from './candidate-pairs.js';
import { compileRecords } from './compile-records.js';
import { rec } from '../../test/link-record-factory.js';

describe('default blocking rules', () => {
  // Many Viktors with -nko surnames, so the surname-ending block is compared as neighbours.
  const fillers = Array.from({ length: 120 }, (_, k) =>
    rec(`f${k}`, { family: `${'bcdfgklmprstvz'.charAt(k % 14)}a${k}enko`, given: 'viktor' }),
  );
  const records = [
    rec('a', { family: 'turenko', given: 'viktor', birth: [1979, 2, 13] }),
    rec('b', { family: 'tuenko', given: 'viktor' }),
    ...fillers,
  ];

  const found = (rules: typeof DEFAULT_BLOCKING_RULES): boolean => {
    const c = compileRecords(records);
    const pairs = findCandidatePairs(c, buildBlocks(c, rules), {});
    for (let k = 0; k < pairs.length; k++) if (pairs.a[k] === 0 && pairs.b[k] === 1) return true;
    return false;
  };

  it('compares a surname misspelt in its first letters when there is no date', () => {
    expect(found(DEFAULT_BLOCKING_RULES)).toBe(true);
    // The surname-ending rule is what finds it.
    expect(
      found(DEFAULT_BLOCKING_RULES.filter((r) => r.name !== 'given name + surname ending')),
    ).toBe(false);
  });
});
