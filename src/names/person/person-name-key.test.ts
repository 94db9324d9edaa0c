import { describe, expect, it } from 'vitest';
import {
  latinRenderings,
  personNameKey,
  phoneticKey,
  russianSpellingOfUkrainian,
} from './index.js';

describe('surname keys', () => {
  it('gives Білик, Билык, Билик and Bilyk one spelling key', () => {
    const keys = new Set(['Білик', 'Билык', 'Билик', 'Bilyk', 'BILYK'].map(personNameKey));
    expect(keys.size).toBe(1);
  });

  it('gives Ковальов, Ковалёв, Kovalev and Kovalyov one phonetic key but not one spelling key', () => {
    const forms = ['Ковальов', 'Ковалёв', 'Kovalev', 'Kovalyov'];
    expect(new Set(forms.map((f) => phoneticKey(personNameKey(f)))).size).toBe(1);
    expect(new Set(forms.map(personNameKey)).size).toBeGreaterThan(1);
  });

  it('keeps Коваленко and Ковальчук apart', () => {
    expect(phoneticKey(personNameKey('Коваленко'))).not.toBe(
      phoneticKey(personNameKey('Ковальчук')),
    );
  });

  it('matches Гончаренко with Honcharenko and Goncharenko', () => {
    const keys = new Set(['Гончаренко', 'Honcharenko', 'Goncharenko'].map(personNameKey));
    expect(keys.size).toBe(1);
  });
});

describe('Latin renderings', () => {
  it('writes Сергій as the 2010 standard, old passports and Russian systems do', () => {
    expect(latinRenderings('Сергій')).toEqual({
      ukNational: 'Serhii',
      ukLegacyPassport: 'Serhiy',
      ruBgn: 'Sergiy',
      ruIcao: 'Sergii',
    });
  });

  it('spells a Ukrainian surname the Russian way letter by letter', () => {
    expect(russianSpellingOfUkrainian('Білик')).toBe('Билык');
    expect(russianSpellingOfUkrainian('Ґонта')).toBe('Гонта');
  });
});
