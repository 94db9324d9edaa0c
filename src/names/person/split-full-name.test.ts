import { describe, expect, it } from 'vitest';
import { splitFullName } from './index.js';

describe('splitFullName', () => {
  it.each([
    ['Коваленко Олександр Петрович', 'Коваленко', 'Олександр', 'Петрович'],
    ['Олександр Петрович Коваленко', 'Коваленко', 'Олександр', 'Петрович'],
    ['Коваленко Александр Петрович', 'Коваленко', 'Александр', 'Петрович'],
    ['Aleksandr Kovalenko', 'Kovalenko', 'Aleksandr', ''],
    ['Kovalenko Oleksandr', 'Kovalenko', 'Oleksandr', ''],
    ['KOVALENKO Oleksandr Petrovych', 'KOVALENKO', 'Oleksandr', 'Petrovych'],
    ['О. П. Коваленко', 'Коваленко', '', ''],
  ])('splits %s', (text, family, given, patronymic) => {
    expect(splitFullName(text)).toEqual({ family, given, patronymic });
  });

  it('reads a name with two given-name words in the habit of its script', () => {
    expect(splitFullName('Роман Іван').given).toBe('Іван');
    expect(splitFullName('Ivan Roman').given).toBe('Ivan');
  });

  it('finds the given name through a typo, and the surname by its ending', () => {
    // A letter missing or two swapped in the given name of a free-text full name.
    expect(splitFullName('СРГЕЙ КОВАЛЕНКО')).toEqual({
      family: 'КОВАЛЕНКО',
      given: 'СРГЕЙ',
      patronymic: '',
    });
    expect(splitFullName('Федро Полищук').given).toBe('Федро');
    expect(splitFullName('ТЕТЯАН ЦАПАР').given).toBe('ТЕТЯАН');
    // Neither word known even with a typo: the one with a surname's ending is the surname.
    expect(splitFullName('Олг Семенюк').family).toBe('Семенюк');
  });

  it('finds a patronymic with two letters swapped', () => {
    expect(splitFullName('Микола Юрійоивч Юрченко')).toEqual({
      family: 'Юрченко',
      given: 'Микола',
      patronymic: 'Юрійоивч',
    });
  });
});
