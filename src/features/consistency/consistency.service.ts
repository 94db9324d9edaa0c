import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { loadClaims } from '../claims/index.js';
import { loadExchanges } from '../exchanges/index.js';
import { checkConsistency, type CheckOptions } from './check-consistency.js';
import type { Finding } from './finding.js';

export interface CheckReport {
  tolerance: number;
  exchangesChecked: number;
  claimsChecked: number;
  findings: Finding[];
}

export async function runChecks(db: Kysely<Database>, options: CheckOptions): Promise<CheckReport> {
  const [exchanges, claims] = await Promise.all([loadExchanges(db), loadClaims(db)]);
  return {
    tolerance: options.tolerance,
    exchangesChecked: exchanges.length,
    claimsChecked: claims.length,
    findings: checkConsistency(exchanges, claims, options),
  };
}
