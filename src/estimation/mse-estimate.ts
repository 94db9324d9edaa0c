import { AppError } from '../core/app-error.js';
import { chaoLowerBoundFromCounts } from './chao-lower-bound.js';
import { LogLinearFitter } from './log-linear-fit.js';
import type { FitStatus, LogLinearFit } from './log-linear-fit.js';
import { enumerateModels, MAX_LISTS_FOR_THREE_WAY, parseModel } from './model-space.js';
import type { LogLinearModel, MaxOrder } from './model-space.js';
import { modelFigures, reportModel } from './model-report.js';
import { splitWarnings, warning } from './mse-result.js';
import type { BestModelRef, Criterion, ModelWarning, MseModel, MseResult } from './mse-result.js';
import { toCellCounts } from './overlap-table.js';
import type { CellCounts, OverlapTable } from './overlap-table.js';
import { pairwiseEstimatesFromCounts } from './pairwise-estimates.js';
import type { PairEstimate } from './pairwise-estimates.js';

export interface MseOptions {
  /** Selection criterion; BIC by default, more conservative than AIC (METHODS.md). */
  criterion?: Criterion;
  /**
   * How many of the best models (by the criterion) to return, default 20. The search always
   * fits every model; only the returned ones get a profile interval, which costs about 60
   * refits each, so `Infinity` with six lists (32,768 models) takes a while.
   */
  top?: number;
  /** Highest interaction order searched: 3 (default) for up to four lists, else 2. */
  maxOrder?: MaxOrder;
  /** Terms and list pairs observed on fewer people than this get a warning (default 10). */
  sparseThreshold?: number;
  /** Fewer people observed than this gets a warning (default 30). */
  minObserved?: number;
  /** Called during the search with the number of models fitted so far. */
  onProgress?: (fitted: number, total: number) => void;
}

export const DEFAULT_TOP = 20;
export const DEFAULT_SPARSE_THRESHOLD = 10;
export const DEFAULT_MIN_OBSERVED = 30;

interface ResolvedOptions {
  criterion: Criterion;
  top: number;
  maxOrder: MaxOrder;
  sparseThreshold: number;
  minObserved: number;
}

function resolveOptions(k: number, options: MseOptions): ResolvedOptions {
  const criterion = options.criterion ?? 'bic';
  if (criterion !== 'aic' && criterion !== 'bic') {
    throw new AppError(
      'invalid_input',
      `unknown criterion "${String(criterion)}"; fix: use "aic" or "bic"`,
    );
  }
  const top = options.top ?? DEFAULT_TOP;
  if (!(top >= 1) || (!Number.isInteger(top) && top !== Number.POSITIVE_INFINITY)) {
    throw new AppError('invalid_input', `top must be a whole number ≥ 1 (or Infinity), not ${top}`);
  }
  const maxOrder = options.maxOrder ?? (k <= MAX_LISTS_FOR_THREE_WAY ? 3 : 2);
  if (maxOrder !== 2 && maxOrder !== 3) {
    throw new AppError('invalid_input', `maxOrder must be 2 or 3, not ${String(maxOrder)}`);
  }
  return {
    criterion,
    top,
    maxOrder,
    sparseThreshold: options.sparseThreshold ?? DEFAULT_SPARSE_THRESHOLD,
    minObserved: options.minObserved ?? DEFAULT_MIN_OBSERVED,
  };
}

const PROGRESS_EVERY = 1024;

interface SearchScores {
  status: FitStatus[];
  aic: Float64Array;
  bic: Float64Array;
  N: Float64Array;
}

function searchModels(
  fitter: LogLinearFitter,
  models: LogLinearModel[],
  options: MseOptions,
): SearchScores {
  const total = models.length;
  const scores: SearchScores = {
    status: new Array<FitStatus>(total),
    aic: new Float64Array(total).fill(Number.NaN),
    bic: new Float64Array(total).fill(Number.NaN),
    N: new Float64Array(total).fill(Number.NaN),
  };
  // Consecutive models differ by one term (model-space.ts), so the previous estimate, with the
  // new term at 0, is a start one or two Newton steps closer than glm's default start.
  const byMask = new Float64Array(fitter.cells);
  const start = new Float64Array(fitter.cells);
  let previous: Int32Array | null = null;
  models.forEach((model, i) => {
    let fit: LogLinearFit | null = null;
    if (previous !== null) {
      for (let j = 0; j < model.terms.length; j++) start[j] = byMask[model.terms[j] ?? 0] ?? 0;
      fit = fitter.fit(model.terms, { start });
      // A warm start must never change the answer: on any failure, refit from glm's start.
      if (fit.status !== 'ok') fit = null;
    }
    fit ??= fitter.fit(model.terms);
    if (previous !== null) for (const t of previous) byMask[t] = 0;
    previous = null;
    if (fit.status === 'ok') {
      for (let j = 0; j < model.terms.length; j++) byMask[model.terms[j] ?? 0] = fit.beta[j] ?? 0;
      previous = model.terms;
    }
    scores.status[i] = fit.status;
    if (fit.status === 'ok') {
      const fig = modelFigures(fit, model.terms.length, fitter.nObserved);
      scores.aic[i] = fig.aic;
      scores.bic[i] = fig.bic;
      scores.N[i] = fig.N;
    }
    if (options.onProgress && ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === total)) {
      options.onProgress(i + 1, total);
    }
  });
  return scores;
}

/** Model indices with an estimate, best first; ties go to the smaller model, then the earlier. */
function rankBy(scores: SearchScores, models: LogLinearModel[], key: Criterion): number[] {
  const values = scores[key];
  const ranked: number[] = [];
  for (let i = 0; i < models.length; i++)
    if (scores.status[i] === 'ok' && Number.isFinite(values[i] ?? NaN)) ranked.push(i);
  ranked.sort(
    (a, b) =>
      (values[a] ?? 0) - (values[b] ?? 0) ||
      (models[a]?.terms.length ?? 0) - (models[b]?.terms.length ?? 0) ||
      a - b,
  );
  return ranked;
}

function globalWarnings(
  cells: CellCounts,
  pairs: PairEstimate[],
  opts: ResolvedOptions,
): ModelWarning[] {
  const out: ModelWarning[] = [];
  if (cells.nObserved < opts.minObserved) {
    out.push(
      warning(
        'few_observed',
        { count: cells.nObserved, min: opts.minObserved },
        `only ${cells.nObserved} people observed (fewer than ${opts.minObserved}): any estimate from so few is unreliable`,
      ),
    );
  }
  cells.lists.forEach((name, i) => {
    let total = 0;
    for (let c = 1; c < cells.counts.length; c++) if (c & (1 << i)) total += cells.counts[c] ?? 0;
    if (total === 0)
      out.push(
        warning(
          'empty_list',
          { list: name },
          `list ${name} records nobody: no model can be estimated with it; remove it`,
        ),
      );
  });
  for (const p of pairs) {
    if (p.n1 === 0 || p.n2 === 0) continue;
    const [a, b] = p.lists;
    if (p.m === 0) {
      out.push(
        warning(
          'no_overlap',
          { a, b },
          `lists ${a} and ${b} have nobody in common: models with the ${a}:${b} interaction have no estimate and the two-list estimate is infinite`,
        ),
      );
    } else if (p.m < opts.sparseThreshold) {
      out.push(
        warning(
          'little_overlap',
          { a, b, count: p.m },
          `lists ${a} and ${b} barely overlap (${p.m} in common): estimates that lean on their overlap are unstable`,
        ),
      );
    }
  }
  return out;
}

/**
 * Multiple systems estimation over every hierarchical log-linear model of the search space
 * (see model-space.ts), ranked by AIC and BIC, with two-list estimates and Chao's lower bound.
 * Throws AppError('invalid_input') for a malformed table; a model without an estimate is
 * reported in the result, never thrown.
 */
export function estimateMse(table: OverlapTable, options: MseOptions = {}): MseResult {
  const cells = toCellCounts(table);
  const opts = resolveOptions(cells.k, options);
  const fitter = new LogLinearFitter(cells.counts);
  const models = enumerateModels(cells.k, opts.maxOrder);
  const scores = searchModels(fitter, models, options);

  const byAic = rankBy(scores, models, 'aic');
  const byBic = rankBy(scores, models, 'bic');
  const ranked = opts.criterion === 'aic' ? byAic : byBic;
  const unranked: number[] = [];
  for (let i = 0; i < models.length; i++) if (scores.status[i] !== 'ok') unranked.push(i);
  const order = [...ranked, ...unranked];
  const position = new Map(order.map((modelIndex, pos) => [modelIndex, pos]));

  // Model 0 of the enumeration is the independence model.
  const chosen = new Set(order.slice(0, Math.min(opts.top, order.length)));
  for (const extra of [0, byAic[0], byBic[0]]) if (extra !== undefined) chosen.add(extra);
  const returned = [...chosen].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));

  const report = { interval: true, sparseThreshold: opts.sparseThreshold };
  const out: MseModel[] = returned.map((i) =>
    reportModel(fitter, models[i] as LogLinearModel, cells.lists, report),
  );
  const refOf = (modelIndex: number | undefined): BestModelRef | null => {
    if (modelIndex === undefined) return null;
    const index = returned.indexOf(modelIndex);
    return { index, terms: out[index]?.terms ?? [] };
  };
  const best = { aic: refOf(byAic[0]), bic: refOf(byBic[0]) };

  // From the reported models rather than the search scores, so that the spread and the models
  // shown agree to the last digit (the search starts each fit elsewhere).
  const topN = ranked
    .slice(0, Math.min(opts.top, ranked.length))
    .map((i) => out[returned.indexOf(i)]?.N ?? NaN);
  const spread =
    topN.length > 0
      ? { models: topN.length, minN: Math.min(...topN), maxN: Math.max(...topN) }
      : null;

  const withoutEstimate: MseResult['search']['withoutEstimate'] = {};
  for (const s of scores.status) if (s !== 'ok') withoutEstimate[s] = (withoutEstimate[s] ?? 0) + 1;

  const pairs = pairwiseEstimatesFromCounts(cells);
  const warnings = globalWarnings(cells, pairs, opts);
  if (ranked.length === 0) {
    warnings.push(
      warning(
        'no_model_estimate',
        {},
        "no model has an estimate: every model lacks a maximum-likelihood estimate for these counts (see the models' warnings)",
      ),
    );
  }
  return {
    lists: cells.lists,
    nObserved: cells.nObserved,
    models: out,
    best,
    selected: opts.criterion === 'aic' ? best.aic : best.bic,
    spread,
    pairs,
    chao: chaoLowerBoundFromCounts(cells),
    search: {
      maxOrder: opts.maxOrder,
      modelsSearched: models.length,
      modelsWithEstimate: ranked.length,
      withoutEstimate,
      criterion: opts.criterion,
      top: Math.min(opts.top, ranked.length),
    },
    ...splitWarnings(warnings),
  };
}

export interface FitModelOptions {
  /** Compute the profile-likelihood interval (default true). */
  interval?: boolean;
  sparseThreshold?: number;
}

/**
 * Fits one model given by its terms ("A:B", …; main effects are added, the model must be
 * hierarchical), e.g. a model an analyst chose; the same report as each model of a search.
 */
export function fitMseModel(
  table: OverlapTable,
  terms: readonly string[],
  options: FitModelOptions = {},
): MseModel {
  const cells = toCellCounts(table);
  const model = parseModel(terms, cells.lists);
  return reportModel(new LogLinearFitter(cells.counts), model, cells.lists, {
    interval: options.interval ?? true,
    sparseThreshold: options.sparseThreshold ?? DEFAULT_SPARSE_THRESHOLD,
  });
}
