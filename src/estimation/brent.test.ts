import { describe, expect, it } from 'vitest';
import { brentMaximize, brentRoot } from './brent.js';

describe('Brent', () => {
  it('finds a maximum and a root', () => {
    expect(brentMaximize((x) => -((x - 2) ** 2), 0, 10, 1e-9).x).toBeCloseTo(2, 6);
    expect(brentRoot((x) => x * x - 2, 0, 2, 1e-12)).toBeCloseTo(Math.SQRT2, 10);
  });

  it('returns null without a sign change, as R’s uniroot fails', () => {
    expect(brentRoot((x) => x * x + 1, -1, 1, 1e-9)).toBeNull();
  });
});
