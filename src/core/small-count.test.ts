import { describe, expect, it } from 'vitest';
import { formatPublicCount, publicCount } from './small-count.js';

describe('publicCount', () => {
  it('hides counts from 1 to the threshold minus one', () => {
    expect(publicCount(1, 5)).toEqual({ value: null, suppressed: true, below: 5 });
    expect(publicCount(4, 5)).toEqual({ value: null, suppressed: true, below: 5 });
    expect(formatPublicCount(publicCount(3, 5))).toBe('<5');
  });
  it('shows zero and counts at or above the threshold', () => {
    expect(publicCount(0, 5)).toEqual({ value: 0, suppressed: false });
    expect(publicCount(5, 5)).toEqual({ value: 5, suppressed: false });
    expect(formatPublicCount(publicCount(1234, 5), (n) => n.toLocaleString('en-GB'))).toBe('1,234');
  });
  it('writes a rounded count with "≈" and a withheld one as "not shown"', () => {
    expect(formatPublicCount({ value: 190, suppressed: false, roundedTo: 5 })).toBe('≈190');
    expect(formatPublicCount({ value: null, suppressed: true, below: null })).toBe('not shown');
  });
  it('rejects a count that is not a whole number', () => {
    expect(() => publicCount(2.5, 5)).toThrow(/whole number/);
  });
});
