import { describe, expect, it } from 'vitest';
import { fixHomoglyphs } from './fix-homoglyphs.js';

describe('fixHomoglyphs', () => {
  it('puts Latin look-alikes in a Cyrillic word back into Cyrillic', () => {
    expect(fixHomoglyphs('CИЗО-2 Таганрог')).toBe('СИЗО-2 Таганрог');
    expect(fixHomoglyphs('ФKУ СИЗО')).toBe('ФКУ СИЗО');
  });

  it('puts Cyrillic look-alikes in a Latin word back into Latin', () => {
    expect(fixHomoglyphs('SIZО-1 Kursk')).toBe('SIZO-1 Kursk');
  });

  it('decides words made only of look-alikes by the rest of the text', () => {
    // "ІК" with a Latin I, in a Ukrainian sentence.
    expect(fixHomoglyphs('IК-10 у Мордовії')).toBe('ІК-10 у Мордовії');
    expect(fixHomoglyphs('IК-10 in Mordovia')).toBe('IK-10 in Mordovia');
  });

  it('leaves single-script text alone', () => {
    expect(fixHomoglyphs('Оленівка')).toBe('Оленівка');
    expect(fixHomoglyphs('Olenivka')).toBe('Olenivka');
  });
});
