import type { Db } from '../src/db/index.js';

const TABLES = [
  'sources',
  'exchanges',
  'claims',
  'facilities',
  'facility_aliases',
  'exchange_sources',
  'claim_sources',
  'facility_sources',
  'imports',
  'audit_log',
  'persons',
  'records',
  'events',
  'episodes',
  'occupancy_reports',
  'accounts',
  'sessions',
  'facility_merges',
  'review_pairs',
] as const;

/** Row counts of every table: a failed import must leave them all as they were. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const r = await db.kysely
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}
