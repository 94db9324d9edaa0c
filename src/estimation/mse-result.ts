import type { ChaoEstimate } from './chao-lower-bound.js';
import type { FitStatus } from './log-linear-fit.js';
import type { MaxOrder } from './model-space.js';
import type { PairEstimate } from './pairwise-estimates.js';

/** The output of `polon estimate mse`, as DESIGN.md fixes it, with a few added fields. */

export type Criterion = 'aic' | 'bic';

/**
 * What limits a model or an estimate, by a stable code the workspace words in the reader's
 * language (the English `warnings` stay for the command line and the API). Parameters are
 * list names, terms and counts. test/codes-translated.test.ts reads this list.
 */
export const MODEL_WARNING_CODES = [
  'zero_margin',
  'diverged',
  'fit_not_converged',
  'too_many_parameters',
  'rank_deficient',
  'sparse_term',
  'saturated',
  'no_profile_interval',
  'upper_beyond_search',
  'no_upper_limit',
  'lower_is_observed',
  'few_observed',
  'empty_list',
  'no_overlap',
  'little_overlap',
  'no_model_estimate',
  'stratum_no_estimate',
  'stratum_no_upper_limit',
] as const;
export type ModelWarningCode = (typeof MODEL_WARNING_CODES)[number];

/** A warning by its code and parameters, beside the English sentence in `warnings`. */
export interface WarningCode {
  code: ModelWarningCode;
  params: Record<string, string | number>;
  /** Set when the warning is about one stratum of a stratified estimate. */
  stratum?: string;
}

/** A warning in English and by its code, as the engine makes it. */
export interface ModelWarning extends WarningCode {
  message: string;
}

export const warning = (
  code: ModelWarningCode,
  params: Record<string, string | number>,
  message: string,
): ModelWarning => ({ code, params, message });

/** The English sentences and the codes of a list of warnings, as results carry them. */
export const splitWarnings = (
  list: readonly ModelWarning[],
): { warnings: string[]; warningCodes: WarningCode[] } => ({
  warnings: list.map((w) => w.message),
  warningCodes: list.map(({ message: _, ...coded }) => coded),
});

export interface MseModel {
  /** Main effects and interactions, "A", "A:B"; the intercept is implicit. */
  terms: string[];
  deviance: number | null;
  /** Observable histories (2^k − 1) minus parameters. */
  df: number;
  /** R glm's AIC: −2 log L + 2 p, log L including the −log(y!) terms. */
  aic: number | null;
  /** Rcapture's BIC: AIC + (log n − 2) p, n = number of people observed. */
  bic: number | null;
  /** exp(intercept): the expected number of people on no list. */
  unobserved: number | null;
  N: number | null;
  /** √(e^b0 + e^(2 b0) Var b0) (Rcapture). */
  se: number | null;
  /**
   * Rcapture closedpCI profile-likelihood interval; an end is null when it could not be
   * found (the upper one beyond 3 × N); the whole interval is null when N is.
   */
  ci95: [number | null, number | null] | null;
  warnings: string[];
  /** `warnings` in the same order, by code and parameters. */
  warningCodes: WarningCode[];
  nParams: number;
  status: FitStatus;
  /** Maximiser of the multinomial profile likelihood (closedpCI's point estimate). */
  nProfileMax: number | null;
}

export interface BestModelRef {
  /** Position in `models`. */
  index: number;
  terms: string[];
}

export interface MseSearchSummary {
  maxOrder: MaxOrder;
  modelsSearched: number;
  modelsWithEstimate: number;
  /** Models without an estimate, by reason. */
  withoutEstimate: Partial<Record<Exclude<FitStatus, 'ok'>, number>>;
  criterion: Criterion;
  /** How many top models with an estimate `models` holds (besides the independence model). */
  top: number;
}

export interface MseResult {
  lists: string[];
  nObserved: number;
  /**
   * The top models by the selection criterion (lowest first), then the independence model
   * and the best models by AIC and BIC if they are not among them; models without an
   * estimate rank after all models with one.
   */
  models: MseModel[];
  best: { aic: BestModelRef | null; bic: BestModelRef | null };
  /** The model chosen by the criterion (BIC unless asked otherwise). */
  selected: BestModelRef | null;
  /** Range of N over the top models: model choice is usually the largest uncertainty. */
  spread: { models: number; minN: number; maxN: number } | null;
  pairs: PairEstimate[];
  chao: ChaoEstimate;
  search: MseSearchSummary;
  warnings: string[];
  /** `warnings` in the same order, by code and parameters. */
  warningCodes: WarningCode[];
}
