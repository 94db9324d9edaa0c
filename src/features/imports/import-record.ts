import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/index.js';
import { appendAudit } from '../audit/index.js';
import type { WriteCounts } from './import-kind.js';

export interface ImportDone {
  kind: string;
  file: string;
  sha256: string;
  rows: number;
  counts: WriteCounts;
  actor: string;
  now: string;
  source?: string;
}

/**
 * Records a written file, whole or streamed alike, in the same transaction as its rows: the
 * `imports` row that lists it and the audit entry that says who brought it in.
 */
export async function recordImport(
  trx: Transaction<Database> | Kysely<Database>,
  d: ImportDone,
): Promise<void> {
  const { inserted, updated, unchanged, facts } = d.counts;
  await trx
    .insertInto('imports')
    .values({
      // The random part: the same file imported twice in one millisecond (a double click,
      // two requests at once) is two imports, not a clash of keys.
      id: `${d.now}-${d.sha256.slice(0, 12)}-${d.kind}-${randomBytes(4).toString('hex')}`,
      kind: d.kind,
      file_name: d.file,
      file_sha256: d.sha256,
      rows: d.rows,
      inserted,
      updated,
      unchanged,
      actor: d.actor,
      at: d.now,
    })
    .execute();
  await appendAudit(trx, {
    actor: d.actor,
    action: 'import',
    entity: d.kind,
    details: {
      file: d.file,
      sha256: d.sha256,
      rows: d.rows,
      inserted,
      updated,
      unchanged,
      ...(d.source ? { source: d.source } : {}),
      ...(facts ? { events: facts.events, episodes: facts.episodes } : {}),
    },
  });
}
