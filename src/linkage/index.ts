/**
 * The record-linkage engine: block → compare → estimate (Fellegi–Sunter with EM) →
 * cluster. Pure: records in, clusters out; progress through `onProgress`.
 */
export type { BirthValue, LinkRecord, NameValue, ReviewDecision, Sex } from './link-record.js';
export {
  RecordColumnsBuilder,
  compileColumns,
  compileRecords,
  mergeRecordColumns,
} from './compile-records.js';
export type {
  CompiledRecords,
  InternedNames,
  NameColumn,
  RecordColumns,
  RecordFields,
} from './compile-records.js';
export { jaroWinkler } from './jaro-winkler.js';
export {
  FIELDS,
  LEVELS,
  comparePair,
  describePattern,
  isHardConflict,
  levelOf,
} from './compare-records.js';
export type { FieldName } from './compare-records.js';
export {
  DEFAULT_BLOCKING_OPTIONS,
  DEFAULT_BLOCKING_RULES,
  buildBlocks,
  buildRuleBlocks,
} from './blocking.js';
export type { BlockingOptions, BlockingPart, BlockingRule, RuleBlocks } from './blocking.js';
export { findCandidatePairs, mergeCandidatePairs } from './candidate-pairs.js';
export type { CandidateOptions, CandidatePairs } from './candidate-pairs.js';
export {
  estimateParameters,
  estimateRandomU,
  levelWeights,
  matchProbability,
  pairWeights,
  patternHistogram,
  patternWeight,
  termFrequencyAdjustment,
} from './estimate-parameters.js';
export type { EmOptions, EmReport, FsParameters } from './estimate-parameters.js';
export { REVIEW_REASONS, clusterPairs } from './cluster-pairs.js';
export type {
  ClusterOptions,
  Clustering,
  IndexDecision,
  IndexReviewPair,
  ReviewReason,
} from './cluster-pairs.js';
export { candidatePairsOf, linkCompiled, linkRecords, randomPairU } from './link-records.js';
export type {
  LevelParameters,
  LinkOptions,
  LinkParameters,
  LinkResult,
  LinkStats,
  ReviewPair,
} from './link-records.js';
export { evaluateLinkage } from './evaluate-linkage.js';
export type { LinkageEvaluation, PairwiseScores } from './evaluate-linkage.js';
