import type { LogLinearFit, LogLinearFitter } from './log-linear-fit.js';
import { modelTermNames, popcount, termName } from './model-space.js';
import type { LogLinearModel } from './model-space.js';
import { splitWarnings, warning, type ModelWarning, type MseModel } from './mse-result.js';
import { profileInterval, UPPER_SEARCH_FACTOR } from './profile-interval.js';
import type { ProfileInterval } from './profile-interval.js';

/** Turns one fitted model into its published form: numbers only where they are estimates. */

export interface ReportOptions {
  /** Compute the profile interval (about 60 refits); the search skips it for unreturned models. */
  interval: boolean;
  /** A term observed on fewer people than this gets a warning. */
  sparseThreshold: number;
}

export interface ModelFigures {
  deviance: number;
  aic: number;
  bic: number;
  unobserved: number;
  N: number;
  se: number;
}

/**
 * The figures of a converged fit, Rcapture's conventions: N = n + e^b0,
 * se = √(e^b0 + e^(2 b0) Var b0), AIC as R's glm, BIC = AIC + (log n − 2) p.
 */
export function modelFigures(fit: LogLinearFit, nParams: number, nObserved: number): ModelFigures {
  const b0 = fit.beta[0] ?? Number.NaN;
  const unobserved = Math.exp(b0);
  const aic = -2 * fit.logLik + 2 * nParams;
  return {
    deviance: fit.deviance,
    aic,
    bic: aic + (Math.log(nObserved) - 2) * nParams,
    unobserved,
    N: nObserved + unobserved,
    se: Math.sqrt(unobserved + unobserved * unobserved * fit.varIntercept),
  };
}

function statusWarning(
  fit: LogLinearFit,
  model: LogLinearModel,
  lists: readonly string[],
  nCells: number,
): ModelWarning | null {
  switch (fit.status) {
    case 'ok':
      return null;
    case 'zero_margin': {
      const names = fit.zeroMarginTerms.map((t) => termName(t, lists)).join(', ');
      return warning(
        'zero_margin',
        { terms: names },
        `no estimate: nobody is observed on every list of ${names} (zero margin), so the maximum-likelihood estimate does not exist (that coefficient would be −∞); drop the term or choose another model`,
      );
    }
    case 'diverged':
      return warning(
        'diverged',
        {},
        'no estimate: the coefficients diverge (the counts lie on the boundary of this model, usually because of empty cells it cannot fit), so the maximum-likelihood estimate does not exist',
      );
    case 'not_converged':
      return warning('fit_not_converged', {}, 'no estimate: the fit did not converge');
    case 'not_identifiable':
      return model.terms.length > nCells
        ? warning(
            'too_many_parameters',
            { count: model.terms.length, histories: nCells },
            `no estimate: not identifiable, ${model.terms.length} parameters for ${nCells} observable histories`,
          )
        : warning(
            'rank_deficient',
            {},
            'no estimate: rank deficient (the information matrix is singular), the parameters are not identifiable from these counts',
          );
  }
}

function sparseWarnings(
  model: LogLinearModel,
  lists: readonly string[],
  margins: Float64Array,
  threshold: number,
): ModelWarning[] {
  const out: ModelWarning[] = [];
  for (const t of model.terms) {
    if (t === 0) continue;
    const m = margins[t] ?? 0;
    if (m > 0 && m < threshold) {
      const where =
        popcount(t) === 1
          ? `on list ${termName(t, lists)}`
          : `on all of ${termName(t, lists).split(':').join(', ')}`;
      out.push(
        warning(
          'sparse_term',
          { term: termName(t, lists), count: m },
          `term ${termName(t, lists)} rests on ${m} ${m === 1 ? 'person' : 'people'} ${where}: its coefficient, and N, are fragile`,
        ),
      );
    }
  }
  return out;
}

function intervalWarnings(ci: ProfileInterval, n: number, bigN: number): ModelWarning[] {
  const out: ModelWarning[] = [];
  if (ci.nProfileMax === null) {
    out.push(
      warning(
        'no_profile_interval',
        {},
        'the profile-likelihood interval could not be computed (refits failed)',
      ),
    );
    return out;
  }
  if (ci.upper === null) {
    const limit = Math.round(UPPER_SEARCH_FACTOR * bigN);
    out.push(
      ci.upperBeyondSearch
        ? warning(
            'upper_beyond_search',
            { factor: UPPER_SEARCH_FACTOR, limit },
            `the upper 95% limit lies beyond ${UPPER_SEARCH_FACTOR} × N (${limit}): the data do not bound N from above under this model`,
          )
        : warning('no_upper_limit', {}, 'the upper 95% limit could not be found'),
    );
  }
  if (ci.lower === n) {
    out.push(
      warning(
        'lower_is_observed',
        {},
        'the lower 95% limit is the number observed: the likelihood does not exclude that nobody was missed',
      ),
    );
  }
  return out;
}

export function reportModel(
  fitter: LogLinearFitter,
  model: LogLinearModel,
  lists: readonly string[],
  options: ReportOptions,
): MseModel {
  const nCells = fitter.cells - 1;
  const nParams = model.terms.length;
  const fit = fitter.fit(model.terms);
  const base: MseModel = {
    terms: modelTermNames(model, lists),
    deviance: null,
    df: nCells - nParams,
    aic: null,
    bic: null,
    unobserved: null,
    N: null,
    se: null,
    ci95: null,
    warnings: [],
    warningCodes: [],
    nParams,
    status: fit.status,
    nProfileMax: null,
  };
  const problem = statusWarning(fit, model, lists, nCells);
  if (problem !== null) return { ...base, ...splitWarnings([problem]) };

  const fig = modelFigures(fit, nParams, fitter.nObserved);
  const warnings = sparseWarnings(model, lists, fitter.margins, options.sparseThreshold);
  if (base.df === 0) {
    warnings.push(
      warning(
        'saturated',
        {},
        'saturated in the observed histories (df = 0): the model reproduces the counts exactly, so its fit cannot be checked and N rests only on the assumption that the highest-order interaction is absent',
      ),
    );
  }
  let ci95: MseModel['ci95'] = null;
  let nProfileMax: number | null = null;
  if (options.interval) {
    const ci = profileInterval(fitter, model.terms, Float64Array.from(fit.beta), fig.N);
    ci95 = ci.nProfileMax === null ? null : [ci.lower, ci.upper];
    nProfileMax = ci.nProfileMax;
    warnings.push(...intervalWarnings(ci, fitter.nObserved, fig.N));
  }
  return { ...base, ...fig, ci95, nProfileMax, ...splitWarnings(warnings) };
}
