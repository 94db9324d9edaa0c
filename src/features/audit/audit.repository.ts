import { createHash, createHmac } from 'node:crypto';
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

let sealKey: string | undefined;

/**
 * The key that seals audit rows (POLON_AUDIT_KEY), set once where the configuration is read
 * (the CLI, the server): the database never holds it, so whoever can write the database
 * cannot recompute a sealed chain.
 */
export function useAuditKey(key: string | undefined): void {
  sealKey = key;
}

export const auditKeyInUse = (): string | undefined => sealKey;

export function rowSeal(key: string, seq: number, hash: string): string {
  return createHmac('sha256', key).update(`row\u001f${seq}\u001f${hash}`).digest('hex');
}

export function metaSeal(key: string, rows: number, headSeq: number, headHash: string): string {
  return createHmac('sha256', key)
    .update(`meta\u001f${rows}\u001f${headSeq}\u001f${headHash}`)
    .digest('hex');
}

/**
 * Appends to the hash-chained audit log inside the caller's transaction, so the record of a
 * write commits or rolls back with the write itself (without one, in a transaction of its
 * own: the row and the count in `audit_meta` go together).
 */
export async function appendAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry,
  now: Date = new Date(),
): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => appendAudit(trx, entry, now));
    return;
  }
  // On PostgreSQL two transactions could read the same last hash and fork the chain; this
  // lock, held to the end of the transaction, makes appends take turns. SQLite has one writer.
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
  if (pg) await sql`select pg_advisory_xact_lock(7390001)`.execute(db);
  // A database restored from a backup older than the count is written to in that older
  // schema first; its migration then counts what it finds.
  const counted = await hasMetaTable(db, pg);
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const meta = counted
    ? await db.selectFrom('audit_meta').selectAll().executeTakeFirst()
    : undefined;
  const prev = last?.hash ?? GENESIS;
  // Seq follows the highest ever written, not the last row left: rows cut off the end leave
  // a gap at the next write. Given here rather than by a sequence, so that a rolled-back
  // transaction leaves none.
  const seq = Math.max(Number(meta?.head_seq ?? 0), Number(last?.seq ?? 0)) + 1;
  const at = now.toISOString();
  const details = JSON.stringify(entry.details ?? {});
  const hash = auditHash(prev, at, entry, details);
  await db
    .insertInto('audit_log')
    .values({
      seq,
      at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      details,
      prev_hash: prev,
      hash,
      ...(counted ? { mac: sealKey ? rowSeal(sealKey, seq, hash) : null } : {}),
    })
    .execute();
  if (!counted) return;
  const rows = meta
    ? Number(meta.rows) + 1
    : Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
  const values = {
    rows,
    head_seq: seq,
    head_hash: hash,
    mac: sealKey ? metaSeal(sealKey, rows, seq, hash) : null,
  };
  if (meta) await db.updateTable('audit_meta').set(values).where('id', '=', 1).execute();
  else
    await db
      .insertInto('audit_meta')
      .values({ id: 1, first_at: at, gaps_from: seq - 1, ...values })
      .execute();
}

async function hasMetaTable(db: Kysely<Database>, pg: boolean): Promise<boolean> {
  const r = pg
    ? await sql<{ ok: boolean }>`select to_regclass('audit_meta') is not null as ok`.execute(db)
    : await sql<{
        ok: number;
      }>`select count(*) as ok from sqlite_master where type = 'table' and name = 'audit_meta'`.execute(
        db,
      );
  return Boolean(r.rows[0]?.ok);
}

export async function listAudit(db: Kysely<Database>, limit = 100) {
  return db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit).execute();
}
