import { describe, expect, it } from 'vitest';
import { DEFAULT_BLOCKING_RULES, buildBlocks } from './blocking.js';
import { findCandidatePairs } from './candidate-pairs.js';
import { compileRecords } from './compile-records.js';
import { rec } from '../../test/link-record-factory.js';

/** The candidate pairs the rules give, as "id|id". */
function pairsOf(
  records: ReturnType<typeof rec>[],
  rules: typeof DEFAULT_BLOCKING_RULES,
): Set<string> {
  const c = compileRecords(records);
  const pairs = findCandidatePairs(c, buildBlocks(c, rules), {});
  const out = new Set<string>();
  for (let k = 0; k < pairs.length; k++) {
    out.add(`${records[pairs.a[k] as number]?.id}|${records[pairs.b[k] as number]?.id}`);
  }
  return out;
}

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

describe('the surname rule', () => {
  // A testimony naming only a surname and a unit, and the person's register entry, which
  // has no unit: no rule but the surname alone brings them together.
  const mention = rec('m', { family: 'xuzamobiSin', unit: '115' });
  const entry = rec('e', {
    family: 'xuzamobiSin',
    given: 'arsenii',
    patronymic: 'oleksandrovyC',
    birth: [1986, 11, 22],
  });
  // Holders of a common surname, more than the rule compares all-pairs.
  const common = Array.from({ length: 30 }, (_, k) =>
    rec(`k${k}`, { family: 'kovalenko', birth: [1960 + k, 1, 1] }),
  );

  it('compares a record holding little but a rare surname with the surname’s holders', () => {
    const records = [mention, entry, ...common];
    expect(pairsOf(records, DEFAULT_BLOCKING_RULES).has('m|e')).toBe(true);
    const without = DEFAULT_BLOCKING_RULES.filter((r) => r.name !== 'surname');
    expect(pairsOf(records, without).has('m|e')).toBe(false);
  });

  it('compares only neighbours among the holders of a common surname', () => {
    const surname = DEFAULT_BLOCKING_RULES.filter((r) => r.name === 'surname');
    const found = pairsOf(common, surname);
    expect(found.size).toBeGreaterThan(0);
    expect(found.size).toBeLessThan((30 * 29) / 2);
  });
});

describe('a surname and a unit', () => {
  const without = (name: string): typeof DEFAULT_BLOCKING_RULES =>
    DEFAULT_BLOCKING_RULES.filter((r) => r.name !== name);
  // Other holders of the unit and of common surnames, so no rule compares everyone.
  const crowd = Array.from({ length: 60 }, (_, k) =>
    rec(`c${k}`, {
      family: k % 2 === 0 ? 'kovalenko' : 'bondarenko',
      given: ['petro', 'ivan', 'taras'][k % 3],
      birth: [1960 + (k % 40), 1 + (k % 12), 1 + (k % 28)],
      unit: '36',
    }),
  );

  it('compares a surname in another script remembered with a unit', () => {
    // A Russian-language list spells the surname its way (same phonetic class), no given name.
    const records = [
      rec('m', { family: 'hnatiuk', familyClass: 'HNT', unit: '36' }),
      rec('e', { family: 'gnatiuk', familyClass: 'HNT', given: 'ivan', unit: '36' }),
      ...crowd,
    ];
    expect(pairsOf(records, DEFAULT_BLOCKING_RULES).has('m|e')).toBe(true);
    const phonetic = DEFAULT_BLOCKING_RULES.filter((r) => r.name === 'phonetic surname + unit');
    expect(pairsOf(records, phonetic).has('m|e')).toBe(true);
    // The spelling alone does not bring them together.
    const spelling = [{ name: 'surname + unit', parts: ['familyKey', 'unit'] as const }];
    expect(pairsOf(records, spelling).has('m|e')).toBe(false);
  });

  it('compares a surname misspelt after its first letters, remembered with a unit', () => {
    const records = [
      rec('m', { family: 'kovalCuk', unit: '36' }),
      rec('e', { family: 'kovalCyk', given: 'ivan', birth: [1980, 1, 2], unit: '36' }),
      ...crowd,
    ];
    expect(pairsOf(records, DEFAULT_BLOCKING_RULES).has('m|e')).toBe(true);
    expect(pairsOf(records, without('unit + surname prefix')).has('m|e')).toBe(false);
  });
});
