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
