/**
 * Brent's one-dimensional minimiser and root finder (Brent 1973, "Algorithms for
 * Minimization without Derivatives", ch. 4 and 5), the same algorithms as R's `optimize`
 * and `uniroot`, which Rcapture's closedpCI uses for the profile-likelihood interval.
 * Reproducing the reference intervals depends on searching the same brackets the same way.
 */

const SQRT_EPS = Math.sqrt(Number.EPSILON);
const GOLDEN = (3 - Math.sqrt(5)) / 2;

export interface ScalarOptimum {
  x: number;
  value: number;
}

/** Maximises f on [lower, upper]; `tol` is the absolute tolerance on x. */
export function brentMaximize(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol: number,
): ScalarOptimum {
  // Minimise −f; a NaN (a failed evaluation) is treated as the worst value.
  const g = (x: number): number => {
    const v = -f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  let a = lower;
  let b = upper;
  let v = a + GOLDEN * (b - a);
  let w = v;
  let x = v;
  let d = 0;
  let e = 0;
  let fx = g(x);
  let fv = fx;
  let fw = fx;
  for (let iter = 0; iter < 500; iter++) {
    const xm = (a + b) / 2;
    const tol1 = SQRT_EPS * Math.abs(x) + tol / 3;
    const tol2 = 2 * tol1;
    if (Math.abs(x - xm) <= tol2 - (b - a) / 2) break;
    let p = 0;
    let q = 0;
    let r = 0;
    if (Math.abs(e) > tol1) {
      r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
    }
    if (Math.abs(p) >= Math.abs(0.5 * q * r) || p <= q * (a - x) || p >= q * (b - x)) {
      e = x < xm ? b - x : a - x;
      d = GOLDEN * e;
    } else {
      d = p / q;
      const u = x + d;
      if (u - a < tol2 || b - u < tol2) d = x < xm ? tol1 : -tol1;
    }
    const u = Math.abs(d) >= tol1 ? x + d : d > 0 ? x + tol1 : x - tol1;
    const fu = g(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, value: -fx };
}

/**
 * A root of f in [a, b] given f(a) and f(b) of opposite signs; null when they are not (R's
 * uniroot fails there, and closedpCI then falls back to a bound).
 */
export function brentRoot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol: number,
  fLower = f(lower),
  fUpper = f(upper),
): number | null {
  let a = lower;
  let b = upper;
  let fa = fLower;
  let fb = fUpper;
  if (Number.isNaN(fa) || Number.isNaN(fb)) return null;
  if (fa === 0) return a;
  if (fb === 0) return b;
  if ((fa > 0 && fb > 0) || (fa < 0 && fb < 0)) return null;
  let c = a;
  let fc = fa;
  for (let iter = 0; iter < 1000; iter++) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      const cb = c - b;
      let p: number;
      let q: number;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qa = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
        q = (qa - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) {
        newStep = p / q;
      }
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if (Number.isNaN(fb)) return null;
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}
