import { AppError } from '../core/app-error.js';
import { estimateMse } from './mse-estimate.js';
import type { MseOptions } from './mse-estimate.js';
import { splitWarnings, warning } from './mse-result.js';
import type { ModelWarning, MseModel, MseResult, WarningCode } from './mse-result.js';
import type { OverlapTable } from './overlap-table.js';

/**
 * Stratified estimation (METHODS.md): where capture probabilities obviously differ (military
 * and civilian, region, period of capture), estimate each stratum with its own overlap table
 * and model search, then add up.
 */
export interface Stratum {
  name: string;
  table: OverlapTable;
}

export interface StratumEstimate {
  name: string;
  nObserved: number;
  /** The stratum's model chosen by the criterion, null when no model has an estimate. */
  selected: MseModel | null;
  result: MseResult;
}

export interface StrataTotal {
  nObserved: number;
  /** Sum of the strata's selected N; null when any stratum has none. */
  N: number | null;
  /** √(Σ se²): strata are independent samples. */
  se: number | null;
  ci95: [number | null, number | null] | null;
  method: string;
}

export interface StrataResult {
  strata: StratumEstimate[];
  total: StrataTotal;
  warnings: string[];
  /** `warnings` in the same order, by code and parameters (and stratum). */
  warningCodes: WarningCode[];
}

export const STRATA_INTERVAL_METHOD =
  'sum of the strata estimates of their selected models; 95% interval combined from the strata profile-likelihood intervals by MOVER (Zou & Donner 2008)';

function validateStrata(strata: unknown): void {
  if (!Array.isArray(strata) || strata.length === 0) {
    throw new AppError(
      'invalid_input',
      'no strata given; fix: give at least one stratum { name, table }',
    );
  }
  const seen = new Set<string>();
  (strata as unknown[]).forEach((s, i) => {
    const name: unknown =
      typeof s === 'object' && s !== null ? (s as { name?: unknown }).name : undefined;
    if (typeof name !== 'string' || name.trim() === '') {
      throw new AppError('invalid_input', `stratum ${i + 1} has no name; fix: name every stratum`);
    }
    if (seen.has(name)) {
      throw new AppError(
        'invalid_input',
        `stratum name "${name}" appears twice; fix: give each stratum a distinct name`,
      );
    }
    seen.add(name);
  });
}

/**
 * Combines the strata. The total is the sum of the strata estimates. Its interval is not the
 * symmetric N ± 1.96 √(Σ se²): the profile intervals of capture–recapture are skewed to the
 * right, and a symmetric total would undo that. MOVER ("method of variance estimates
 * recovery", Zou & Donner 2008, Stat. Med. 27) recovers a lower and an upper variance from
 * each stratum's interval and adds them separately:
 *   lower = N − √Σ (Nᵢ − lowerᵢ)²,   upper = N + √Σ (upperᵢ − Nᵢ)²,
 * which reduces to the sum-of-variances interval when every interval is symmetric and, since
 * √Σd² ≤ Σd, never goes below the sum of the strata lower limits (each ≥ its observed count).
 */
function combine(estimates: StratumEstimate[]): { total: StrataTotal; warnings: ModelWarning[] } {
  const warnings: ModelWarning[] = [];
  const nObserved = estimates.reduce((s, e) => s + e.nObserved, 0);
  let N: number | null = 0;
  let varSum: number | null = 0;
  let lowSq: number | null = 0;
  let highSq: number | null = 0;
  for (const e of estimates) {
    const m = e.selected;
    if (!m || m.N === null) {
      warnings.push({
        ...warning(
          'stratum_no_estimate',
          {},
          `stratum "${e.name}": no model has an estimate, so the total has none`,
        ),
        stratum: e.name,
      });
      N = null;
      continue;
    }
    if (N !== null) N += m.N;
    varSum = varSum !== null && m.se !== null ? varSum + m.se * m.se : null;
    const [lo, hi] = m.ci95 ?? [null, null];
    if (lo === null) {
      lowSq = null;
    } else if (lowSq !== null) {
      lowSq += Math.max(0, m.N - lo) ** 2;
    }
    if (hi === null) {
      warnings.push({
        ...warning(
          'stratum_no_upper_limit',
          {},
          `stratum "${e.name}": its interval has no upper limit, so the total's has none`,
        ),
        stratum: e.name,
      });
      highSq = null;
    } else if (highSq !== null) {
      highSq += Math.max(0, hi - m.N) ** 2;
    }
  }
  if (N === null) {
    return {
      total: { nObserved, N: null, se: null, ci95: null, method: STRATA_INTERVAL_METHOD },
      warnings,
    };
  }
  return {
    total: {
      nObserved,
      N,
      se: varSum === null ? null : Math.sqrt(varSum),
      ci95: [
        lowSq === null ? null : N - Math.sqrt(lowSq),
        highSq === null ? null : N + Math.sqrt(highSq),
      ],
      method: STRATA_INTERVAL_METHOD,
    },
    warnings,
  };
}

/**
 * Estimates every stratum on its own (model search and selection by the criterion) and sums
 * them. Each stratum's own warnings (fewer than `minObserved` people, two lists with nobody
 * in common, …) are repeated in `warnings` with the stratum's name.
 */
export function estimateStrata(
  strata: readonly Stratum[],
  options: Omit<MseOptions, 'onProgress'> = {},
): StrataResult {
  validateStrata(strata);
  const estimates = strata.map((s): StratumEstimate => {
    let result: MseResult;
    try {
      result = estimateMse(s.table, options);
    } catch (err) {
      if (err instanceof AppError) {
        throw new AppError(err.code, `stratum "${s.name}": ${err.message}`, err.details);
      }
      throw err;
    }
    const selected = result.selected ? (result.models[result.selected.index] ?? null) : null;
    return { name: s.name, nObserved: result.nObserved, selected, result };
  });
  const warnings = estimates.flatMap((e) =>
    e.result.warnings.map((w, i): ModelWarning => ({
      ...(e.result.warningCodes[i] as WarningCode),
      message: `stratum "${e.name}": ${w}`,
      stratum: e.name,
    })),
  );
  const { total, warnings: combined } = combine(estimates);
  return { strata: estimates, total, ...splitWarnings([...warnings, ...combined]) };
}
