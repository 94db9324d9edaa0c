import { describe, expect, it } from 'vitest';
import { createRecordPreparer, unitKey } from './prepare-link-record.js';

describe('preparing records for linkage', () => {
  const prepare = createRecordPreparer();

  it('gives the Ukrainian, Russian, ICRC and press spellings of one man the same keys', () => {
    const forms = [
      { family_name: 'Коваленко', given_name: 'Олександр', patronymic: 'Петрович' },
      { full_name: 'Коваленко Александр Петрович' },
      { family_name: 'KOVALENKO', given_name: 'Oleksandr' },
      { full_name: 'Aleksandr Kovalenko' },
      { full_name: 'Alexander Kovalenko' },
    ].map((f, i) => prepare({ record_id: String(i), source: 's', ...f }).record);
    expect(new Set(forms.map((r) => r.family?.key)).size).toBe(1);
    expect(new Set(forms.map((r) => r.given?.equivalence)).size).toBe(1);
    expect(forms[0]?.patronymic?.equivalence).toBe(forms[1]?.patronymic?.equivalence);
  });

  it('puts swapped family and given names back', () => {
    const p = prepare({ record_id: '1', source: 's', family_name: 'Сергій', given_name: 'Білик' });
    expect(p.swappedNames).toBe(true);
    expect(p.record.given?.equivalence).toBe('g:сергій');
  });

  it('reads every date form and ignores one it cannot read', () => {
    const date = (birth_date: string) =>
      prepare({ record_id: '1', source: 's', birth_date }).record.birth;
    expect(date('12.03.1985')).toEqual({ year: 1985, month: 3, day: 12 });
    expect(date('1985-03-12')).toEqual({ year: 1985, month: 3, day: 12 });
    expect(date('1985-03')).toEqual({ year: 1985, month: 3, day: undefined });
    expect(date('1985')).toEqual({ year: 1985, month: undefined, day: undefined });
    const bad = prepare({ record_id: '1', source: 's', birth_date: '31.02.1985' });
    expect(bad.invalidDate).toBe(true);
    expect(bad.record.birth).toBeUndefined();
  });

  it('keys a unit by its number whatever the language', () => {
    expect(unitKey('36 ОБрМП')).toBe('36');
    expect(unitKey('36-я ОБрМП')).toBe('36');
    expect(unitKey('36th Marine Brigade')).toBe('36');
  });
});
