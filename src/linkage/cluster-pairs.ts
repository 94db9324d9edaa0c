import { startPhase, type OnProgress } from '../core/progress.js';
import type { CandidatePairs } from './candidate-pairs.js';
import type { CompiledRecords } from './compile-records.js';
import { comparePair, isHardConflict, levelOf } from './compare-records.js';
import { matchProbability } from './estimate-parameters.js';
import { attachUniquePartners, namesAgree } from './attach-unique.js';

export interface IndexDecision {
  a: number;
  b: number;
  decision: 'match' | 'non_match';
}

export interface ClusterOptions {
  /** Pairs at or above this match probability are linked. */
  threshold: number;
  /** Pairs from this probability up to the threshold go to the review queue. */
  reviewFrom: number;
  /** No cluster grows beyond this many records; a real person is in a handful of lists. */
  maxClusterSize: number;
  /**
   * A record whose second-best partner is within this many bits of its best, the two
   * partners being clearly different people, is not linked but reviewed. Default 3.
   */
  ambiguityMargin?: number;
  /**
   * Pairs from this probability whose names agree are joined in a second pass when the
   * names' other holders may all be one person (see attach-unique.ts). Default 0.1.
   */
  attachFrom?: number;
  decisions: readonly IndexDecision[];
  /**
   * Match weight of any two records (compared now). When given, two records of one list
   * are only put in one cluster when they are a link by themselves: a list names a person
   * once (now and then twice, and then fully), so a cluster gathering two of its records
   * through others is two namesakes chained, not one person. Also turns on the list rule
   * of the second pass (attach-unique.ts).
   */
  pairWeight?: (a: number, b: number) => number;
  /**
   * Weight of each field's levels (field × 8 + level), for comparing a record with a whole
   * cluster field by field in the second pass.
   */
  fieldWeights?: Float64Array;
  /** Extra bits a pair of one list needs (see sameListBits in link-records.ts). Default 6. */
  sameListBits?: number;
  /** Told how many pairs are weighed ("weighing pairs"), then joined or not ("clustering"). */
  onProgress?: OnProgress;
}

/**
 * Why a pair awaits review: its probability is below the threshold (`uncertain`); linking
 * it would join clearly different people (`conflict`); or one of its records fits two
 * clearly different people about equally well (`ambiguous`: a name-only record and two
 * namesakes).
 */
export const REVIEW_REASONS = ['uncertain', 'conflict', 'ambiguous'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export interface IndexReviewPair {
  a: number;
  b: number;
  probability: number;
  weight: number;
  pattern: number;
  reason: ReviewReason;
}

export interface Clustering {
  /** Cluster number of each record, 0-based, numbered in order of first appearance. */
  clusterOf: Int32Array;
  clusterCount: number;
  review: IndexReviewPair[];
  linkedPairs: number;
  guardRejections: number;
  forcedMatches: number;
  forcedSplits: number;
}

/**
 * Extra evidence two records of one list need to be one person: a list names one person
 * twice in a few cases in a hundred, so its pairs start about 2^6 times less likely.
 */
const SAME_LIST_BITS = 6;

function pairKey(a: number, b: number): number {
  return a < b ? a * 4_294_967_296 + b : b * 4_294_967_296 + a;
}

/**
 * Greedy clustering: pairs above the threshold are joined best first, unless the join
 * would put two records that are clearly different people (a hard conflict between any
 * record of one cluster and any of the other, or a reviewer's `non_match`) into one
 * cluster. That guard is what stops a vague record ("Коваленко, 36 ОБрМП") from chaining
 * two brothers together. Reviewers' `match` decisions are joined first, unconditionally.
 */
export function clusterPairs(
  c: CompiledRecords,
  pairs: CandidatePairs,
  /** Match weight (log2 likelihood ratio) of candidate pair k. */
  weightOf: (k: number) => number,
  lambda: number,
  options: ClusterOptions,
): Clustering {
  const n = c.size;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const members = new Map<number, number[]>();
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    let y = x;
    while (parent[y] !== r) {
      const next = parent[y] as number;
      parent[y] = r;
      y = next;
    }
    return r;
  };
  const list = (root: number): number[] => members.get(root) ?? [root];
  const union = (ra: number, rb: number): void => {
    const la = list(ra);
    const lb = list(rb);
    const [big, small, bigList, smallList] =
      la.length >= lb.length ? [ra, rb, la, lb] : [rb, ra, lb, la];
    parent[small] = big;
    for (const x of smallList) bigList.push(x);
    members.set(big, bigList);
    members.delete(small);
  };

  const cannotLink = new Map<number, number[]>();
  const decided = new Set<number>();
  let forcedMatches = 0;
  let forcedSplits = 0;
  for (const d of options.decisions) {
    decided.add(pairKey(d.a, d.b));
    if (d.decision === 'non_match') {
      forcedSplits++;
      for (const [x, y] of [
        [d.a, d.b],
        [d.b, d.a],
      ] as const) {
        const l = cannotLink.get(x);
        if (l) l.push(y);
        else cannotLink.set(x, [y]);
      }
    }
  }
  for (const d of options.decisions) {
    if (d.decision !== 'match') continue;
    const ra = find(d.a);
    const rb = find(d.b);
    if (ra !== rb) {
      union(ra, rb);
      forcedMatches++;
    }
  }

  const logPrior = Math.log2(lambda / (1 - lambda));
  // Weight at which a pair reaches a probability: solve p = 1 / (1 + 2^-(w + prior)).
  const weightFor = (p: number): number => Math.log2(p / (1 - p)) - logPrior;
  const linkWeight = weightFor(options.threshold);
  const reviewWeight = weightFor(options.reviewFrom);

  const chosen: number[] = [];
  const chosenWeights: number[] = [];
  const namePairs: number[] = [];
  const weighing = startPhase(options.onProgress, 'weighing pairs', 'pairs', pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    if ((k & 4095) === 4095) weighing.tick(k + 1);
    const w = weightOf(k);
    const p = pairs.pattern[k] as number;
    if (!isHardConflict(p) && namesAgree(c, p, pairs.a[k] as number, pairs.b[k] as number)) {
      namePairs.push(k);
    }
    if (w >= reviewWeight) {
      chosen.push(k);
      chosenWeights.push(w);
    }
  }
  weighing.end();
  const clustering = startPhase(options.onProgress, 'clustering', 'pairs', chosen.length);
  const pw = Float64Array.from(chosenWeights);
  const order = Array.from(chosen.keys()).sort(
    (x, y) =>
      (pw[y] as number) - (pw[x] as number) ||
      (pairs.a[chosen[x] as number] as number) - (pairs.a[chosen[y] as number] as number) ||
      (pairs.b[chosen[x] as number] as number) - (pairs.b[chosen[y] as number] as number),
  );

  const pairWeight = options.pairWeight;
  const sameListWeight = linkWeight + (options.sameListBits ?? SAME_LIST_BITS);
  const conflicts = (la: number[], lb: number[]): boolean => {
    for (const x of la) {
      const forbidden = cannotLink.get(x);
      for (const y of lb) {
        if (forbidden?.includes(y)) return true;
        if (isHardConflict(comparePair(c, x, y))) return true;
        if (pairWeight && c.source[x] === c.source[y] && pairWeight(x, y) < sameListWeight) {
          return true;
        }
      }
    }
    return false;
  };

  const fieldWeights = options.fieldWeights;
  const profile = fieldWeights
    ? (la: number[], lb: number[]): number => {
        const best = new Float64Array(6).fill(-Infinity);
        for (const x of la) {
          for (const y of lb) {
            const p = comparePair(c, x, y);
            for (let f = 0; f < 6; f++) {
              const w = fieldWeights[f * 8 + levelOf(p, f)] as number;
              if (w > (best[f] as number)) best[f] = w;
            }
          }
        }
        let sum = 0;
        for (const w of best) sum += w;
        return sum;
      }
    : undefined;

  const ambiguous = findAmbiguousRecords(
    c,
    order.filter((idx) => (pw[idx] as number) >= linkWeight),
    (idx) => pairs.a[chosen[idx] as number] as number,
    (idx) => pairs.b[chosen[idx] as number] as number,
    (idx) => pw[idx] as number,
    options.ambiguityMargin ?? 3,
  );

  const review: IndexReviewPair[] = [];
  const uncertain: number[] = [];
  let linkedPairs = 0;
  let guardRejections = 0;
  let gone = 0;
  for (const idx of order) {
    if ((++gone & 1023) === 0) clustering.tick(gone);
    const k = chosen[idx] as number;
    const a = pairs.a[k] as number;
    const b = pairs.b[k] as number;
    const w = pw[idx] as number;
    if (decided.has(pairKey(a, b))) continue;
    if (w < linkWeight) {
      uncertain.push(idx);
      continue;
    }
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) {
      linkedPairs++;
      continue;
    }
    if (ambiguous.has(a) || ambiguous.has(b)) {
      review.push({
        a,
        b,
        probability: matchProbability(w, lambda),
        weight: w,
        pattern: pairs.pattern[k] as number,
        reason: 'ambiguous',
      });
      continue;
    }
    const la = list(ra);
    const lb = list(rb);
    if (la.length + lb.length > options.maxClusterSize || conflicts(la, lb)) {
      guardRejections++;
      review.push({
        a,
        b,
        probability: matchProbability(w, lambda),
        weight: w,
        pattern: pairs.pattern[k] as number,
        reason: 'conflict',
      });
      continue;
    }
    union(ra, rb);
    linkedPairs++;
  }
  const attached = attachUniquePartners(
    pairs,
    namePairs,
    weightOf,
    weightFor(options.attachFrom ?? 0.1),
    options.maxClusterSize,
    (a, b) => decided.has(pairKey(a, b)),
    { find, list, union, conflicts, profile },
    pairWeight ? c.source : undefined,
  );
  linkedPairs += attached;
  const stillApart = review.filter((r) => find(r.a) !== find(r.b));
  review.length = 0;
  review.push(...stillApart);
  for (const idx of uncertain) {
    const k = chosen[idx] as number;
    const a = pairs.a[k] as number;
    const b = pairs.b[k] as number;
    if (find(a) === find(b)) continue;
    const w = pw[idx] as number;
    review.push({
      a,
      b,
      probability: matchProbability(w, lambda),
      weight: w,
      pattern: pairs.pattern[k] as number,
      reason: 'uncertain',
    });
  }
  review.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
  clustering.end();

  const clusterOf = new Int32Array(n);
  const numberOfRoot = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let num = numberOfRoot.get(r);
    if (num === undefined) {
      num = numberOfRoot.size;
      numberOfRoot.set(r, num);
    }
    clusterOf[i] = num;
  }
  return {
    clusterOf,
    clusterCount: numberOfRoot.size,
    review,
    linkedPairs,
    guardRejections,
    forcedMatches,
    forcedSplits,
  };
}

/**
 * Records whose best partners above the threshold include two clearly different people
 * (a hard conflict between them) within `margin` bits of each other: "Oleksandr Kovalenko"
 * in the press, with two men of that name in the register. Linking such a record to the
 * first of them is a coin toss that costs more pairs than it wins.
 */
function findAmbiguousRecords(
  c: CompiledRecords,
  linkable: readonly number[],
  aOf: (idx: number) => number,
  bOf: (idx: number) => number,
  weightOf: (idx: number) => number,
  margin: number,
): Set<number> {
  // `linkable` is in descending weight order, so each list is best first. The lists (the
  // first 8 partners of each record) are rows of typed arrays: a Map of arrays of objects
  // took seconds at a million records.
  const MAX_PARTNERS = 8;
  const count = new Uint8Array(c.size);
  for (const idx of linkable) {
    const a = aOf(idx);
    const b = bOf(idx);
    if ((count[a] as number) < MAX_PARTNERS) count[a] = (count[a] as number) + 1;
    if ((count[b] as number) < MAX_PARTNERS) count[b] = (count[b] as number) + 1;
  }
  const start = new Int32Array(c.size + 1);
  for (let x = 0; x < c.size; x++) start[x + 1] = (start[x] as number) + (count[x] as number);
  const other = new Int32Array(start[c.size] as number);
  const weight = new Float64Array(other.length);
  const fill = start.slice(0, c.size);
  const add = (x: number, y: number, w: number): void => {
    const at = fill[x] as number;
    if (at === start[x + 1]) return;
    other[at] = y;
    weight[at] = w;
    fill[x] = at + 1;
  };
  for (const idx of linkable) {
    const w = weightOf(idx);
    add(aOf(idx), bOf(idx), w);
    add(bOf(idx), aOf(idx), w);
  }
  const out = new Set<number>();
  for (let x = 0; x < c.size; x++) {
    const s = start[x] as number;
    const e = start[x + 1] as number;
    if (e - s < 2) continue;
    for (let k = s + 1; k < e; k++) {
      if ((weight[s] as number) - (weight[k] as number) > margin) break;
      if (isHardConflict(comparePair(c, other[s] as number, other[k] as number))) {
        out.add(x);
        break;
      }
    }
  }
  return out;
}
