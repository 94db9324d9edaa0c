import { describe, expect, it } from 'vitest';
import {
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  areGivenNamesEquivalent,
  lookupGivenName,
} from './index.js';

describe('given-name equivalents', () => {
  it.each([
    ['Олександр', 'Александр', 'Oleksandr', 'Aleksandr', 'Alexander'],
    ['Сергій', 'Сергей', 'Serhii', 'Sergei', 'Sergey'],
    ['Юрій', 'Юрий', 'Yurii', 'Yuri', 'Yuriy'],
    ['Микола', 'Николай', 'Mykola', 'Nikolai', 'Nikolay'],
    ['Олена', 'Елена', 'Olena', 'Elena', 'Yelena'],
  ])('finds one name behind %s, %s, %s, %s and %s', (...forms) => {
    const ids = forms.map((f) => lookupGivenName(f)?.id);
    expect(ids[0]).toBeDefined();
    expect(new Set(ids).size).toBe(1);
  });

  it('keeps different names apart even when they look alike', () => {
    expect(areGivenNamesEquivalent('Олександр', 'Олексій')).toBe(false);
    expect(areGivenNamesEquivalent('Aleksandr', 'Aleksei')).toBe(false);
    expect(areGivenNamesEquivalent('Іван', 'Іванна')).toBe(false);
  });

  it('recognises a name with one typo when only one name is that close', () => {
    expect(lookupGivenName('Олесандр')?.id).toBe('олександр');
    expect(lookupGivenName('Sergiej')?.id).toBe('сергій');
  });

  it('refuses typo matching when asked to', () => {
    expect(lookupGivenName('Олесандр', { typos: false })).toBeUndefined();
  });

  it('knows at least 150 male and 60 female names', () => {
    expect(MALE_GIVEN_NAMES.length).toBeGreaterThanOrEqual(150);
    expect(FEMALE_GIVEN_NAMES.length).toBeGreaterThanOrEqual(60);
  });

  it('gives every name its own key so no spelling is shadowed by another name', () => {
    // Each canonical Ukrainian spelling must resolve to itself.
    for (const line of [...MALE_GIVEN_NAMES, ...FEMALE_GIVEN_NAMES]) {
      const id = line.split('|')[0]?.split(',')[0] ?? '';
      expect(lookupGivenName(id, { typos: false })?.id).toBe(id);
    }
  });
});
