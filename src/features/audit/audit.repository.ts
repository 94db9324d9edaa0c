import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/index.js';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  /** Ids, counts and hashes only: never personal data. */
  details?: Record<string, unknown>;
}

export const GENESIS = '0'.repeat(64);

export function auditHash(prevHash: string, at: string, e: AuditEntry, details: string): string {
  return createHash('sha256')
    .update([prevHash, at, e.actor, e.action, e.entity, e.entityId ?? '', details].join('\u001f'))
    .digest('hex');
}

/**
 * Appends to the hash-chained audit log inside the caller's transaction, so the record of a
 * write commits or rolls back with the write itself.
 */
export async function appendAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry,
  now: Date = new Date(),
): Promise<void> {
  // On PostgreSQL two transactions could read the same last hash and fork the chain; this
  // lock, held to the end of the transaction, makes appends take turns. SQLite has one writer.
  if (db.getExecutor().adapter.constructor.name === 'PostgresAdapter') {
    await sql`select pg_advisory_xact_lock(7390001)`.execute(db);
  }
  const last = await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prev = last?.hash ?? GENESIS;
  const at = now.toISOString();
  const details = JSON.stringify(entry.details ?? {});
  await db
    .insertInto('audit_log')
    .values({
      at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      details,
      prev_hash: prev,
      hash: auditHash(prev, at, entry, details),
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, limit = 100) {
  return db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit).execute();
}
