import { supersetSums } from './log-linear-fit.js';
import { toCellCounts } from './overlap-table.js';
import type { CellCounts, OverlapTable } from './overlap-table.js';

/**
 * Two-list estimates for every pair of lists, ignoring the other lists: a quick check on the
 * log-linear models and a view of which lists barely overlap.
 */
export interface PairEstimate {
  lists: [string, string];
  /** People on the first list, on the second, and on both. */
  n1: number;
  n2: number;
  m: number;
  /** n1·n2/m; null when the lists share no one (the estimate is infinite). */
  lincolnPetersen: number | null;
  /** (n1+1)(n2+1)/(m+1) − 1, finite even when m = 0. */
  chapman: number;
  /** √[(n1+1)(n2+1)(n1−m)(n2−m) / ((m+1)²(m+2))] (Seber 1982). */
  chapmanSe: number;
}

export function pairwiseEstimatesFromCounts(cells: CellCounts): PairEstimate[] {
  const margins = Float64Array.from(cells.counts);
  margins[0] = 0;
  supersetSums(margins, cells.k);
  const out: PairEstimate[] = [];
  for (let i = 0; i < cells.k; i++) {
    for (let j = i + 1; j < cells.k; j++) {
      const n1 = margins[1 << i] ?? 0;
      const n2 = margins[1 << j] ?? 0;
      const m = margins[(1 << i) | (1 << j)] ?? 0;
      const chapmanVar =
        ((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m)) / ((m + 1) * (m + 1) * (m + 2));
      out.push({
        lists: [cells.lists[i] ?? '', cells.lists[j] ?? ''],
        n1,
        n2,
        m,
        lincolnPetersen: m > 0 ? (n1 * n2) / m : null,
        chapman: ((n1 + 1) * (n2 + 1)) / (m + 1) - 1,
        chapmanSe: Math.sqrt(chapmanVar),
      });
    }
  }
  return out;
}

/** Lincoln–Petersen and Chapman estimates for every pair of lists of a validated table. */
export function pairwiseEstimates(table: OverlapTable): PairEstimate[] {
  return pairwiseEstimatesFromCounts(toCellCounts(table));
}
