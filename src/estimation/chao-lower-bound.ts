import { popcount } from './model-space.js';
import { toCellCounts } from './overlap-table.js';
import type { CellCounts, OverlapTable } from './overlap-table.js';

/**
 * Chao's (1987) lower bound for N from the people seen on exactly one list (f1) and on
 * exactly two (f2), the form the reference files give: N ≥ n + f1²/(2 f2), and the
 * bias-corrected n + f1(f1−1)/(2(f2+1)), which stays finite when f2 = 0. It assumes only
 * that catchability varies between people, not between lists, so it bounds N from below
 * under heterogeneity rather than estimating it.
 */
export interface ChaoEstimate {
  n: number;
  f1: number;
  f2: number;
  /** n + f1²/(2 f2); null when f2 = 0 (the bound is infinite). */
  N: number | null;
  NBiasCorrected: number;
}

export function chaoLowerBoundFromCounts(cells: CellCounts): ChaoEstimate {
  let f1 = 0;
  let f2 = 0;
  for (let c = 1; c < cells.counts.length; c++) {
    const bits = popcount(c);
    if (bits === 1) f1 += cells.counts[c] ?? 0;
    else if (bits === 2) f2 += cells.counts[c] ?? 0;
  }
  const n = cells.nObserved;
  return {
    n,
    f1,
    f2,
    N: f2 > 0 ? n + (f1 * f1) / (2 * f2) : null,
    NBiasCorrected: n + (f1 * (f1 - 1)) / (2 * (f2 + 1)),
  };
}

export function chaoLowerBound(table: OverlapTable): ChaoEstimate {
  return chaoLowerBoundFromCounts(toCellCounts(table));
}
