import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { appendAudit } from './audit.repository.js';

/** Rows of one kind a read returned: the ids of records, events, episodes or reports. */
export interface RowsRead {
  entity: 'record' | 'event' | 'episode' | 'occupancy_report';
  ids: readonly (string | null)[];
}

/**
 * Records a read of personal data: who, through which route, and every row it returned, one
 * audit row per kind of row (ids are opaque; never the query's words). All ids are kept, not a
 * sample: the point of the row is to answer "who saw this person's record". A read that found
 * nothing still leaves a row under its first kind, so that the asking shows too.
 */
export async function auditRead(
  db: Kysely<Database>,
  who: { actor: string; route: string },
  reads: RowsRead[],
): Promise<void> {
  const kinds = reads.map((r) => ({
    entity: r.entity,
    ids: [...new Set(r.ids.filter((id): id is string => Boolean(id)))],
  }));
  const found = kinds.filter((r) => r.ids.length > 0);
  const rows = found.length > 0 ? found : kinds.slice(0, 1);
  await db.transaction().execute(async (trx) => {
    for (const r of rows)
      await appendAudit(trx, {
        actor: who.actor,
        action: 'read',
        entity: r.entity,
        details: { count: r.ids.length, ids: r.ids, route: who.route },
      });
  });
}
