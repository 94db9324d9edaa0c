import type { CompiledRecords, NameColumn } from './compile-records.js';
import { FIELDS, LEVELS, comparePair, levelOf } from './compare-records.js';

const F = FIELDS.length;
const L = 8;

/**
 * Fellegi–Sunter parameters: m = P(level | same person), u = P(level | different people)
 * for each field and level (flat, index field * 8 + level; level 0, missing, unused), and
 * λ, the share of candidate pairs that are matches.
 */
export interface FsParameters {
  m: Float64Array;
  u: Float64Array;
  lambda: number;
}

export interface EmReport {
  iterations: number;
  converged: boolean;
  /** u as measured on random pairs, before EM. */
  randomU: Float64Array;
}

/** Counts of each distinct comparison pattern: EM runs on these, not on the pairs. */
export function patternHistogram(patterns: Int32Array): Map<number, number> {
  // Counted in an array (patterns are 18-bit numbers) and listed in order of first
  // appearance, as a Map counting them one by one would list them: EM sums in that order.
  const counts = new Int32Array(1 << (F * 3));
  const order: number[] = [];
  const out = new Map<number, number>();
  for (let k = 0; k < patterns.length; k++) {
    const p = patterns[k] as number;
    if (p < 0 || p >= counts.length) {
      out.set(p, (out.get(p) ?? 0) + 1);
      continue;
    }
    if (counts[p] === 0 && !out.has(p)) {
      order.push(p);
      out.set(p, 0);
    }
    counts[p] = (counts[p] as number) + 1;
  }
  for (const p of order) out.set(p, counts[p] as number);
  return out;
}

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * u from random pairs of records, nearly all of them different people: the chance that
 * two strangers agree on each field at each level. Smoothed so no level has u = 0.
 */
export function estimateRandomU(c: CompiledRecords, samples = 200_000, seed = 1): Float64Array {
  const counts = new Float64Array(F * L);
  const random = mulberry32(seed);
  const n = c.size;
  if (n >= 2) {
    for (let s = 0; s < samples; s++) {
      const i = Math.floor(random() * n);
      let j = Math.floor(random() * (n - 1));
      if (j >= i) j++;
      const p = comparePair(c, i, j);
      for (let f = 0; f < F; f++) {
        const l = levelOf(p, f);
        if (l > 0) counts[f * L + l] = (counts[f * L + l] as number) + 1;
      }
    }
  }
  const u = normalise(counts, 0.5);
  // Exact agreement on a name is rare among strangers, so a sample measures it poorly;
  // the name frequencies give it exactly: Σ c(c − 1) / n(n − 1) over values.
  exactNameU(u, 0, c.family);
  exactNameU(u, 1, c.given);
  exactNameU(u, 2, c.patronymic);
  return u;
}

function agreementRate(frequencies: Int32Array, present: number): number {
  if (present < 2) return 0;
  let s = 0;
  for (let v = 0; v < frequencies.length; v++) {
    const f = frequencies[v] as number;
    s += f * (f - 1);
  }
  return s / (present * (present - 1));
}

function exactNameU(u: Float64Array, field: number, col: NameColumn): void {
  let present = 0;
  for (let v = 0; v < col.keyFrequency.length; v++) present += col.keyFrequency[v] as number;
  if (present < 1000) return;
  const exact = Math.max(agreementRate(col.keyFrequency, present), 1e-9);
  const classes = agreementRate(col.equivalenceFrequency, present);
  const equivalent = Math.max(classes - exact, 1e-9);
  const base = field * L;
  const sampledRest = 1 - (u[base + 1] as number) - (u[base + 2] as number);
  const rest = 1 - exact - equivalent;
  u[base + 1] = exact;
  u[base + 2] = equivalent;
  for (let l = 3; l < L; l++) u[base + l] = ((u[base + l] as number) / sampledRest) * rest;
}

function normalise(counts: Float64Array, pseudo: number): Float64Array {
  const out = new Float64Array(F * L);
  FIELDS.forEach((field, f) => {
    const levels = LEVELS[field].length;
    let total = 0;
    for (let l = 1; l < levels; l++) total += counts[f * L + l] as number;
    for (let l = 1; l < levels; l++) {
      out[f * L + l] = ((counts[f * L + l] as number) + pseudo) / (total + pseudo * (levels - 1));
    }
  });
  return out;
}

function histogramTotal(histogram: ReadonlyMap<number, number>): number {
  let t = 0;
  for (const c of histogram.values()) t += c;
  return t;
}

/** Prior m: agreement levels likely for the same person, disagreement rare. */
function initialM(): Float64Array {
  const m = new Float64Array(F * L);
  const set = (f: number, values: number[]): void =>
    values.forEach((v, k) => (m[f * L + k + 1] = v));
  set(0, [0.72, 0.12, 0.04, 0.05, 0.04, 0.03, 0.01]);
  set(1, [0.56, 0.3, 0.03, 0.03, 0.03, 0.02, 0.03]);
  set(2, [0.56, 0.3, 0.03, 0.03, 0.03, 0.02, 0.03]);
  set(3, [0.55, 0.03, 0.03, 0.05, 0.3, 0.02, 0.02]);
  set(4, [0.98, 0.02]);
  set(5, [0.85, 0.15]);
  return m;
}

export interface EmOptions {
  maxIterations?: number;
  tolerance?: number;
  /** Keep u as measured on random pairs instead of re-estimating it on the candidates. */
  fixU?: boolean;
  initialLambda?: number;
  /**
   * All record pairs, N(N − 1)/2. Given with `fixU`, λ becomes the share of matches among
   * all pairs, the candidates being the only pairs that may match: the model then matches
   * random-pair u, which describes all pairs, not the candidates blocking picked.
   */
  totalPairs?: number;
}

/**
 * Expectation–maximisation for the two-class mixture of Fellegi–Sunter, on the histogram
 * of comparison patterns, assuming fields independent within each class. Missing levels
 * drop out of both likelihoods.
 */
export function estimateParameters(
  histogram: ReadonlyMap<number, number>,
  randomU: Float64Array,
  options: EmOptions = {},
): FsParameters & { report: EmReport } {
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-6;
  let m: Float64Array = initialM();
  let u: Float64Array = Float64Array.from(randomU);
  const allPairs = options.fixU && options.totalPairs ? options.totalPairs : undefined;
  let lambda =
    options.initialLambda ??
    (allPairs ? Math.min(0.5, histogramTotal(histogram) / (2 * allPairs)) : 0.1);
  const patterns = [...histogram.entries()];
  const levels = patterns.map(([p]) => FIELDS.map((_, f) => levelOf(p, f)));
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const mAcc = new Float64Array(F * L);
    const uAcc = new Float64Array(F * L);
    let matchMass = 0;
    let total = 0;
    patterns.forEach(([, count], k) => {
      const lv = levels[k] as number[];
      let pm = lambda;
      let pu = 1 - lambda;
      for (let f = 0; f < F; f++) {
        const l = lv[f] as number;
        if (l === 0) continue;
        pm *= m[f * L + l] as number;
        pu *= u[f * L + l] as number;
      }
      const g = pm / (pm + pu);
      matchMass += g * count;
      total += count;
      for (let f = 0; f < F; f++) {
        const l = lv[f] as number;
        if (l === 0) continue;
        mAcc[f * L + l] = (mAcc[f * L + l] as number) + g * count;
        uAcc[f * L + l] = (uAcc[f * L + l] as number) + (1 - g) * count;
      }
    });
    const nextM = normalise(mAcc, 0.01);
    const nextU = options.fixU ? u : normalise(uAcc, 0.01);
    const denominator = allPairs ?? total;
    const nextLambda =
      denominator > 0 ? Math.min(0.999, Math.max(1e-12, matchMass / denominator)) : lambda;
    let change = Math.abs(nextLambda - lambda);
    for (let k = 0; k < F * L; k++) {
      change = Math.max(
        change,
        Math.abs((nextM[k] as number) - (m[k] as number)),
        Math.abs((nextU[k] as number) - (u[k] as number)),
      );
    }
    m = nextM;
    u = nextU;
    lambda = nextLambda;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { m, u, lambda, report: { iterations, converged, randomU } };
}

const MAX_WEIGHT = 30;

/** log2(m/u) per field and level (0 for missing), bounded so one field cannot decide alone. */
export function levelWeights(params: FsParameters): Float64Array {
  const w = new Float64Array(F * L);
  FIELDS.forEach((field, f) => {
    for (let l = 1; l < LEVELS[field].length; l++) {
      const ratio = Math.log2((params.m[f * L + l] as number) / (params.u[f * L + l] as number));
      w[f * L + l] = Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, ratio));
    }
  });
  return w;
}

/** The match weight of a pattern: the sum of its fields' level weights. */
export function patternWeight(weights: Float64Array, pattern: number): number {
  let s = 0;
  for (let f = 0; f < F; f++) s += weights[f * L + levelOf(pattern, f)] as number;
  return s;
}

/** Posterior probability of a match for a pattern weight, given the prior λ. */
export function matchProbability(weight: number, lambda: number): number {
  const logOdds = weight + Math.log2(lambda / (1 - lambda));
  return 1 / (1 + Math.pow(2, -logOdds));
}

const TF_MIN = -8;
const TF_MAX = 4;

function tfTerm(col: NameColumn, level: number, i: number, j: number, u: number): number {
  let count: number;
  if (level === 1) {
    count = Math.max(
      col.keyFrequency[col.key[i] as number] as number,
      col.keyFrequency[col.key[j] as number] as number,
    );
  } else {
    const ei = col.equivalence[i] as number;
    if (ei < 0) return 0;
    count = col.equivalenceFrequency[ei] as number;
  }
  // Agreeing on a name a tenth of the records carry says less than agreeing on a rare one:
  // u for this value is the chance that another record carries it, (count − 1) / (n − 1),
  // the same estimator as the field's u (see exactNameU), so the adjustment averages out.
  const n = Math.max(2, col.present);
  const adjust = Math.log2(u / Math.max((count - 1) / (n - 1), 1 / (n - 1)));
  return Math.max(TF_MIN, Math.min(TF_MAX, adjust));
}

/**
 * Term-frequency adjustment of a pair's weight for agreeing family and given names
 * (exact or equivalent levels), as in Splink: log2(u_level / frequency of the value).
 */
export function termFrequencyAdjustment(
  c: CompiledRecords,
  params: FsParameters,
  pattern: number,
  i: number,
  j: number,
): number {
  let adjust = 0;
  const family = levelOf(pattern, 0);
  if (family === 1 || family === 2) {
    adjust += tfTerm(c.family, family, i, j, params.u[family] as number);
  }
  const given = levelOf(pattern, 1);
  if (given === 1 || given === 2) {
    adjust += tfTerm(c.given, given, i, j, params.u[L + given] as number);
  }
  return adjust;
}

/** tfTerm's value for a name carried by `count` records: see there. */
function tfValue(count: number, u: number, n: number): number {
  const adjust = Math.log2(u / Math.max((count - 1) / (n - 1), 1 / (n - 1)));
  return Math.max(TF_MIN, Math.min(TF_MAX, adjust));
}

/** tfTerm for every key and every class of a name field at the exact and equivalent levels. */
function tfTables(
  col: NameColumn,
  uExact: number,
  uEquivalent: number,
): { exact: Float64Array; equivalent: Float64Array } {
  const n = Math.max(2, col.present);
  const exact = new Float64Array(col.keyFrequency.length);
  for (let k = 0; k < exact.length; k++)
    exact[k] = tfValue(col.keyFrequency[k] as number, uExact, n);
  const equivalent = new Float64Array(col.equivalenceFrequency.length);
  for (let e = 0; e < equivalent.length; e++) {
    equivalent[e] = tfValue(col.equivalenceFrequency[e] as number, uEquivalent, n);
  }
  return { exact, equivalent };
}

/**
 * The match weight of every candidate pair: `patternWeight` plus, with `termFrequency`,
 * `termFrequencyAdjustment`, to the last bit, with the logarithms worked out once per
 * pattern and per name instead of per pair (14 million pairs at a million records).
 * The exact level's adjustment is the lesser of the two names' (it falls as the count
 * rises, and tfTerm takes the larger count).
 */
export function pairWeights(
  c: CompiledRecords,
  params: FsParameters,
  weights: Float64Array,
  pairs: { a: Int32Array; b: Int32Array; pattern: Int32Array; length: number },
  termFrequency = true,
): Float64Array {
  const out = new Float64Array(pairs.length);
  const byPattern = new Map<number, number>();
  const weightOf = (p: number): number => {
    let w = byPattern.get(p);
    if (w === undefined) {
      w = patternWeight(weights, p);
      byPattern.set(p, w);
    }
    return w;
  };
  const table = new Float64Array(1 << (F * 3)).fill(NaN);
  const family = tfTables(c.family, params.u[1] as number, params.u[2] as number);
  const given = tfTables(c.given, params.u[L + 1] as number, params.u[L + 2] as number);
  const familyKey = c.family.key;
  const familyClass = c.family.equivalence;
  const givenKey = c.given.key;
  const givenClass = c.given.equivalence;
  for (let k = 0; k < pairs.length; k++) {
    const p = pairs.pattern[k] as number;
    let w = p >= 0 && p < table.length ? (table[p] as number) : weightOf(p);
    if (w !== w) w = table[p] = weightOf(p);
    if (!termFrequency) {
      out[k] = w;
      continue;
    }
    const i = pairs.a[k] as number;
    const j = pairs.b[k] as number;
    let adjust = 0;
    const f = p & 7;
    if (f === 1) {
      adjust += Math.min(
        family.exact[familyKey[i] as number] as number,
        family.exact[familyKey[j] as number] as number,
      );
    } else if (f === 2) {
      const e = familyClass[i] as number;
      adjust += e < 0 ? 0 : (family.equivalent[e] as number);
    }
    const g = (p >>> 3) & 7;
    if (g === 1) {
      adjust += Math.min(
        given.exact[givenKey[i] as number] as number,
        given.exact[givenKey[j] as number] as number,
      );
    } else if (g === 2) {
      const e = givenClass[i] as number;
      adjust += e < 0 ? 0 : (given.equivalent[e] as number);
    }
    out[k] = w + adjust;
  }
  return out;
}
