import { describe, expect, it } from 'vitest';
import { guessCounterpartSpellings } from './guess-counterpart-spelling.js';

describe('guessCounterpartSpellings', () => {
  it('guesses Russian spellings of Ukrainian names by the regular correspondences', () => {
    expect(guessCounterpartSpellings('Камишин', 'uk')).toContain('Камышин');
    expect(guessCounterpartSpellings('Курськ', 'uk')).toContain('Курск');
    expect(guessCounterpartSpellings('Гракове', 'uk')).toContain('Граково');
    // The name itself, as likely a Russian spelling as the guess, is not repeated.
    expect(guessCounterpartSpellings('Чаплинка', 'uk')).toEqual(['Чаплынка']);
    expect(guessCounterpartSpellings('Докучаєвськ', 'uk')).toContain('Докучаевск');
  });

  it('guesses Ukrainian spellings of Russian names', () => {
    expect(guessCounterpartSpellings('Новозыбков', 'ru')).toEqual(['Новозибків']);
    expect(guessCounterpartSpellings('Брянск', 'ru')).toEqual(['Брянськ']);
    expect(guessCounterpartSpellings('Шевченково', 'ru')).toEqual(['Шевченкове']);
  });

  it('cannot know irregular pairs: those are in the town table', () => {
    expect(guessCounterpartSpellings('Таганріг', 'uk')).not.toContain('Таганрог');
  });
});
