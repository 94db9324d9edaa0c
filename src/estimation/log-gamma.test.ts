import { describe, expect, it } from 'vitest';
import { logFactorial, logGamma } from './log-gamma.js';

describe('logGamma', () => {
  it('matches known values', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
    let sum = 0;
    for (let i = 2; i <= 300; i++) sum += Math.log(i);
    expect(logFactorial(300) / sum).toBeCloseTo(1, 14);
  });
});
