import { describe, expect, it } from 'vitest';
import { detectScript, guessCyrillicLanguage } from './detect-script.js';

describe('detectScript', () => {
  it('tells Cyrillic, Latin and mixed text apart', () => {
    expect(detectScript('СІЗО №2 Таганрог')).toBe('cyrillic');
    expect(detectScript('SIZO-2 Taganrog')).toBe('latin');
    // A Latin C typed into СИЗО.
    expect(detectScript('CИЗО-2')).toBe('mixed');
  });

  it('says none for text without letters and other for other alphabets', () => {
    expect(detectScript('№ 2 — 14.08.2025')).toBe('none');
    expect(detectScript('תל אביב')).toBe('other');
  });
});

describe('guessCyrillicLanguage', () => {
  it('recognises letters only Ukrainian or only Russian has', () => {
    expect(guessCyrillicLanguage('Оленівка')).toBe('uk');
    expect(guessCyrillicLanguage('Новозыбков')).toBe('ru');
    expect(guessCyrillicLanguage('Херсон')).toBe('unknown');
  });
});
