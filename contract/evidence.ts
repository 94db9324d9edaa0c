import { z } from 'zod';
import { Finding } from './claims.js';

/**
 * One exchange, body repatriation or official figure typed into the workspace form: the
 * cells of one row of exchanges.csv or claims.csv, checked by the same schema as the import.
 */
export const NewEvidenceRow = z.object({
  row: z.record(z.string().max(64), z.string().max(20_000)),
});

export const EvidenceAdded = z.object({
  kind: z.enum(['exchanges', 'claims']),
  id: z.string(),
  /** Consistency findings that cite the new row, as `polon check` now reports them. */
  findings: z.array(Finding),
});

/**
 * The choices the workspace form offers. The importer takes its returned-qualifier list from
 * here; the exchange kinds less `bodies` are the importer's, kept equal by a test.
 */
export const FORM_EXCHANGE_KINDS = ['exchange', 'stage', 'group_total', 'local_swap'] as const;
export const FORM_RETURNED_QUALIFIERS = [
  'exact',
  'approx',
  'more_than',
  'at_least',
  'derived',
  'not_disclosed',
  'unknown',
] as const;
export const FORM_CLAIM_UNITS = ['people', 'exchanges', 'bodies', 'facilities', 'share'] as const;
export const FORM_CLAIM_QUALIFIERS = ['exact', 'approx', 'more_than', 'at_least'] as const;
