import { describe, expect, it } from 'vitest';
import { aliasLanguage } from './alias-language.js';

describe('aliasLanguage', () => {
  it('tells Ukrainian from Russian by their letters', () => {
    expect(aliasLanguage('Таганрозьке СІЗО №2')).toBe('uk');
    expect(aliasLanguage('Следственный изолятор № 2, Таганрог')).toBe('ru');
    expect(aliasLanguage('SIZO-2 Taganrog')).toBe('latn');
  });

  it('says only "Cyrillic" when no letter shows which language', () => {
    expect(aliasLanguage('СИЗО-2 (Таганрог)')).toBe('cyrl');
  });
});
