/**
 * log Γ(x) for x > 0 by the Lanczos approximation (g = 7, 9 coefficients), relative error
 * about 1e-15. Written here rather than taken from a package because the engine has no
 * dependencies; it feeds the log(y!) terms of the AIC and the Cormack correction of the
 * profile interval, where R uses lgamma.
 */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) {
    // Reflection keeps the series in the range where it is accurate.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  if (x === 1 || x === 2) return 0;
  const z = x - 1;
  let a = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** log(y!) for a count y ≥ 0; exact sums for small y avoid the approximation where it is cheap. */
const SMALL = 256;
const smallTable = (() => {
  const t = new Float64Array(SMALL);
  for (let i = 2; i < SMALL; i++) t[i] = (t[i - 1] ?? 0) + Math.log(i);
  return t;
})();

export function logFactorial(y: number): number {
  if (Number.isInteger(y) && y >= 0 && y < SMALL) return smallTable[y] ?? 0;
  return logGamma(y + 1);
}
