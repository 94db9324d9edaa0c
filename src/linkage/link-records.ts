import { startPhase, type OnProgress } from '../core/progress.js';
import type { BlockingOptions, BlockingRule } from './blocking.js';
import { DEFAULT_BLOCKING_OPTIONS, DEFAULT_BLOCKING_RULES, buildRuleBlocks } from './blocking.js';
import type { CandidatePairs } from './candidate-pairs.js';
import { findCandidatePairs } from './candidate-pairs.js';
import type { IndexDecision, ReviewReason } from './cluster-pairs.js';
import { clusterPairs } from './cluster-pairs.js';
import type { CompiledRecords } from './compile-records.js';
import { compileRecords } from './compile-records.js';
import type { FieldName } from './compare-records.js';
import { FIELDS, LEVELS, comparePair, describePattern } from './compare-records.js';
import type { EmOptions } from './estimate-parameters.js';
import {
  estimateParameters,
  estimateRandomU,
  levelWeights,
  pairWeights,
  patternHistogram,
  patternWeight,
  termFrequencyAdjustment,
} from './estimate-parameters.js';
import type { LinkRecord, ReviewDecision } from './link-record.js';

export interface LinkOptions {
  /** Match probability at or above which two records are linked. Default 0.3. */
  threshold?: number;
  /** Lower end of the review band (up to the threshold). Default 0.1. */
  reviewFrom?: number;
  /** At most this many pairs are returned for review (all are counted). Default 10,000. */
  maxReview?: number;
  maxClusterSize?: number;
  /**
   * Pairs from this probability whose names agree are joined in a second pass when all the
   * names' other holders may be one person (see attach-unique.ts). Default 0.1. 1 turns
   * the pass off.
   */
  attachFrom?: number;
  rules?: readonly BlockingRule[];
  blocking?: Partial<BlockingOptions>;
  decisions?: readonly ReviewDecision[];
  em?: EmOptions;
  /**
   * Weigh agreement on rare names more than on common ones (Splink's term-frequency
   * adjustment). Default true: it matters at scale, where a name-only record has many
   * namesakes unless its name is rare (pairwise F1 0.84 → 0.92 at 300,000 records).
   */
  termFrequency?: boolean;
  /** Random pairs for u. Default 200,000. */
  randomPairs?: number;
  seed?: number;
  /**
   * Told how far the run has got, phase by phase: "blocking" (rules), "comparing pairs"
   * (blocks, with the pairs found), "estimating" (EM iterations), "weighing pairs" and
   * "clustering" (pairs).
   */
  onProgress?: OnProgress;
}

export interface LevelParameters {
  level: string;
  m: number;
  u: number;
  /** u measured on random pairs. */
  uRandom: number;
  /** log2(m / u). */
  weight: number;
}

export interface LinkParameters {
  lambda: number;
  iterations: number;
  converged: boolean;
  fields: Record<FieldName, LevelParameters[]>;
}

export interface ReviewPair {
  a: string;
  b: string;
  probability: number;
  weight: number;
  reason: ReviewReason;
  levels: Record<FieldName, string>;
}

export interface LinkStats {
  records: number;
  candidatePairs: number;
  pairsPerRule: { rule: string; pairs: number }[];
  linkedPairs: number;
  guardRejections: number;
  forcedMatches: number;
  forcedSplits: number;
  /** Decisions naming a record not in this run, ignored. */
  unknownDecisions: number;
  /** How much less likely a pair of one list is one person than a pair of two lists, in bits. */
  sameListBits: number;
}

export interface LinkResult {
  /** Cluster number per input record, numbered in order of first appearance. */
  clusterOf: Int32Array;
  clusterCount: number;
  review: ReviewPair[];
  reviewTotal: number;
  parameters: LinkParameters;
  stats: LinkStats;
}

/*
 * Threshold 0.3: the independence model is conservative for records that carry little
 * besides a name, and the guards (hard conflicts, ambiguous records) keep precision above
 * 0.98 on the synthetic population, so a lower threshold buys recall cheaply there.
 */
const DEFAULTS = { threshold: 0.3, reviewFrom: 0.1, maxReview: 10_000, maxClusterSize: 40 };

/** Block, compare, estimate and cluster in this thread. */
export function linkRecords(records: readonly LinkRecord[], options: LinkOptions = {}): LinkResult {
  return linkCompiled(
    compileRecords(records),
    records.map((r) => r.id),
    options,
  );
}

/** Candidate pairs of compiled records in this thread (or one shard of them). */
export function candidatePairsOf(
  c: CompiledRecords,
  options: Pick<LinkOptions, 'rules' | 'blocking' | 'onProgress'> & {
    shard?: number;
    shards?: number;
  } = {},
): CandidatePairs {
  const blocking = { ...DEFAULT_BLOCKING_OPTIONS, ...options.blocking };
  const rules = options.rules ?? DEFAULT_BLOCKING_RULES;
  const building = startPhase(options.onProgress, 'blocking', 'rules', rules.length);
  const blocks = rules.map((rule, k) => {
    const b = buildRuleBlocks(c, rule, blocking);
    building.tick(k + 1);
    return b;
  });
  building.end();
  let total = 0;
  for (const b of blocks) total += b.blockCount;
  const comparing = startPhase(options.onProgress, 'comparing pairs', 'blocks', total);
  const pairs = findCandidatePairs(c, blocks, {
    ...blocking,
    shard: options.shard ?? 0,
    shards: options.shards ?? 1,
    onProgress: options.onProgress
      ? (done, _total, found) => comparing.tick(done, { pairs: found })
      : undefined,
  });
  comparing.end(total, { pairs: pairs.length });
  return pairs;
}

/** u from random pairs as linkCompiled measures it: threads may work it out meanwhile. */
export function randomPairU(
  c: CompiledRecords,
  options: Pick<LinkOptions, 'randomPairs' | 'seed'> = {},
): Float64Array {
  return estimateRandomU(c, options.randomPairs ?? 200_000, options.seed ?? 1);
}

/**
 * The rest of the pipeline once records are compiled; `pairs` may come from worker
 * threads (see src/features/linkage/link-in-workers.ts), otherwise they are found here.
 */
export function linkCompiled(
  c: CompiledRecords,
  ids: readonly string[],
  options: LinkOptions = {},
  pairs: CandidatePairs = candidatePairsOf(c, options),
  /** u from random pairs, when the caller has worked it out already (see randomPairU). */
  randomU: Float64Array = randomPairU(c, options),
): LinkResult {
  const threshold = options.threshold ?? DEFAULTS.threshold;
  const reviewFrom = Math.min(options.reviewFrom ?? DEFAULTS.reviewFrom, threshold);

  const estimating = startPhase(options.onProgress, 'estimating', 'steps', 3);
  estimating.tick(1);
  const histogram = patternHistogram(pairs.pattern);
  estimating.tick(2);
  const params = estimateParameters(histogram, randomU, {
    fixU: true,
    totalPairs: (c.size * (c.size - 1)) / 2,
    ...options.em,
  });
  const weights = levelWeights(params);
  estimating.end();

  const { decisions, unknown } = decisionsByIndex(ids, options.decisions ?? []);
  const weightOfPair = pairWeights(c, params, weights, pairs, options.termFrequency !== false);
  const weightOf = (k: number): number => weightOfPair[k] as number;
  const sameList = sameListBits(c, pairs, weightOf, params.lambda);
  const clustering = clusterPairs(c, pairs, weightOf, params.lambda, {
    sameListBits: sameList.bits,
    fieldWeights: weights,
    threshold,
    reviewFrom,
    maxClusterSize: options.maxClusterSize ?? DEFAULTS.maxClusterSize,
    attachFrom: options.attachFrom,
    decisions,
    // One list, or lists that repeat people as often as they share them: no list rule.
    pairWeight:
      sameList.bits < 1
        ? undefined
        : (a, b) => {
            const p = comparePair(c, a, b);
            const w = patternWeight(weights, p);
            return options.termFrequency === false
              ? w
              : w + termFrequencyAdjustment(c, params, p, a, b);
          },
    onProgress: options.onProgress,
  });

  const maxReview = options.maxReview ?? DEFAULTS.maxReview;
  const review = clustering.review.slice(0, maxReview).map((r) => ({
    a: ids[r.a] as string,
    b: ids[r.b] as string,
    probability: r.probability,
    weight: r.weight,
    reason: r.reason,
    levels: describePattern(r.pattern),
  }));
  const fields = {} as Record<FieldName, LevelParameters[]>;
  FIELDS.forEach((field, f) => {
    fields[field] = LEVELS[field].slice(1).map((level, k) => ({
      level,
      m: params.m[f * 8 + k + 1] as number,
      u: params.u[f * 8 + k + 1] as number,
      uRandom: randomU[f * 8 + k + 1] as number,
      weight: weights[f * 8 + k + 1] as number,
    }));
  });
  const rules = options.rules ?? DEFAULT_BLOCKING_RULES;
  return {
    clusterOf: clustering.clusterOf,
    clusterCount: clustering.clusterCount,
    review,
    reviewTotal: clustering.review.length,
    parameters: {
      lambda: params.lambda,
      iterations: params.report.iterations,
      converged: params.report.converged,
      fields,
    },
    stats: {
      records: c.size,
      candidatePairs: pairs.length,
      pairsPerRule: rules.map((r, k) => ({ rule: r.name, pairs: pairs.perRule[k] ?? 0 })),
      linkedPairs: clustering.linkedPairs,
      guardRejections: clustering.guardRejections,
      forcedMatches: clustering.forcedMatches,
      forcedSplits: clustering.forcedSplits,
      unknownDecisions: unknown,
      sameListBits: sameList.bits,
    },
  };
}

/**
 * How much less likely two records of one list are one person than two records of two
 * lists, in bits, measured on the data: the share of near-certain links among all pairs of
 * one list against the same share across lists. A register that lists people twice now
 * and then gives a few bits; lists that never do give the most (10).
 */
export function sameListBits(
  c: CompiledRecords,
  pairs: CandidatePairs,
  weightOf: (k: number) => number,
  lambda: number,
): { bits: number; sameCertain: number; crossCertain: number } {
  const certain = Math.log2(0.999 / 0.001) - Math.log2(lambda / (1 - lambda));
  let sameCertain = 0;
  let crossCertain = 0;
  for (let k = 0; k < pairs.length; k++) {
    const a = pairs.a[k] as number;
    const b = pairs.b[k] as number;
    if (weightOf(k) < certain) continue;
    if (c.source[a] === c.source[b]) sameCertain++;
    else crossCertain++;
  }
  const perList = new Float64Array(c.sourceNames.length);
  for (let i = 0; i < c.size; i++) {
    const s = c.source[i] as number;
    perList[s] = (perList[s] as number) + 1;
  }
  let sameTotal = 0;
  for (const n of perList) sameTotal += (n * (n - 1)) / 2;
  const crossTotal = (c.size * (c.size - 1)) / 2 - sameTotal;
  if (crossCertain === 0 || sameTotal === 0) return { bits: 0, sameCertain, crossCertain };
  if (sameCertain === 0) return { bits: 10, sameCertain, crossCertain };
  const ratio = crossCertain / crossTotal / (sameCertain / sameTotal);
  return { bits: Math.max(0, Math.min(10, Math.log2(ratio))), sameCertain, crossCertain };
}

function decisionsByIndex(
  ids: readonly string[],
  decisions: readonly ReviewDecision[],
): { decisions: IndexDecision[]; unknown: number } {
  if (decisions.length === 0) return { decisions: [], unknown: 0 };
  const wanted = new Set<string>();
  for (const d of decisions) wanted.add(d.a).add(d.b);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (wanted.has(id) && !index.has(id)) index.set(id, i);
  });
  const out: IndexDecision[] = [];
  let unknown = 0;
  for (const d of decisions) {
    const a = index.get(d.a);
    const b = index.get(d.b);
    if (a === undefined || b === undefined || a === b) unknown++;
    else out.push({ a, b, decision: d.decision });
  }
  return { decisions: out, unknown };
}
