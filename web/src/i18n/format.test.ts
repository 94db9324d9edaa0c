import { describe, expect, it } from 'vitest';
import { formatCount } from './format.js';
import './i18n.js';

describe('formatCount', () => {
  it('writes each kind of protected count as the reader should take it', () => {
    expect(formatCount({ value: null, suppressed: true, below: 5 }, 'en')).toBe('<5');
    expect(formatCount({ value: 1235, suppressed: false, roundedTo: 5 }, 'en')).toBe('≈1,235');
    expect(formatCount({ value: 0, suppressed: false }, 'en')).toBe('0');
    expect(formatCount({ value: null, suppressed: true, below: null }, 'en')).toBe('not shown');
    expect(formatCount({ value: null, suppressed: true, below: null }, 'uk')).toBe('не показано');
  });
});
