import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { auditHash, GENESIS } from './audit.repository.js';

export interface AuditProblem {
  seq: number;
  kind: 'changed' | 'chain_broken';
  message: string;
}

export interface AuditVerification {
  rows: number;
  ok: boolean;
  /** The newest hash: note it somewhere else, and a later verify also proves nothing was cut off the end. */
  headHash: string;
  headSeq: number | null;
  problems: AuditProblem[];
}

/**
 * Walks the audit log in order: every row's hash must match its content, and every row must
 * name the previous row's hash. A changed row fails the first test; a removed or inserted
 * row breaks the second at the row after it.
 */
export async function verifyAudit(db: Kysely<Database>): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let prev = GENESIS;
  let rows = 0;
  let headSeq: number | null = null;
  let after = -1;
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(5000)
      .execute();
    if (batch.length === 0) break;
    for (const r of batch) {
      const seq = Number(r.seq);
      rows++;
      if (r.prev_hash !== prev) {
        problems.push({
          seq,
          kind: 'chain_broken',
          message: `the chain breaks before row ${seq}: a row before it was removed, inserted or rewritten`,
        });
      }
      const expected = auditHash(
        r.prev_hash,
        r.at,
        { actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id },
        r.details,
      );
      if (expected !== r.hash) {
        problems.push({
          seq,
          kind: 'changed',
          message: `row ${seq} was changed: its content (${r.action} ${r.entity} by ${r.actor} at ${r.at}) no longer matches its hash`,
        });
      }
      prev = r.hash;
      headSeq = seq;
      after = seq;
    }
  }
  return { rows, ok: problems.length === 0, headHash: prev, headSeq, problems };
}
