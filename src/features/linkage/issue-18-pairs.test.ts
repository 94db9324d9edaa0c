import { describe, expect, it } from 'vitest';
import {
  compileRecords,
  comparePair,
  describePattern,
  isHardConflict,
} from '../../linkage/index.js';
import type { LinkRecord } from '../../linkage/index.js';
import { generateIndependentRecords } from '../../../test/independent-person-records.js';
import { createRecordPreparer } from './prepare-link-record.js';
import type { PersonRecordInput } from './prepare-link-record.js';

/*
 * The kinds of pairs issue 18 names, through the real preparer and the engine's
 * comparison: first its examples, then every pair of those kinds the independent generator
 * makes, and its relatives and namesakes, who must read as different people.
 */
const prepare = createRecordPreparer();
const row = (id: string, fields: Partial<PersonRecordInput>): LinkRecord =>
  prepare({ record_id: id, source: id, ...fields }).record;

/** Levels that count as agreement: the same key, the same name in another form, one typo. */
const AGREE = ['exact', 'equivalent', 'one_edit'];

const levelsOf = (a: LinkRecord, b: LinkRecord): Record<string, string> & { conflict: string } => {
  const c = compileRecords([a, b]);
  const p = comparePair(c, 0, 1);
  return { ...describePattern(p), conflict: String(isHardConflict(p)) };
};

describe('the pairs issue 18 names', () => {
  it('reads a full date against its year across scripts as agreement at that precision', () => {
    const l = levelsOf(
      row('a', {
        family_name: 'Гончар',
        given_name: 'Василь',
        patronymic: 'Степанович',
        birth_date: '1975-10-15',
      }),
      row('b', {
        family_name: 'Гончар',
        given_name: 'Василий',
        patronymic: 'Степанович',
        birth_date: '1975',
      }),
    );
    expect(l).toMatchObject({ family: 'exact', given: 'equivalent', birth: 'same_year' });
    expect(l.conflict).toBe('false');
  });

  it('reads a date written two ways, a unit on both and a swapped letter as agreement', () => {
    const l = levelsOf(
      row('a', {
        family_name: 'Savchuk',
        given_name: 'Dmytro',
        birth_date: '1975-03-14',
        unit: 'А3537',
      }),
      row('b', {
        family_name: 'Savchuk',
        given_name: 'Dmytor',
        birth_date: '14.03.1975',
        unit: 'в/ч А3537',
      }),
    );
    expect(l).toMatchObject({ family: 'exact', birth: 'exact', unit: 'agree' });
    expect(AGREE).toContain(l.given);
    expect(l.conflict).toBe('false');
  });

  it('reads an upper-case full name, given name first, with two letters swapped', () => {
    const l = levelsOf(
      row('a', { full_name: 'ПЕТРО ТКАЧНЕКО' }),
      row('b', { full_name: 'Петр Сергеевич Ткаченко' }),
    );
    expect(l).toMatchObject({ given: 'equivalent', patronymic: 'missing' });
    expect(AGREE).toContain(l.family);
    expect(l.conflict).toBe('false');
  });

  it('reads a Latin surname with a dropped letter against the Cyrillic one', () => {
    const l = levelsOf(
      row('a', { family_name: 'Bondarchk', given_name: 'Mykhailo' }),
      row('b', { family_name: 'Бондарчук', given_name: 'Михайло', patronymic: 'Іванович' }),
    );
    expect(l).toMatchObject({ patronymic: 'missing' });
    expect(AGREE).toContain(l.family);
    expect(AGREE).toContain(l.given);
    expect(l.conflict).toBe('false');
  });
});

describe('pairs of those kinds from the independent generator', () => {
  const data = generateIndependentRecords({ persons: 1600, seed: 18 });
  const records = data.records.map((r) => prepare(r.row).record);
  const c = compileRecords(records);
  const byPerson = new Map<number, number[]>();
  data.records.forEach((r, i) => {
    const l = byPerson.get(r.personId);
    if (l) l.push(i);
    else byPerson.set(r.personId, [i]);
  });

  it('finds no conflict in nearly every pair of one person’s records', () => {
    let pairs = 0;
    let conflicts = 0;
    for (const members of byPerson.values()) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          pairs++;
          if (isHardConflict(comparePair(c, members[x] as number, members[y] as number))) {
            conflicts++;
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(1000);
    // Only the generator's own errors (a year off, a garbled name) may read as conflicts.
    expect(conflicts / pairs).toBeLessThan(0.03);
  });

  it('tells relatives and namesakes apart whenever both records say enough', () => {
    let informative = 0;
    let apart = 0;
    for (const [p, q] of [...data.relatives, ...data.namesakes]) {
      for (const i of byPerson.get(p) ?? []) {
        for (const j of byPerson.get(q) ?? []) {
          const ri = records[i] as LinkRecord;
          const rj = records[j] as LinkRecord;
          // Siblings differ in given name; namesakes in birth year.
          const telling =
            (ri.given !== undefined && rj.given !== undefined && ri.given.key !== rj.given.key) ||
            (ri.birth?.day !== undefined && rj.birth?.day !== undefined);
          if (!telling) continue;
          informative++;
          if (isHardConflict(comparePair(c, i, j))) apart++;
        }
      }
    }
    expect(informative).toBeGreaterThan(100);
    expect(apart / informative).toBeGreaterThan(0.9);
  });
});
