import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { auditHash, GENESIS, metaSeal, rowSeal } from './audit.repository.js';
import { personalTablesWithRows } from './audit-evidence.repository.js';

export interface AuditProblem {
  /** The row concerned; 0 for the log as a whole. */
  seq: number;
  kind: 'changed' | 'chain_broken' | 'gap' | 'truncated' | 'emptied' | 'unsealed' | 'not_in_chain';
  message: string;
}

export interface AuditVerification {
  rows: number;
  ok: boolean;
  /** The newest hash: note it somewhere else, and a later verify also proves nothing was cut off the end. */
  headHash: string;
  headSeq: number | null;
  /** Rows carrying a valid seal of POLON_AUDIT_KEY (0 when verified without the key). */
  sealed: number;
  problems: AuditProblem[];
}

/** A head hash kept elsewhere (`--expect HASH[@SEQ]`): it must still be in the chain. */
export interface ExpectedHead {
  hash: string;
  seq?: number | undefined;
}

export interface VerifyOptions {
  /** POLON_AUDIT_KEY: rows must carry its seal once sealing began, and the head must. */
  key?: string | undefined;
  expect?: readonly ExpectedHead[];
}

/**
 * Walks the audit log in order: every row's hash must match its content, and every row must
 * name the previous row's hash. A changed row fails the first test; a removed or inserted
 * row breaks the second at the row after it. Rows cut off the end show as a gap in seq at
 * the next write, or as fewer rows than `audit_meta` counts; a recomputed chain lacks the
 * seals of the audit key, and loses the heads kept elsewhere.
 */
export async function verifyAudit(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const { key } = options;
  const problems: AuditProblem[] = [];
  const meta = await db.selectFrom('audit_meta').selectAll().executeTakeFirst();
  const gapsFrom = Number(meta?.gaps_from ?? Number.MAX_SAFE_INTEGER);
  const wanted = new Map<number | undefined, ExpectedHead[]>();
  for (const e of options.expect ?? []) wanted.set(e.seq, [...(wanted.get(e.seq) ?? []), e]);
  const found = new Set<ExpectedHead>();
  let prev = GENESIS;
  let rows = 0;
  let sealed = 0;
  let headSeq: number | null = null;
  let headSealed = false;
  let sealingBegan = false;
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
      const expectedSeq: number = (headSeq ?? 0) + 1;
      if (seq !== expectedSeq && seq > gapsFrom) {
        problems.push({
          seq,
          kind: 'gap',
          message: `rows ${expectedSeq}–${seq - 1} are missing before row ${seq}: rows were cut off the end and the log written on`,
        });
      }
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
      if (key) {
        headSealed = r.mac !== null && r.mac === rowSeal(key, seq, r.hash);
        if (headSealed) sealed++;
        if (r.mac !== null && !headSealed)
          problems.push({
            seq,
            kind: 'unsealed',
            message: `row ${seq} carries a seal that POLON_AUDIT_KEY did not make: the row or the chain up to it was rewritten (or the key is not the one the log was sealed with)`,
          });
        else if (r.mac === null && sealingBegan)
          problems.push({
            seq,
            kind: 'unsealed',
            message: `row ${seq} has no seal though rows before it have: it was written by someone without POLON_AUDIT_KEY`,
          });
        sealingBegan ||= r.mac !== null;
      }
      for (const e of [...(wanted.get(seq) ?? []), ...(wanted.get(undefined) ?? [])])
        if (e.hash === r.hash) found.add(e);
      prev = r.hash;
      headSeq = seq;
      after = seq;
    }
  }
  checkCount(problems, meta, rows, headSeq, prev);
  if (rows === 0 && !meta) {
    const tables = await personalTablesWithRows(db);
    if (tables.length > 0)
      problems.push({
        seq: 0,
        kind: 'emptied',
        message: `the audit log is empty, but ${tables.join(', ')} hold rows, which are only written with an audit row: the log was deleted`,
      });
  }
  if (key && rows > 0 && !headSealed) {
    problems.push({
      seq: headSeq ?? 0,
      kind: 'unsealed',
      message: sealingBegan
        ? `the newest row (${headSeq}) has no valid seal of POLON_AUDIT_KEY: the chain was recomputed or written on without the key`
        : 'no row carries a seal of POLON_AUDIT_KEY: run `polon audit seal` once after setting the key; if you did, the seals were stripped and the chain recomputed',
    });
  }
  if (key && meta && sealingBegan) {
    const good =
      meta.mac === metaSeal(key, Number(meta.rows), Number(meta.head_seq), meta.head_hash);
    if (!good)
      problems.push({
        seq: 0,
        kind: 'unsealed',
        message:
          'the count of audit rows (audit_meta) lacks a valid seal of POLON_AUDIT_KEY: it was rewritten to hide rows cut off',
      });
  }
  for (const e of options.expect ?? [])
    if (!found.has(e))
      problems.push({
        seq: e.seq ?? 0,
        kind: 'not_in_chain',
        message: `the head ${e.hash}${e.seq === undefined ? '' : ` (row ${e.seq})`} kept elsewhere is not in the chain: rows were cut off or the chain was recomputed`,
      });
  return { rows, ok: problems.length === 0, headHash: prev, headSeq, sealed, problems };
}

function checkCount(
  problems: AuditProblem[],
  meta: { rows: number; head_seq: number; head_hash: string; first_at: string } | undefined,
  rows: number,
  headSeq: number | null,
  headHash: string,
): void {
  if (!meta) {
    if (rows > 0)
      problems.push({
        seq: 0,
        kind: 'truncated',
        message: `the count of audit rows (audit_meta) was deleted while ${rows} rows remain`,
      });
    return;
  }
  if (rows === 0) {
    problems.push({
      seq: 0,
      kind: 'emptied',
      message: `the audit log is empty, but ${Number(meta.rows)} rows were written since ${meta.first_at}: the log was deleted`,
    });
    return;
  }
  if (
    Number(meta.rows) !== rows ||
    Number(meta.head_seq) !== headSeq ||
    meta.head_hash !== headHash
  )
    problems.push({
      seq: Number(meta.head_seq),
      kind: 'truncated',
      message: `the log holds ${rows} rows up to row ${headSeq}, but ${Number(meta.rows)} were written up to row ${Number(meta.head_seq)}: rows were removed`,
    });
}
