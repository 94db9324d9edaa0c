import { describe, expect, it } from 'vitest';
import { cyrillicLetters } from './cyrillic-letters.js';

const UKRAINIAN = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя';
const RUSSIAN = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';

describe('the table of Cyrillic letters', () => {
  it.each(['uk', 'ukStart', 'uk1996', 'ruBgn', 'ruIcao', 'key'] as const)(
    'writes every letter of both alphabets in %s, in Latin letters only',
    (column) => {
      const table = cyrillicLetters(column);
      for (const letter of new Set([...UKRAINIAN, ...RUSSIAN])) {
        expect(table[letter], `${column} ${letter}`).toBeDefined();
        expect(table[letter], `${column} ${letter}`).not.toMatch(/\p{Script=Cyrillic}/u);
      }
    },
  );

  it('keeps the spellings that tell the systems apart', () => {
    expect(cyrillicLetters('uk')['г']).toBe('h');
    expect(cyrillicLetters('ruBgn')['г']).toBe('g');
    expect(cyrillicLetters('ukStart')['ю']).toBe('yu');
    expect(cyrillicLetters('uk')['ю']).toBe('iu');
    expect(cyrillicLetters('ruIcao')['ъ']).toBe('ie');
  });
});
