import type { Kysely } from 'kysely';
import type { Database, FacilityRow } from '../../db/index.js';
import { citationsFor } from '../sources/index.js';
import type { Facility, FacilityType, Territory } from './facility.js';

export interface FacilityFilter {
  territory?: string;
  regionCode?: string;
  type?: string;
}

export async function loadFacilities(
  db: Kysely<Database>,
  filter: FacilityFilter = {},
): Promise<Facility[]> {
  let q = db
    .selectFrom('facilities')
    .selectAll()
    .orderBy('territory')
    .orderBy('region_code')
    .orderBy('id');
  if (filter.territory) q = q.where('territory', '=', filter.territory);
  if (filter.regionCode) q = q.where('region_code', '=', filter.regionCode);
  if (filter.type) q = q.where('type', '=', filter.type);
  const rows = await q.execute();
  const aliases = new Map<string, string[]>();
  for (const a of await db
    .selectFrom('facility_aliases')
    .select(['facility_id', 'alias'])
    .execute()) {
    aliases.set(a.facility_id, [...(aliases.get(a.facility_id) ?? []), a.alias]);
  }
  const cites = await citationsFor(db, { table: 'facility_sources', owner: 'facility_id' });
  return rows.map((r) => toFacility(r, aliases.get(r.id) ?? [], cites.get(r.id) ?? []));
}

export async function findFacility(
  db: Kysely<Database>,
  id: string,
): Promise<Facility | undefined> {
  const r = await db.selectFrom('facilities').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const aliases = await db
    .selectFrom('facility_aliases')
    .select('alias')
    .where('facility_id', '=', id)
    .execute();
  const cites = await citationsFor(db, { table: 'facility_sources', owner: 'facility_id' }, [id]);
  return toFacility(
    r,
    aliases.map((a) => a.alias),
    cites.get(id) ?? [],
  );
}

export interface FacilityCount {
  territory: string;
  regionCode: string | null;
  type: string;
  facilities: number;
}

export async function countFacilities(db: Kysely<Database>): Promise<FacilityCount[]> {
  const rows = await db
    .selectFrom('facilities')
    .select(['territory', 'region_code', 'type'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['territory', 'region_code', 'type'])
    .orderBy('territory')
    .orderBy('region_code')
    .orderBy('type')
    .execute();
  return rows.map((r) => ({
    territory: r.territory,
    regionCode: r.region_code,
    type: r.type,
    facilities: Number(r.n),
  }));
}

const num = (v: number | null): number | null => (v === null ? null : Number(v));

function toFacility(r: FacilityRow, aliases: string[], sources: Facility['sources']): Facility {
  return {
    id: r.id,
    nameEn: r.name_en,
    nameUk: r.name_uk,
    nameRu: r.name_ru,
    aliases,
    type: r.type as FacilityType,
    typeAsReported: r.type_as_reported,
    territory: r.territory as Territory,
    region: r.region,
    regionCode: r.region_code,
    settlement: r.settlement,
    lat: num(r.lat),
    lon: num(r.lon),
    coordPrecision: r.coord_precision,
    coordSource: r.coord_source,
    held: r.held,
    operator: r.operator,
    status: r.status,
    certainty: r.certainty,
    notes: r.notes,
    sources: sources.map((s) => ({ id: s.id, title: s.title, url: s.url })),
  };
}
