export { runLcmcrChain, historiesOf, LCMCR_DEFAULTS } from './sampler.js';
export type { CaptureHistories, LcmcrChain, LcmcrSettings, SweepProgress } from './sampler.js';
export { combineChains, lcmcrInput } from './lcmcr-result.js';
export type { HistogramBin, LcmcrResult, LcmcrWarning } from './lcmcr-result.js';
export { independencePosterior } from './independence-posterior.js';
export type { ExactPosterior } from './independence-posterior.js';
export { diagnose, summarise, quantile, RHAT_LIMIT, MIN_ESS } from './posterior-summary.js';
export type { ChainDiagnostics, PosteriorSummary } from './posterior-summary.js';
