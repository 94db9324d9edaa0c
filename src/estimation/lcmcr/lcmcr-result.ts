import { toCellCounts } from '../overlap-table.js';
import {
  diagnose,
  MIN_ESS,
  RHAT_LIMIT,
  summarise,
  type ChainDiagnostics,
  type PosteriorSummary,
} from './posterior-summary.js';
import {
  historiesOf,
  type CaptureHistories,
  type LcmcrChain,
  type LcmcrSettings,
} from './sampler.js';

export interface LcmcrWarning {
  code: 'not_converged' | 'bound_reached' | 'classes_exhausted';
  message: string;
}

export interface HistogramBin {
  from: number;
  to: number;
  draws: number;
}

export interface LcmcrResult {
  method: 'lcmcr';
  lists: string[];
  nObserved: number;
  settings: Omit<LcmcrSettings, 'seed'> & { chains: number; seeds: number[] };
  N: PosteriorSummary;
  diagnostics: ChainDiagnostics;
  /** The posterior of N in about 40 bins, for a histogram. */
  histogram: HistogramBin[];
  /** Kept draws where every latent class held someone: K may be too small. */
  classesExhaustedShare: number;
  warnings: LcmcrWarning[];
}

/** The observed histories of an overlap table (`{lists, histories}`), checked. */
export function lcmcrInput(table: unknown): { lists: string[]; data: CaptureHistories } {
  const cells = toCellCounts(table);
  return { lists: cells.lists, data: historiesOf(cells.k, cells.counts) };
}

function histogram(draws: Float64Array, bins = 40): HistogramBin[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of draws) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  if (!Number.isFinite(lo)) return [];
  const width = Math.max(1, Math.ceil((hi - lo + 1) / bins));
  const out: HistogramBin[] = [];
  for (let from = lo; from <= hi; from += width) out.push({ from, to: from + width - 1, draws: 0 });
  for (const x of draws) {
    const bin = out[Math.floor((x - lo) / width)];
    if (bin) bin.draws++;
  }
  return out;
}

/** Pools the chains into the posterior of N and says how far to trust it. */
export function combineChains(
  lists: string[],
  data: CaptureHistories,
  settings: Omit<LcmcrSettings, 'seed'>,
  chains: LcmcrChain[],
): LcmcrResult {
  const nObserved = data.counts.reduce((a, b) => a + b, 0);
  const pooled = new Float64Array(chains.reduce((s, c) => s + c.n.length, 0));
  let at = 0;
  for (const c of chains) {
    pooled.set(c.n, at);
    at += c.n.length;
  }
  const N = summarise(pooled);
  const diagnostics = diagnose(chains.map((c) => c.n));
  const bound = nObserved * (1 + settings.maxUnobservedFactor);
  let atBound = 0;
  for (const x of pooled) if (x >= bound * 0.99) atBound++;
  let full = 0;
  let kept = 0;
  for (const c of chains)
    for (const k of c.classes) {
      kept++;
      if (k >= settings.k) full++;
    }
  const classesExhaustedShare = kept === 0 ? 0 : full / kept;

  const warnings: LcmcrWarning[] = [];
  if (!diagnostics.converged)
    warnings.push({
      code: 'not_converged',
      message:
        chains.length < 2
          ? 'one chain cannot show convergence: run two or more (--chains)'
          : `the chains disagree (R-hat ${diagnostics.rhat.toFixed(3)}, limit ${RHAT_LIMIT}) or too few independent draws (ESS ${Math.round(diagnostics.ess)}, at least ${MIN_ESS}): do not quote this figure; run longer (--burnin, --samples) and check again`,
    });
  if (atBound > pooled.length * 0.01)
    warnings.push({
      code: 'bound_reached',
      message: `${((100 * atBound) / pooled.length).toFixed(1)}% of draws reach the bound of ${settings.maxUnobservedFactor + 1}× the observed: the lists overlap too little for this model to say how many were missed`,
    });
  if (classesExhaustedShare > 0.05)
    warnings.push({
      code: 'classes_exhausted',
      message: `every one of the ${settings.k} latent classes is in use in ${(100 * classesExhaustedShare).toFixed(0)}% of draws: raise --k`,
    });
  return {
    method: 'lcmcr',
    lists,
    nObserved,
    settings: { ...settings, chains: chains.length, seeds: chains.map((c) => c.seed) },
    N,
    diagnostics,
    histogram: histogram(pooled),
    classesExhaustedShare,
    warnings,
  };
}
