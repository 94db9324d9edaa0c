import { describe, expect, it } from 'vitest';
import { generatePersons } from './synth-person.js';
import { PERSON_RECORD_COLUMNS, generatePersonRecords } from './synth-person-records.js';

const take = <T>(it: Iterator<T>, n: number): T[] =>
  Array.from({ length: n }, () => it.next().value as T);

describe('synthetic person records', () => {
  it('gives the same records for the same seed and different ones for another', () => {
    const a = [...generatePersonRecords({ records: 500, seed: 5 })];
    const b = [...generatePersonRecords({ records: 500, seed: 5 })];
    const c = [...generatePersonRecords({ records: 500, seed: 6 })];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('produces exactly the records asked for, each with every input column and a person', () => {
    const records = [...generatePersonRecords({ records: 3_001, seed: 1 })];
    expect(records).toHaveLength(3_001);
    expect(new Set(records.map((r) => r.row.record_id)).size).toBe(3_001);
    for (const r of records) {
      expect(Object.keys(r.row)).toEqual([...PERSON_RECORD_COLUMNS]);
      expect(r.personId).toBeGreaterThan(0);
      expect(r.row.source).not.toBe('');
    }
  });

  it('shows most persons in more than one source, in several scripts', () => {
    const records = [...generatePersonRecords({ records: 10_000, seed: 2 })];
    const perPerson = new Map<number, Set<string>>();
    for (const r of records) {
      const s = perPerson.get(r.personId) ?? new Set<string>();
      s.add(r.row.source);
      perPerson.set(r.personId, s);
    }
    const multi = [...perPerson.values()].filter((s) => s.size > 1).length;
    expect(multi / perPerson.size).toBeGreaterThan(0.5);
    const sources = new Set(records.map((r) => r.row.source));
    expect(sources).toEqual(new Set(['ua_register', 'ru_media', 'icrc', 'press', 'testimony']));
    expect(records.some((r) => /^[A-Z][a-z]+ [A-Z]/.test(r.row.full_name))).toBe(true);
    expect(records.some((r) => /[ыэ]/.test(r.row.full_name + r.row.family_name))).toBe(true);
    expect(records.some((r) => /^\d{4}$/.test(r.row.birth_date))).toBe(true);
  });

  it('includes brothers, fathers and sons, and namesakes', () => {
    const persons = take(generatePersons({ seed: 3 }), 5_000);
    const brothers = persons.filter((p) => p.relation === 'brother');
    const namesakes = persons.filter((p) => p.relation === 'namesake');
    expect(brothers.length).toBeGreaterThan(50);
    expect(namesakes.length).toBeGreaterThan(50);
    expect(persons.some((p) => p.relation === 'son')).toBe(true);
    for (const b of brothers) {
      const older = persons[persons.indexOf(b) - 1];
      expect(b.family).toBe(older?.family);
      expect(b.father.id).toBe(older?.father.id);
      expect(b.given.id).not.toBe(older?.given.id);
    }
  });
});
