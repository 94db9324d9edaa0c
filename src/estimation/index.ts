/**
 * The estimation engine's public door. Pure: overlap tables in, estimates out; no files,
 * database, logging or environment.
 */
export { estimateMse, fitMseModel, DEFAULT_TOP } from './mse-estimate.js';
export type { MseOptions, FitModelOptions } from './mse-estimate.js';
export { MODEL_WARNING_CODES } from './mse-result.js';
export type {
  BestModelRef,
  Criterion,
  ModelWarningCode,
  MseModel,
  MseResult,
  MseSearchSummary,
  WarningCode,
} from './mse-result.js';
export { estimateStrata, STRATA_INTERVAL_METHOD } from './strata.js';
export type { Stratum, StratumEstimate, StrataResult, StrataTotal } from './strata.js';
export { validateOverlapTable, MIN_LISTS, MAX_LISTS } from './overlap-table.js';
export type { OverlapTable, OverlapTableProblem } from './overlap-table.js';
export { pairwiseEstimates } from './pairwise-estimates.js';
export type { PairEstimate } from './pairwise-estimates.js';
export { chaoLowerBound } from './chao-lower-bound.js';
export type { ChaoEstimate } from './chao-lower-bound.js';
export { FIT_STATUSES, type FitStatus } from './log-linear-fit.js';
export type { MaxOrder } from './model-space.js';
export { enteredOn, leftOn } from './captivity-timeline.js';
export type {
  CaptivityEventKind,
  CaptivityTimeline,
  DatedEvent,
  DetentionEpisode,
} from './captivity-timeline.js';
export { monthEnds, stockFlow } from './stock-flow.js';
export type { StockFlow, StockPoint } from './stock-flow.js';
export { whereabouts } from './whereabouts.js';
export type {
  FacilityWhereabouts,
  OccupancyInput,
  PersonWhereabouts,
  WhereaboutsResult,
  WhereaboutsStatus,
} from './whereabouts.js';
export { mergeTimelines } from './merge-timelines.js';
export {
  runLcmcrChain,
  combineChains,
  lcmcrInput,
  independencePosterior,
  LCMCR_DEFAULTS,
} from './lcmcr/index.js';
export type {
  CaptureHistories,
  LcmcrChain,
  LcmcrResult,
  LcmcrSettings,
  LcmcrWarning,
  SweepProgress,
} from './lcmcr/index.js';
