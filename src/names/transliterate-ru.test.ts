import { describe, expect, it } from 'vitest';
import { transliterateRu } from './transliterate-ru.js';

describe('transliterateRu, BGN/PCGN', () => {
  it('writes ye for е and yë for ё at the start of a syllable', () => {
    expect(transliterateRu('Еленовка')).toBe('Yelenovka');
    expect(transliterateRu('Макеевка')).toBe('Makeyevka');
    expect(transliterateRu('Ёлкино')).toBe('Yëlkino');
    expect(transliterateRu('Воробьёв')).toBe('Vorobʹyëv');
  });

  it('marks the soft and hard signs and keeps hyphens', () => {
    expect(transliterateRu('Вязьма')).toBe('Vyazʹma');
    expect(transliterateRu('Подъячев')).toBe('Podʺyachev');
    expect(transliterateRu('Каменск-Шахтинский')).toBe('Kamensk-Shakhtinskiy');
    expect(transliterateRu('Ростов-на-Дону')).toBe('Rostov-na-Donu');
  });

  it('romanises the gazetteer towns as English maps do', () => {
    expect(transliterateRu('Новозыбков')).toBe('Novozybkov');
    expect(transliterateRu('Таганрог')).toBe('Taganrog');
    expect(transliterateRu('Щёлково')).toBe('Shchëlkovo');
  });
});

describe('transliterateRu, ICAO 9303 (passports)', () => {
  it('uses the passport letters', () => {
    expect(transliterateRu('Юлия', 'icao')).toBe('Iuliia');
    expect(transliterateRu('Сергей', 'icao')).toBe('Sergei');
    expect(transliterateRu('Фёдор', 'icao')).toBe('Fedor');
    expect(transliterateRu('Подъячев', 'icao')).toBe('Podieiachev');
    expect(transliterateRu('Вязьма', 'icao')).toBe('Viazma');
    expect(transliterateRu('ЩУКИН', 'icao')).toBe('SHCHUKIN');
  });
});
