/*
 * What the draws of several chains say about N, and whether to trust them: quantiles as R's
 * type 7 (so they compare with R's LCMCR summaries), the rank-normalised split R-hat and the
 * bulk effective sample size of Vehtari et al. (2021), "Rank-normalization, folding, and
 * localization: an improved R-hat for assessing convergence of MCMC", Bayesian Analysis 16.
 */

export interface PosteriorSummary {
  mean: number;
  median: number;
  q025: number;
  q05: number;
  q25: number;
  q75: number;
  q95: number;
  q975: number;
  ci95: [number, number];
  sd: number;
}

export interface ChainDiagnostics {
  /** Rank-normalised split R-hat; near 1 when the chains agree. */
  rhat: number;
  /** Bulk effective sample size of all chains together. */
  ess: number;
  converged: boolean;
}

/** The R-hat and effective sample size below which the chains are not to be trusted. */
export const RHAT_LIMIT = 1.01;
export const MIN_ESS = 400;

/** Quantile of sorted values, R's type 7 (linear between order statistics). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[Math.min(lo + 1, n - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

export function summarise(draws: ArrayLike<number>): PosteriorSummary {
  const sorted = Float64Array.from(draws).sort();
  let sum = 0;
  for (const x of sorted) sum += x;
  const mean = sum / sorted.length;
  let ss = 0;
  for (const x of sorted) ss += (x - mean) ** 2;
  const q025 = quantile(sorted, 0.025);
  const q975 = quantile(sorted, 0.975);
  return {
    mean,
    median: quantile(sorted, 0.5),
    q025,
    q05: quantile(sorted, 0.05),
    q25: quantile(sorted, 0.25),
    q75: quantile(sorted, 0.75),
    q95: quantile(sorted, 0.95),
    q975,
    ci95: [q025, q975],
    sd: Math.sqrt(ss / Math.max(1, sorted.length - 1)),
  };
}

/** Each chain cut in two halves, so that a chain drifting within itself shows as disagreement. */
function splitHalves(chains: readonly ArrayLike<number>[]): Float64Array[] {
  const halves: Float64Array[] = [];
  for (const c of chains) {
    const half = Math.floor(c.length / 2);
    if (half < 2) continue;
    halves.push(Float64Array.from({ length: half }, (_, i) => c[i] ?? 0));
    halves.push(Float64Array.from({ length: half }, (_, i) => c[c.length - half + i] ?? 0));
  }
  return halves;
}

/** Replaces every draw by the normal score of its rank among all draws (ties share a rank). */
function rankNormalise(chains: Float64Array[]): Float64Array[] {
  const all: { v: number; c: number; i: number }[] = [];
  chains.forEach((c, ci) => c.forEach((v, i) => all.push({ v, c: ci, i })));
  all.sort((a, b) => a.v - b.v);
  const out = chains.map((c) => new Float64Array(c.length));
  const s = all.length;
  for (let start = 0; start < s;) {
    let end = start;
    while (end + 1 < s && all[end + 1]?.v === all[start]?.v) end++;
    const rank = (start + end) / 2 + 1;
    const z = normalQuantile((rank - 3 / 8) / (s + 1 / 4));
    for (let r = start; r <= end; r++) {
      const d = all[r];
      if (d) (out[d.c] as Float64Array)[d.i] = z;
    }
    start = end + 1;
  }
  return out;
}

function meanOf(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] ?? 0;
  return s / x.length;
}

function varianceOf(x: ArrayLike<number>, mean: number): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += ((x[i] ?? 0) - mean) ** 2;
  return s / Math.max(1, x.length - 1);
}

function rhatOf(chains: Float64Array[]): number {
  const m = chains.length;
  const n = chains[0]?.length ?? 0;
  const means = chains.map(meanOf);
  const grand = meanOf(means);
  const between = (n / (m - 1)) * means.reduce((s, x) => s + (x - grand) ** 2, 0);
  const within = meanOf(chains.map((c, i) => varianceOf(c, means[i] ?? 0)));
  if (within === 0) return between === 0 ? 1 : Number.POSITIVE_INFINITY;
  return Math.sqrt(((n - 1) / n) * within + between / n) / Math.sqrt(within);
}

/** Autocovariance of one chain at one lag. */
function autocovariance(x: Float64Array, mean: number, lag: number): number {
  let s = 0;
  for (let i = 0; i + lag < x.length; i++) s += ((x[i] ?? 0) - mean) * ((x[i + lag] ?? 0) - mean);
  return s / x.length;
}

/**
 * Effective sample size across chains with Geyer's initial monotone sequence, as Stan
 * computes it; lags are summed only until the sequence turns negative.
 */
function essOf(chains: Float64Array[]): number {
  const m = chains.length;
  const n = chains[0]?.length ?? 0;
  if (m === 0 || n < 4) return 0;
  const means = chains.map(meanOf);
  const grand = meanOf(means);
  const within = meanOf(chains.map((c, i) => (autocovariance(c, means[i] ?? 0, 0) * n) / (n - 1)));
  const between = m > 1 ? (n / (m - 1)) * means.reduce((s, x) => s + (x - grand) ** 2, 0) : 0;
  const varPlus = ((n - 1) / n) * within + between / n;
  if (varPlus === 0) return m * n;
  const rho = (lag: number): number =>
    1 - (within - meanOf(chains.map((c, i) => autocovariance(c, means[i] ?? 0, lag)))) / varPlus;
  let sum = 0;
  let previousPair = Number.POSITIVE_INFINITY;
  for (let t = 0; t + 1 < n; t += 2) {
    let pair = rho(t) + rho(t + 1);
    if (pair < 0) break;
    pair = Math.min(pair, previousPair);
    previousPair = pair;
    sum += pair;
  }
  const tau = -1 + 2 * sum;
  return (m * n) / Math.max(tau, 1 / Math.log10(m * n));
}

/**
 * Split R-hat (the larger of the rank-normalised and folded ones) and bulk ESS of draws of N
 * from several chains of equal length.
 */
export function diagnose(chains: readonly ArrayLike<number>[]): ChainDiagnostics {
  const halves = splitHalves(chains);
  if (halves.length < 2) return { rhat: Number.NaN, ess: 0, converged: false };
  const ranked = rankNormalise(halves);
  const all = halves.flatMap((h) => [...h]).sort((a, b) => a - b);
  const median = quantile(all, 0.5);
  const folded = rankNormalise(halves.map((h) => h.map((v) => Math.abs(v - median))));
  const rhat = Math.max(rhatOf(ranked), rhatOf(folded));
  const ess = essOf(ranked);
  return { rhat, ess, converged: rhat <= RHAT_LIMIT && ess >= MIN_ESS };
}

/** Inverse of the standard normal distribution function (Acklam's rational approximation). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}
