import { describe, expect, it } from 'vitest';
import { cormackCorrection } from './profile-interval.js';

describe('Cormack correction', () => {
  it('is log[n0^n0 N! / (N^N n0!)] for N ≤ 100', () => {
    const fact = (x: number): number => (x <= 1 ? 1 : x * fact(x - 1));
    expect(cormackCorrection(7, 40)).toBeCloseTo(
      Math.log((7 ** 7 * fact(40)) / (40 ** 40 * fact(7))),
      9,
    );
    expect(cormackCorrection(0, 40)).toBeCloseTo(Math.log(fact(40) / 40 ** 40), 9);
  });

  it('switches to Stirling’s form above 100 as closedpCI does', () => {
    expect(cormackCorrection(30, 1000)).toBeCloseTo(30 - 1000 - 0.5 * Math.log(30 / 1000), 12);
    expect(cormackCorrection(1, 1000)).toBeCloseTo(-1000 + 0.5 * Math.log(2 * Math.PI * 1000), 12);
  });
});
