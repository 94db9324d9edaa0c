import { brentMaximize, brentRoot } from './brent.js';
import type { LogLinearFitter } from './log-linear-fit.js';
import { logGamma } from './log-gamma.js';

/**
 * The 95% profile-likelihood interval for N of Rcapture's closedpCI.t (Baillargeon & Rivest
 * 2007, J. Stat. Softw. 19(5)), which the reference values in data/mse reproduce:
 *
 * - for a candidate N, put n0 = N − n people in the unobserved history and fit the same
 *   log-linear model to all 2^k cells (Poisson, the unobserved row has only the intercept);
 * - the multinomial profile log-likelihood is −deviance/2 + ct, with ct the correction of
 *   Cormack (1992) that turns the Poisson likelihood into the multinomial one
 *   (log[n0^n0 N! / (N^N n0!)], by Stirling's formula once N > 100);
 * - maximise it over (n, 3·N̂), N̂ the Poisson estimate, and take the two points where it
 *   falls by qchisq(0.95, 1)/2 — below the maximum in (n, N_max), above it in (N_max, 3·N̂).
 *
 * As in closedpCI, a lower limit that does not exist above n is n itself (no one can be
 * fewer than those seen) and an upper limit beyond 3·N̂ is not reported (null).
 *
 * This is not the interval from profiling the Poisson deviance over the intercept alone
 * (which the reference files also list, as `ci95_poisson_intercept_profile`); the two differ
 * by a few percent on small tables.
 */

/** qchisq(0.95, 1). */
const CHI2_1_95 = 3.841458820694124;
/** closedpCI's fmaxSupCL: the search for the upper limit stops at this multiple of N̂. */
export const UPPER_SEARCH_FACTOR = 3;

export interface ProfileInterval {
  lower: number | null;
  upper: number | null;
  /** The maximiser of the multinomial profile likelihood (closedpCI's "abundance"). */
  nProfileMax: number | null;
  /** True when the upper limit lies beyond UPPER_SEARCH_FACTOR × N̂. */
  upperBeyondSearch: boolean;
}

/** Cormack's (1992) correction exactly as closedpCI computes it. */
export function cormackCorrection(n0: number, total: number): number {
  if (total > 100) {
    if (n0 === 0 || n0 === 1) return -total + 0.5 * Math.log(2 * Math.PI * total);
    return n0 - total - 0.5 * Math.log(n0 / total);
  }
  const n0LogN0 = n0 > 0 ? n0 * Math.log(n0) : 0;
  return n0LogN0 + logGamma(total + 1) - total * Math.log(total) - logGamma(n0 + 1);
}

export function profileInterval(
  fitter: LogLinearFitter,
  terms: Int32Array,
  mleBeta: Float64Array,
  nPoisson: number,
): ProfileInterval {
  const n = fitter.nObserved;
  // Warm starts from the MLE (and then from the previous point) keep each fit to a few steps.
  const start = Float64Array.from(mleBeta);
  const logLik = (bigN: number): number => {
    const n0 = bigN - n;
    const fit = fitter.fit(terms, { unobservedCount: n0, start });
    if (fit.status !== 'ok') return Number.NaN;
    start.set(fit.beta);
    return -fit.deviance / 2 + cormackCorrection(n0, bigN);
  };

  // Tolerances far tighter than closedpCI's 1e-4 cost little and make the result stable.
  const xTol = 1e-7 * nPoisson;
  const hiSearch = UPPER_SEARCH_FACTOR * nPoisson;
  const max = brentMaximize(logLik, n, hiSearch, xTol);
  if (!Number.isFinite(max.value)) {
    return { lower: null, upper: null, nProfileMax: null, upperBeyondSearch: false };
  }
  const cut = max.value - CHI2_1_95 / 2;
  const f = (bigN: number): number => logLik(bigN) - cut;
  const fMax = max.value - cut;
  const lower = brentRoot(f, n, max.x, xTol, f(n), fMax) ?? n;
  const fHi = f(hiSearch);
  const upper = brentRoot(f, max.x, hiSearch, xTol, fMax, fHi);
  return {
    lower,
    upper,
    nProfileMax: max.x,
    upperBeyondSearch: upper === null && fHi > 0,
  };
}
