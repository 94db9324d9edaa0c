import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { loadClaims } from '../claims/index.js';
import { loadExchanges } from '../exchanges/index.js';
import { checkConsistency, type CheckOptions } from './check-consistency.js';
import type { Finding } from './finding.js';
import { groupFindings, type FindingGroup } from './finding-groups.js';

export interface CheckReport {
  tolerance: number;
  exchangesChecked: number;
  claimsChecked: number;
  /** Every finding, in the order of the rules (kept for clients that read the flat list). */
  findings: Finding[];
  /** The same findings grouped by cause, the largest group and the newest first. */
  groups: FindingGroup[];
}

export async function runChecks(db: Kysely<Database>, options: CheckOptions): Promise<CheckReport> {
  const [exchanges, claims] = await Promise.all([loadExchanges(db), loadClaims(db)]);
  const findings = checkConsistency(exchanges, claims, options);
  return {
    tolerance: options.tolerance,
    exchangesChecked: exchanges.length,
    claimsChecked: claims.length,
    findings,
    groups: groupFindings(findings),
  };
}
