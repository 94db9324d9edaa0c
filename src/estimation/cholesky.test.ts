import { describe, expect, it } from 'vitest';
import { choleskyInPlace, choleskyInverseFirstDiagonal, choleskySolveInPlace } from './cholesky.js';

describe('Cholesky', () => {
  // A = B Bᵀ + I for a fixed B: symmetric positive definite.
  const p = 4;
  const B = [
    [2, 1, 0, 3],
    [1, 4, 1, 0],
    [0, 2, 5, 1],
    [1, 0, 1, 2],
  ];
  const A = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = i === j ? 1 : 0;
      for (let m = 0; m < p; m++) s += (B[i]?.[m] ?? 0) * (B[j]?.[m] ?? 0);
      A[i * p + j] = s;
    }

  it('solves A x = b', () => {
    const L = Float64Array.from(A);
    expect(choleskyInPlace(L, p)).toBe(true);
    const b = Float64Array.from([1, -2, 3, 0.5]);
    const x = Float64Array.from(b);
    choleskySolveInPlace(L, p, x);
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += (A[i * p + j] ?? 0) * (x[j] ?? 0);
      expect(s).toBeCloseTo(b[i] ?? NaN, 10);
    }
  });

  it('gives the first diagonal entry of the inverse', () => {
    const L = Float64Array.from(A);
    choleskyInPlace(L, p);
    const e0 = Float64Array.from([1, 0, 0, 0]);
    choleskySolveInPlace(L, p, e0);
    expect(choleskyInverseFirstDiagonal(L, p, new Float64Array(p))).toBeCloseTo(e0[0] ?? NaN, 12);
  });

  it('reports a singular matrix', () => {
    const S = Float64Array.from([1, 2, 2, 4]);
    expect(choleskyInPlace(S, 2)).toBe(false);
  });
});
