import type { Claim } from '../claims/index.js';
import type { Exchange } from '../exchanges/index.js';
import { claimBreakdownFindings, claimDisagreementFindings } from './claim-checks.js';
import { claimsVsRecordsFindings } from './claims-vs-records.js';
import {
  duplicateFindings,
  exchangeBreakdownFindings,
  groupTotalFindings,
} from './exchange-checks.js';
import type { Finding } from './finding.js';

export interface CheckOptions {
  /** Relative tolerance for approx figures (METHODS.md default ±5%). */
  tolerance: number;
}

/** Every consistency rule over the evidence; pure, so it runs the same from the CLI and the API. */
export function checkConsistency(
  exchanges: Exchange[],
  claims: Claim[],
  options: CheckOptions,
): Finding[] {
  const t = options.tolerance;
  return [
    ...exchangeBreakdownFindings(exchanges, t),
    ...groupTotalFindings(exchanges, t),
    ...duplicateFindings(exchanges),
    ...claimBreakdownFindings(claims, t),
    ...claimDisagreementFindings(claims, t),
    ...claimsVsRecordsFindings(claims, exchanges, t),
  ];
}
