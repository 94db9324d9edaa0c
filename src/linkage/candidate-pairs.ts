import type { BlockingOptions, RuleBlocks } from './blocking.js';
import type { CompiledRecords } from './compile-records.js';
import { comparePair } from './compare-records.js';

/** Compared candidate pairs in columns: record indices (a < b) and comparison pattern. */
export interface CandidatePairs {
  a: Int32Array;
  b: Int32Array;
  pattern: Int32Array;
  length: number;
  /** Pairs first found by each rule (later rules skip pairs an earlier one produced). */
  perRule: number[];
}

class PairBuffer {
  a: Int32Array = new Int32Array(1 << 16);
  b: Int32Array = new Int32Array(1 << 16);
  pattern: Int32Array = new Int32Array(1 << 16);
  length = 0;
  push(x: number, y: number, p: number): void {
    if (this.length === this.a.length) {
      const grow = (old: Int32Array): Int32Array => {
        const next = new Int32Array(old.length * 2);
        next.set(old);
        return next;
      };
      this.a = grow(this.a);
      this.b = grow(this.b);
      this.pattern = grow(this.pattern);
    }
    this.a[this.length] = x;
    this.b[this.length] = y;
    this.pattern[this.length] = p;
    this.length++;
  }
}

export interface CandidateOptions extends BlockingOptions {
  /** Split the work: this call handles blocks whose id % shards === shard. */
  shard?: number;
  shards?: number;
  /**
   * Told, every 1,024 blocks and at the end of each rule, how many blocks of all the rules
   * have been gone through (this shard's and the others' it skips) and how many pairs this
   * call has found.
   */
  onProgress?: (done: number, total: number, pairs: number) => void;
}

/**
 * Every candidate pair of the union of the blocking rules, each pair once, compared as it
 * is found. No set of seen pairs is kept: a pair from rule k is skipped when an earlier
 * rule already produced it, which is known from the two records' block ids and positions.
 */
export function findCandidatePairs(
  c: CompiledRecords,
  blocks: readonly RuleBlocks[],
  options: Partial<CandidateOptions> = {},
): CandidatePairs {
  const shard = options.shard ?? 0;
  const shards = options.shards ?? 1;
  const out = new PairBuffer();
  const perRule: number[] = [];

  const coveredBefore = (rule: number, i: number, j: number): boolean => {
    for (let r = 0; r < rule; r++) {
      const rb = blocks[r] as RuleBlocks;
      const bi = rb.blockOf[i] as number;
      if (bi < 0 || bi !== rb.blockOf[j]) continue;
      const size = (rb.start[bi + 1] as number) - (rb.start[bi] as number);
      if (size <= rb.maxBlockSize) return true;
      if (Math.abs((rb.position[i] as number) - (rb.position[j] as number)) < rb.window)
        return true;
    }
    return false;
  };

  const emit = (rule: number, x: number, y: number): void => {
    const i = x < y ? x : y;
    const j = x < y ? y : x;
    if (rule > 0 && coveredBefore(rule, i, j)) return;
    out.push(i, j, comparePair(c, i, j));
  };

  let totalBlocks = 0;
  for (const rb of blocks) totalBlocks += rb.blockCount;
  let doneBlocks = 0;
  const progress = options.onProgress;
  blocks.forEach((rb, rule) => {
    const before = out.length;
    for (let blk = 0; blk < rb.blockCount; blk++) {
      if (progress && (blk & 1023) === 1023) progress(doneBlocks + blk, totalBlocks, out.length);
      if (blk % shards !== shard) continue;
      const s = rb.start[blk] as number;
      const e = rb.start[blk + 1] as number;
      const size = e - s;
      if (size < 2) continue;
      if (size <= rb.maxBlockSize) {
        for (let p = s; p < e; p++) {
          const x = rb.members[p] as number;
          for (let q = p + 1; q < e; q++) emit(rule, x, rb.members[q] as number);
        }
      } else {
        for (let p = s; p < e; p++) {
          const x = rb.members[p] as number;
          const last = Math.min(e, p + rb.window);
          for (let q = p + 1; q < last; q++) emit(rule, x, rb.members[q] as number);
        }
      }
    }
    perRule.push(out.length - before);
    doneBlocks += rb.blockCount;
    progress?.(doneBlocks, totalBlocks, out.length);
  });
  return {
    a: out.a.subarray(0, out.length),
    b: out.b.subarray(0, out.length),
    pattern: out.pattern.subarray(0, out.length),
    length: out.length,
    perRule,
  };
}

/** Joins the pairs of several shards (from worker threads) into one set. */
export function mergeCandidatePairs(parts: readonly CandidatePairs[]): CandidatePairs {
  const length = parts.reduce((s, p) => s + p.length, 0);
  const a = new Int32Array(length);
  const b = new Int32Array(length);
  const pattern = new Int32Array(length);
  const perRule: number[] = [];
  let at = 0;
  for (const p of parts) {
    a.set(p.a.subarray(0, p.length), at);
    b.set(p.b.subarray(0, p.length), at);
    pattern.set(p.pattern.subarray(0, p.length), at);
    at += p.length;
    p.perRule.forEach((v, k) => (perRule[k] = (perRule[k] ?? 0) + v));
  }
  return { a, b, pattern, length, perRule };
}
