import { describe, expect, it } from 'vitest';
import { contentRecordId, isContentId } from './content-id.js';

const rec = (
  names: Partial<Record<'family_name' | 'given_name' | 'patronymic' | 'full_name', string>>,
  birth?: string,
) => ({
  family_name: names.family_name ?? null,
  given_name: names.given_name ?? null,
  patronymic: names.patronymic ?? null,
  full_name: names.full_name ?? null,
  birth_date: birth ? { text: birth } : null,
});

describe('a record known by its content', () => {
  const id = contentRecordId(rec({ full_name: "Тестенко Дем'ян Петрович" }, '1985-03-12'));

  it('is the same for the same person however the sheet writes the name', () => {
    for (const other of [
      rec({ full_name: 'Демʼян Петрович Тестенко' }, '1985-03-12'),
      rec({ family_name: 'ТЕСТЕНКО', given_name: 'Дем’ян', patronymic: 'Петрович' }, '1985-03-12'),
      // A Latin "e" and "o" typed among the Cyrillic letters.
      rec({ full_name: "Tестенкo  Дем'ян,  Петрович" }, '1985-03-12'),
    ])
      expect(contentRecordId(other)).toBe(id);
  });

  it('differs for another birth date, another name or a name alone', () => {
    expect(contentRecordId(rec({ full_name: "Тестенко Дем'ян Петрович" }, '1985-03'))).not.toBe(id);
    expect(contentRecordId(rec({ full_name: 'Тестенко Іван Петрович' }, '1985-03-12'))).not.toBe(
      id,
    );
    expect(contentRecordId(rec({ full_name: "Тестенко Дем'ян Петрович" }))).not.toBe(id);
  });

  it('is marked as worked out, not given by the file', () => {
    expect(isContentId(id)).toBe(true);
    expect(isContentId('17')).toBe(false);
  });
});
