import { describe, expect, it } from 'vitest';
import {
  patronymicFather,
  patronymicSex,
  patronymicStem,
  russianPatronymic,
  ukrainianPatronymic,
} from './index.js';

describe('patronymics', () => {
  it.each([
    ['Петрович', 'Petrovych', 'Petrovich', 'Петрівна', 'Петровна', 'petro'],
    ['Сергійович', 'Сергеевич', 'Serhiiovych', 'Sergeyevich', 'Сергеевна', 'сергій'],
    ['Юрійович', 'Юрьевич', 'Yuriiovych', 'Yurievich', 'Юріївна', 'юрій'],
    ['Миколайович', 'Николаевич', 'Mykolaiovych', 'Nikolayevich', 'Николаевна', 'микола'],
  ])('traces %s, %s, %s, %s and %s to one father', (...args) => {
    const forms = args.slice(0, 5);
    const fathers = new Set(forms.map((f) => patronymicFather(f)?.id));
    expect(fathers.size).toBe(1);
    expect([...fathers][0]).toBeDefined();
  });

  it('reduces Петрович, Petrovych and Petrovich to the same stem', () => {
    expect(patronymicStem('Петрович')).toBe(patronymicStem('Petrovych'));
    expect(patronymicStem('Petrovych')).toBe(patronymicStem('Petrovich'));
  });

  it('forms Ukrainian and Russian patronymics from a given name', () => {
    expect(ukrainianPatronymic('петро', 'm')).toBe('петрович');
    expect(ukrainianPatronymic('сергій', 'f')).toBe('сергіївна');
    expect(ukrainianPatronymic('микола', 'm')).toBe('миколайович');
    expect(russianPatronymic('сергей', 'm')).toBe('сергеевич');
    expect(russianPatronymic('юрий', 'f')).toBe('юрьевна');
    expect(russianPatronymic('илья', 'm')).toBe('ильич');
  });

  it('every generated patronymic leads back to its father', () => {
    for (const father of ['олександр', 'андрій', 'василь', 'ілля', 'федір', 'ігор']) {
      expect(patronymicFather(ukrainianPatronymic(father, 'm'))?.id).toBe(father);
      expect(patronymicFather(ukrainianPatronymic(father, 'f'))?.id).toBe(father);
    }
  });

  it('tells a daughter’s patronymic from a son’s', () => {
    expect(patronymicSex('Петрівна')).toBe('f');
    expect(patronymicSex('Petrovich')).toBe('m');
    expect(patronymicSex('Коваленко')).toBeUndefined();
  });
});
