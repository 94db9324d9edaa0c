import { describe, expect, it } from 'vitest';
import { jaroWinkler } from './jaro-winkler.js';

// Reference values from Winkler (1990) as tabulated in the Wikipedia article on
// Jaro–Winkler distance; tolerance 0.001.
describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
  ])('scores %s / %s as %f', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it('gives 1 for equal strings and 0 for nothing in common', () => {
    expect(jaroWinkler('kovalenko', 'kovalenko')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });
});
