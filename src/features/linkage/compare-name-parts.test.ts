import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, personNameKey, transliterateUk } from '../../names/index.js';
import { compareNameParts, type NameFields } from './compare-name-parts.js';

const parts = (
  familyName: string,
  givenName: string,
  patronymic: string | null = null,
): NameFields => ({
  familyName,
  givenName,
  patronymic,
  fullName: null,
});
const full = (fullName: string): NameFields => ({
  familyName: null,
  givenName: null,
  patronymic: null,
  fullName,
});
const levels = (a: NameFields, b: NameFields) => {
  const c = compareNameParts(a, b);
  return [c.family.level, c.given.level, c.patronymic.level];
};

describe('name parts compared when one record has only a full name', () => {
  it('reads a Latin full name against Cyrillic parts in either word order', () => {
    const cyr = parts('Савчук', 'Дмитро', 'Іванович');
    expect(levels(full('Savchuk Dmytro'), cyr)).toEqual(['agree', 'agree', 'missing']);
    expect(levels(cyr, full('Dmytro Savchuk'))).toEqual(['agree', 'agree', 'missing']);
    expect(levels(full('SAVCHUK Dmytro Ivanovych'), cyr)).toEqual(['agree', 'agree', 'agree']);
    const c = compareNameParts(full('Dmytro Savchuk'), cyr);
    expect([c.family.a, c.given.a]).toEqual(['Savchuk', 'Dmytro']);
  });

  it('says partial for a typo on either side, and disagree for another name', () => {
    expect(levels(full('Savchuk Dmytor'), parts('Савчук', 'Дмитро'))).toEqual([
      'agree',
      'partial',
      'missing',
    ]);
    expect(levels(full('Bondarchk Mykhailo'), parts('Бондарчук', 'Михайло', 'Іванович'))).toEqual([
      'partial',
      'agree',
      'missing',
    ]);
    expect(levels(full('ПЕТРО ТКАЧНЕКО'), parts('Ткаченко', 'Петр', 'Сергеевич'))).toEqual([
      'partial',
      'agree',
      'missing',
    ]);
    expect(levels(full('Kovalenko Oleksandr'), parts('Бондаренко', 'Сергій'))).toEqual([
      'disagree',
      'disagree',
      'missing',
    ]);
  });

  it('compares two full names, and parts against parts across scripts', () => {
    expect(levels(full('Гончар Василь Степанович'), full('Vasyl Honchar'))).toEqual([
      'agree',
      'agree',
      'missing',
    ]);
    expect(
      levels(parts('Гончар', 'Василь', 'Степанович'), parts('Гончар', 'Василий', 'Степанович')),
    ).toEqual(['agree', 'agree', 'agree']);
    expect(levels(parts('Ковальов', 'Сергій'), full('Sergey Kovalev'))).toEqual([
      'agree',
      'agree',
      'missing',
    ]);
    expect(levels(full(''), parts('Гончар', 'Василь'))).toEqual(['missing', 'missing', 'missing']);
  });

  const FAMILY = [
    'Савчук',
    'Бондаренко',
    'Ткаченко',
    'Гончаренко',
    'Мельник',
    'Шевчук',
    'Кравець',
    'Литвиненко',
  ];
  const GIVEN = ['Дмитро', 'Михайло', 'Олександр', 'Василь', 'Сергій', 'Андрій', 'Петро', 'Юрій'];
  const PATRONYMIC = ['Іванович', 'Петрович', 'Сергійович', 'Миколайович'];

  it('on generated names: a romanised full name in either order agrees part by part with its Cyrillic record, and another person disagrees', () => {
    fc.assert(
      fc.property(
        fc.nat(FAMILY.length - 1),
        fc.nat(GIVEN.length - 1),
        fc.nat(PATRONYMIC.length - 1),
        fc.boolean(),
        fc.boolean(),
        fc.nat(FAMILY.length - 1),
        (f, g, p, givenFirst, withPatronymic, other) => {
          const family = FAMILY[f] as string;
          const given = GIVEN[g] as string;
          const patronymic = PATRONYMIC[p] as string;
          const words = [transliterateUk(family), transliterateUk(given)];
          if (givenFirst) words.reverse();
          if (withPatronymic) words.splice(givenFirst ? 1 : 2, 0, transliterateUk(patronymic));
          const latin = full(words.join(' '));
          const cyr = parts(family, given, patronymic);
          expect(levels(latin, cyr)).toEqual([
            'agree',
            'agree',
            withPatronymic ? 'agree' : 'missing',
          ]);
          expect(levels(cyr, latin)).toEqual([
            'agree',
            'agree',
            withPatronymic ? 'agree' : 'missing',
          ]);
          const someoneElse = FAMILY[other] as string;
          const far = editDistance(personNameKey(someoneElse), personNameKey(family)) > 2;
          if (far)
            expect(compareNameParts(latin, parts(someoneElse, given)).family.level).toBe(
              'disagree',
            );
        },
      ),
      { seed: 18, numRuns: 300 },
    );
  });
});
