import type { Kysely } from 'kysely';
import type { ClaimRow, Database } from '../../db/index.js';
import { citationsFor } from '../sources/index.js';
import type { Claim, ClaimQualifier, ClaimUnit } from './claim.js';

export interface ClaimFilter {
  metric?: string;
  asOf?: string;
}

export async function loadClaims(db: Kysely<Database>, filter: ClaimFilter = {}): Promise<Claim[]> {
  let q = db.selectFrom('claims').selectAll().orderBy('as_of_from').orderBy('id');
  if (filter.metric) q = q.where('metric', '=', filter.metric);
  if (filter.asOf) q = q.where('as_of_from', '<=', filter.asOf);
  const rows = await q.execute();
  const cites = await citationsFor(db, { table: 'claim_sources', owner: 'claim_id' });
  return rows.map((r) => toClaim(r, cites.get(r.id) ?? []));
}

function toClaim(r: ClaimRow, sources: Claim['sources']): Claim {
  return {
    id: r.id,
    metric: r.metric,
    value: Number(r.value),
    unit: r.unit as ClaimUnit,
    qualifier: r.qualifier as ClaimQualifier,
    periodStart: r.period_start,
    asOf: r.as_of,
    description: r.description,
    who: r.who,
    notes: r.notes,
    sources: sources.map((s) => ({ id: s.id, title: s.title, url: s.url })),
  };
}
