import { choleskyInPlace, choleskyInverseFirstDiagonal, choleskySolveInPlace } from './cholesky.js';
import { logFactorial } from './log-gamma.js';

/**
 * Poisson log-linear fits by Newton's method (for the canonical log link this is IRLS, as
 * in R's glm) on the 2^k − 1 observable histories, with 0/1 indicator coding and the
 * intercept = log expected count of the unobserved history (Rcapture's conventions).
 *
 * Speed matters because a six-list search fits 32,768 models. With 0/1 coding the design
 * is never built: the column of term T is 1 on the cells that contain T, so
 *   linear predictor η(c) = Σ_{T ⊆ c} β_T          (a subset-sum transform),
 *   information H[i][j]  = Σ_{c ⊇ Tᵢ ∪ Tⱼ} μ(c)     (a superset-sum transform),
 *   score g[i]           = Σ_{c ⊇ Tᵢ} (y(c) − μ(c)),
 * each transform costing k·2^(k−1) additions. All buffers are allocated once per fitter.
 */

/**
 * How a model's fit ended: `ok` converged to the maximum-likelihood estimate; `zero_margin`, a
 * term's observed margin is zero, so its coefficient would be −∞ and the MLE does not exist;
 * `diverged`, coefficients run off to ±∞ (the data sit on the boundary); `not_converged`, no
 * convergence within the iteration limit, though estimates stay bounded; `not_identifiable`,
 * more parameters than observable histories, or a singular information matrix.
 */
export const FIT_STATUSES = [
  'ok',
  'zero_margin',
  'diverged',
  'not_converged',
  'not_identifiable',
] as const;
export type FitStatus = (typeof FIT_STATUSES)[number];

export interface LogLinearFit {
  status: FitStatus;
  /** Coefficients in the order of the model's terms (a view into a reused buffer: copy to keep). */
  beta: Float64Array;
  deviance: number;
  /**
   * Poisson log-likelihood of the observed cells including the −log(y!) terms, as R's glm
   * uses for its AIC (the unobserved cell of a profile fit is left out).
   */
  logLik: number;
  /** (X'WX)⁻¹ for the intercept, Rcapture's Var(b0). */
  varIntercept: number;
  iterations: number;
  /** Masks of the terms whose margin is zero (status 'zero_margin'). */
  zeroMarginTerms: number[];
}

export interface FitOptions {
  /**
   * Count placed in the unobserved cell (history 0…0), fitted as an ordinary cell: the
   * profile likelihood of closedpCI. Undefined for the usual fit that leaves the cell out.
   */
  unobservedCount?: number;
  /** Starting coefficients (e.g. the MLE of the same model), otherwise glm's start. */
  start?: Float64Array;
  maxIterations?: number;
}

/** |β| beyond this is a fitted count below e^-40 of the others: the estimate is diverging. */
const DIVERGENCE_BOUND = 40;
/** Converged once a Newton step moves no coefficient by more than this (log scale). */
const STEP_TOLERANCE = 1e-7;
const DEFAULT_MAX_ITERATIONS = 100;

export class LogLinearFitter {
  readonly k: number;
  readonly cells: number;
  readonly nObserved: number;
  private readonly y: Float64Array;
  private readonly logY: Float64Array;
  /** Observed margins Σ_{c ⊇ T, c ≠ 0} y(c) for every mask T. */
  readonly margins: Float64Array;
  private readonly logFactorialSum: number;
  private readonly eta: Float64Array;
  private readonly mu: Float64Array;
  private readonly sums: Float64Array;
  private readonly hessian: Float64Array;
  private readonly grad: Float64Array;
  private readonly beta: Float64Array;
  private readonly trial: Float64Array;
  private readonly work: Float64Array;

  constructor(counts: Float64Array) {
    const cells = counts.length;
    const k = Math.round(Math.log2(cells));
    if (2 ** k !== cells) throw new RangeError('counts must have 2^k entries');
    this.k = k;
    this.cells = cells;
    this.y = Float64Array.from(counts);
    this.y[0] = 0;
    this.logY = new Float64Array(cells);
    let n = 0;
    let lf = 0;
    for (let c = 1; c < cells; c++) {
      const yc = this.y[c] ?? 0;
      n += yc;
      this.logY[c] = yc > 0 ? Math.log(yc) : 0;
      lf += logFactorial(yc);
    }
    this.nObserved = n;
    this.logFactorialSum = lf;
    this.margins = Float64Array.from(this.y);
    supersetSums(this.margins, k);
    this.eta = new Float64Array(cells);
    this.mu = new Float64Array(cells);
    this.sums = new Float64Array(cells);
    this.hessian = new Float64Array(cells * cells);
    this.grad = new Float64Array(cells);
    this.beta = new Float64Array(cells);
    this.trial = new Float64Array(cells);
    this.work = new Float64Array(cells);
  }

  /** Terms of the model whose observed margin is zero. */
  zeroMarginTerms(terms: Int32Array): number[] {
    const out: number[] = [];
    for (const t of terms) if (t !== 0 && (this.margins[t] ?? 0) === 0) out.push(t);
    return out;
  }

  fit(terms: Int32Array, options: FitOptions = {}): LogLinearFit {
    const p = terms.length;
    const withZero = options.unobservedCount !== undefined;
    const n0 = options.unobservedCount ?? 0;
    if (p > (withZero ? this.cells : this.cells - 1)) return this.failure('not_identifiable', p, 0);
    const zero = this.zeroMarginTerms(terms);
    if (zero.length > 0) return this.failure('zero_margin', p, 0, zero);

    const beta = this.beta;
    const trial = this.trial;
    const step = this.grad;
    this.y[0] = n0;
    this.logY[0] = n0 > 0 ? Math.log(n0) : 0;
    try {
      if (options.start) beta.set(options.start.subarray(0, p));
      else if (!this.glmStart(terms, withZero)) return this.failure('not_identifiable', p, 0);

      let dev = this.deviance(terms, beta, withZero);
      const maxIter = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
      for (let iter = 1; iter <= maxIter; iter++) {
        // η and μ are current for β (deviance() set them); build the Newton system from them.
        if (!this.newtonStep(terms, withZero, n0)) {
          // Full-rank designs only turn singular when fitted counts collapse towards zero.
          const status = this.fittedCountsCollapsing(withZero) ? 'diverged' : 'not_identifiable';
          return this.failure(status, p, iter);
        }
        let scale = 1;
        let newDev = Number.NaN;
        for (let halving = 0; halving < 40; halving++) {
          for (let j = 0; j < p; j++) trial[j] = (beta[j] ?? 0) + scale * (step[j] ?? 0);
          newDev = this.deviance(terms, trial, withZero);
          // The deviance is convex in β: a full Newton step only overshoots far from the optimum.
          if (newDev <= dev + 1e-9 * (Math.abs(dev) + 1)) break;
          scale /= 2;
        }
        if (!Number.isFinite(newDev)) return this.failure('diverged', p, iter);
        let maxStep = 0;
        let maxAbs = 0;
        for (let j = 0; j < p; j++) {
          const b = trial[j] ?? 0;
          maxStep = Math.max(maxStep, Math.abs(b - (beta[j] ?? 0)));
          maxAbs = Math.max(maxAbs, Math.abs(b));
          beta[j] = b;
        }
        // η and μ were last computed for the accepted trial, so they are current for β.
        dev = newDev;
        if (maxAbs > DIVERGENCE_BOUND) return this.failure('diverged', p, iter);
        if (maxStep < STEP_TOLERANCE) return this.finish(terms, dev, iter);
      }
      return this.failure('not_converged', p, maxIter);
    } finally {
      this.y[0] = 0;
      this.logY[0] = 0;
    }
  }

  /**
   * A hierarchical 0/1 design with fewer parameters than cells has full rank (its columns are
   * part of an invertible zeta matrix), so an information matrix that turns singular during
   * the iterations means some fitted counts are heading to zero: the estimate is running to
   * the boundary, not a defect of the model.
   */
  private fittedCountsCollapsing(withZero: boolean): boolean {
    const { mu, cells } = this;
    let max = 0;
    let min = Number.POSITIVE_INFINITY;
    for (let c = withZero ? 0 : 1; c < cells; c++) {
      const m = mu[c] ?? 0;
      if (m > max) max = m;
      if (m < min) min = m;
    }
    return min < 1e-9 * max;
  }

  private failure(
    status: FitStatus,
    p: number,
    iterations: number,
    zero: number[] = [],
  ): LogLinearFit {
    return {
      status,
      beta: this.beta.subarray(0, p),
      deviance: Number.NaN,
      logLik: Number.NaN,
      varIntercept: Number.NaN,
      iterations,
      zeroMarginTerms: zero,
    };
  }

  /** Sets η and μ from β and returns the deviance 2 Σ [y log(y/μ) − (y − μ)]. */
  private deviance(terms: Int32Array, beta: Float64Array, withZero: boolean): number {
    const { eta, mu, y, logY, cells, k } = this;
    eta.fill(0);
    for (let j = 0; j < terms.length; j++) {
      const t = terms[j] ?? 0;
      eta[t] = (eta[t] ?? 0) + (beta[j] ?? 0);
    }
    subsetSums(eta, k);
    let dev = 0;
    for (let c = withZero ? 0 : 1; c < cells; c++) {
      const e = eta[c] ?? 0;
      const m = Math.exp(e);
      mu[c] = m;
      const yc = y[c] ?? 0;
      dev += yc > 0 ? yc * ((logY[c] ?? 0) - e) - yc + m : m;
    }
    if (!withZero) mu[0] = 0;
    return 2 * dev;
  }

  /** Solves H δ = g at the current μ; δ is left in `grad`. False when H is singular. */
  private newtonStep(terms: Int32Array, withZero: boolean, n0: number): boolean {
    const { sums, mu, hessian, grad, margins, k } = this;
    const p = terms.length;
    sums.set(mu);
    supersetSums(sums, k);
    for (let i = 0; i < p; i++) {
      const ti = terms[i] ?? 0;
      const marg = (margins[ti] ?? 0) + (ti === 0 && withZero ? n0 : 0);
      grad[i] = marg - (sums[ti] ?? 0);
      const row = i * p;
      for (let j = 0; j <= i; j++) hessian[row + j] = sums[ti | (terms[j] ?? 0)] ?? 0;
    }
    if (!choleskyInPlace(hessian, p)) return false;
    choleskySolveInPlace(hessian, p, grad);
    return true;
  }

  /**
   * glm's start for the Poisson family: μ = y + 0.1 and one weighted least-squares step on
   * the working response z = log μ + (y − μ)/μ with weights μ.
   */
  private glmStart(terms: Int32Array, withZero: boolean): boolean {
    const { sums, mu, hessian, grad, y, cells, k } = this;
    const p = terms.length;
    const wz = this.work;
    mu.fill(0);
    wz.fill(0);
    for (let c = withZero ? 0 : 1; c < cells; c++) {
      const m = (y[c] ?? 0) + 0.1;
      mu[c] = m;
      wz[c] = m * Math.log(m) + (y[c] ?? 0) - m;
    }
    sums.set(mu);
    supersetSums(sums, k);
    supersetSums(wz, k);
    for (let i = 0; i < p; i++) {
      const ti = terms[i] ?? 0;
      grad[i] = wz[ti] ?? 0;
      const row = i * p;
      for (let j = 0; j <= i; j++) hessian[row + j] = sums[ti | (terms[j] ?? 0)] ?? 0;
    }
    if (!choleskyInPlace(hessian, p)) return false;
    choleskySolveInPlace(hessian, p, grad);
    this.beta.set(grad.subarray(0, p));
    return true;
  }

  /**
   * The information matrix is not rebuilt at the final β: the factor of the last Newton
   * system was computed less than STEP_TOLERANCE away, which changes Var(b0) by a relative
   * amount of that order, and skipping the rebuild saves a fifth of the search time.
   */
  private finish(terms: Int32Array, dev: number, iterations: number): LogLinearFit {
    const { mu, y, eta, cells } = this;
    const p = terms.length;
    const varIntercept = choleskyInverseFirstDiagonal(this.hessian, p, this.work);
    let ll = -this.logFactorialSum;
    for (let c = 1; c < cells; c++) ll += (y[c] ?? 0) * (eta[c] ?? 0) - (mu[c] ?? 0);
    return {
      status: 'ok',
      beta: this.beta.subarray(0, p),
      deviance: dev,
      logLik: ll,
      varIntercept,
      iterations,
      zeroMarginTerms: [],
    };
  }
}

/** a[c] ← Σ_{T ⊆ c} a[T] (zeta transform over subsets). */
export function subsetSums(a: Float64Array, k: number): void {
  const cells = 1 << k;
  for (let b = 0; b < k; b++) {
    const bit = 1 << b;
    for (let hi = 0; hi < cells; hi += bit << 1) {
      for (let lo = hi; lo < hi + bit; lo++) a[lo + bit] = (a[lo + bit] ?? 0) + (a[lo] ?? 0);
    }
  }
}

/** a[T] ← Σ_{c ⊇ T} a[c] (zeta transform over supersets). */
export function supersetSums(a: Float64Array, k: number): void {
  const cells = 1 << k;
  for (let b = 0; b < k; b++) {
    const bit = 1 << b;
    for (let hi = 0; hi < cells; hi += bit << 1) {
      for (let lo = hi; lo < hi + bit; lo++) a[lo] = (a[lo] ?? 0) + (a[lo + bit] ?? 0);
    }
  }
}
