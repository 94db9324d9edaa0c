import type { z } from 'zod';
import type { Database } from '../../db/index.js';
import {
  defineImport,
  field,
  listed,
  notice,
  type LinkWrite,
  type Notice,
} from '../imports/index.js';
import { citationLinks, citationsField, citedSourceProblems } from '../sources/index.js';
import {
  CERTAINTIES,
  COORD_PRECISIONS,
  FACILITY_STATUSES,
  FACILITY_TYPES,
  HELD,
  OPERATORS,
  TERRITORIES,
  type Territory,
} from './facility.js';
import { aliasLanguage } from './alias-language.js';
import { activeMergedIds } from './facility-merge.js';
import { geocodeFacilities, isPlaced } from './geocode-facilities.js';
import { bundledSettlements } from './settlements-file.js';

const REGION_CODE = /^(UA|RU|BY)-[A-Z0-9]{1,3}$/;

const regionCode = () =>
  field.cell((v, ctx) => {
    const s = (v ?? '').trim().toUpperCase();
    if (!s) return null;
    return REGION_CODE.test(s)
      ? s
      : field.fail(
          ctx,
          v,
          'is not an ISO 3166-2 code of Ukraine, Russia or Belarus',
          'write it like UA-14, RU-ROS or BY-HO (Crimea stays UA-43)',
        );
  });

const territory = () =>
  field.cell((v, ctx) => {
    const s = (v ?? '').trim();
    const found = TERRITORIES.find((t) => t.toLowerCase() === s.toLowerCase());
    return (
      found ??
      field.fail(
        ctx,
        v,
        s ? 'is not a known territory' : 'is empty',
        `write one of: ${TERRITORIES.join(', ')}`,
      )
    );
  });

const schema = field
  .row({
    id: field.id(),
    name_en: field.requiredName('English name of the facility'),
    name_uk: field.name('Ukrainian name'),
    name_ru: field.name('Russian name'),
    aliases: field.nameList('alias'),
    type: field.oneOf(FACILITY_TYPES, 'unknown'),
    type_as_reported: field.text(),
    territory: territory(),
    region: field.name('region'),
    region_code: regionCode(),
    settlement: field.name('settlement'),
    lat: field.optionalNumber(
      -90,
      90,
      'write the latitude in decimal degrees (47.2362), or leave it blank',
    ),
    lon: field.optionalNumber(
      -180,
      180,
      'write the longitude in decimal degrees (38.8969), or leave it blank',
    ),
    coord_precision: field.optionalOneOf(COORD_PRECISIONS),
    coord_source: field.text(),
    held: field.oneOf(HELD, 'unknown'),
    operator: field.oneOf(OPERATORS, 'unknown'),
    status: field.oneOf(FACILITY_STATUSES, 'unknown'),
    certainty: field.oneOf(CERTAINTIES, 'reported'),
    notes: field.text(),
    sources: citationsField(),
  })
  .superRefine((f, ctx) => {
    if ((f.lat === null) !== (f.lon === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [f.lat === null ? 'lat' : 'lon'],
        message: 'is blank while the other coordinate is given',
        input: '',
        params: { fix: 'give both lat and lon, or neither' },
      });
    }
    const country = f.region_code?.slice(0, 2);
    const expected = f.territory === 'UA-occupied' ? 'UA' : f.territory;
    if (country && country !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['region_code'],
        message: `is in ${country} but territory is ${f.territory}`,
        input: f.region_code,
        params: {
          fix: 'occupied Ukraine (Crimea included) uses UA- codes; Russia RU-, Belarus BY-',
        },
      });
    }
  });

export type FacilityInput = z.infer<typeof schema>;

export const facilitiesImport = defineImport<FacilityInput>({
  kind: 'facilities',
  columns: [
    { name: 'id', required: true, description: 'stable slug, e.g. taganrog-sizo-2' },
    { name: 'name_en', required: true, description: 'English name' },
    { name: 'name_uk', required: false, description: 'Ukrainian name, where a source printed it' },
    { name: 'name_ru', required: false, description: 'Russian name, where a source printed it' },
    {
      name: 'aliases',
      required: false,
      description: 'other names and abbreviations, separated by ";"',
    },
    { name: 'type', required: true, description: FACILITY_TYPES.join(', ') },
    {
      name: 'type_as_reported',
      required: false,
      description: "the source's own words for the type",
    },
    { name: 'territory', required: true, description: TERRITORIES.join(', ') },
    { name: 'region', required: false, description: 'region name' },
    { name: 'region_code', required: false, description: 'ISO 3166-2 code' },
    { name: 'settlement', required: false, description: 'town or village' },
    { name: 'lat', required: false, description: 'latitude' },
    { name: 'lon', required: false, description: 'longitude' },
    { name: 'coord_precision', required: false, description: COORD_PRECISIONS.join(', ') },
    { name: 'coord_source', required: false, description: 'where the coordinates come from' },
    { name: 'held', required: false, description: HELD.join(', ') },
    { name: 'operator', required: false, description: `who runs it: ${OPERATORS.join(', ')}` },
    { name: 'status', required: false, description: FACILITY_STATUSES.join(', ') },
    { name: 'certainty', required: false, description: CERTAINTIES.join(', ') },
    { name: 'notes', required: false, description: 'remarks' },
    {
      name: 'sources',
      required: true,
      description: 'URLs, source ids or references, separated by " ; " or " | "',
    },
  ],
  schema,
  id: (f) => f.id,
  references: citedSourceProblems,
  // A facility merged into another stays merged: the import does not bring it back.
  async skip(trx, rows) {
    const mergedAway = await activeMergedIds(trx);
    return rows
      .filter((r) => mergedAway.has(r.value.id))
      .map((r) => ({
        row: r,
        notice: notice(
          'merged_facility',
          { row: r.row, id: r.value.id, into: mergedAway.get(r.value.id) ?? '?' },
          `row ${r.row}: ${r.value.id} was merged into ${mergedAway.get(r.value.id) ?? '?'}; skipped (undo the merge to bring it back)`,
        ),
      }));
  },
  table: 'facilities',
  toRow: (f, { now }) => ({
    id: f.id,
    name_en: f.name_en,
    name_uk: f.name_uk,
    name_ru: f.name_ru,
    type: f.type,
    type_as_reported: f.type_as_reported,
    territory: f.territory,
    region: f.region,
    region_code: f.region_code,
    settlement: f.settlement,
    lat: f.lat,
    lon: f.lon,
    coord_precision: f.lat === null ? null : (f.coord_precision ?? 'exact'),
    coord_source: f.coord_source,
    held: f.held,
    operator: f.operator,
    status: f.status,
    certainty: f.certainty,
    notes: f.notes,
    updated_at: now,
  }),
  complete: (rows) => placeAtSettlements(rows as unknown as PlacedRow[]),
  links: [
    (trx, rows) =>
      replaceAliases(
        trx,
        rows.map((r) => ({ id: r.value.id, aliases: r.value.aliases })),
      ),
    citationLinks({ table: 'facility_sources', owner: 'facility_id' }),
  ],
  // A change of names or sources is a change of the facility: its timestamp says so.
  linksTouchRow: true,
});

type PlacedRow = Pick<
  Database['facilities'],
  | 'id'
  | 'territory'
  | 'region_code'
  | 'settlement'
  | 'lat'
  | 'lon'
  | 'coord_precision'
  | 'coord_source'
>;

/**
 * Facilities a source gave no coordinates for are placed at their settlement from the
 * bundled GeoNames gazetteer (precision "settlement"); the rest keep the reason why not in
 * coord_source. Done before the upsert, so importing the same file again changes nothing.
 */
async function placeAtSettlements(rows: PlacedRow[]): Promise<Notice[]> {
  const missing = rows.filter((r) => r.lat === null);
  if (missing.length === 0) return [];
  const results = geocodeFacilities(
    missing.map((r) => ({
      id: r.id,
      territory: r.territory as Territory,
      regionCode: r.region_code,
      settlement: r.settlement,
      lat: null,
      lon: null,
      coordPrecision: null,
    })),
    await bundledSettlements(),
  );
  const unplaced: string[] = [];
  const unplacedIds: string[] = [];
  results.forEach((g, i) => {
    const r = missing[i]!;
    if (isPlaced(g)) {
      r.lat = g.lat;
      r.lon = g.lon;
      r.coord_precision = 'settlement';
      r.coord_source = `GeoNames ${g.settlementId ?? ''}${g.note ? ` (${g.note})` : ''}`.trim();
    } else {
      r.coord_source = `not placed: ${g.reason}`;
      unplaced.push(`${r.id} (${g.reason})`);
      unplacedIds.push(r.id);
    }
  });
  const placed = missing.length - unplaced.length;
  return [
    notice(
      'placed_at_settlement',
      { placed, count: missing.length, unplaced: listed(unplacedIds) || '—' },
      `${placed} of ${missing.length} facilities without coordinates were placed at their settlement (GeoNames)${unplaced.length ? `; not placed: ${unplaced.join('; ')}` : ''}`,
    ),
  ];
}

async function replaceAliases(
  trx: Parameters<LinkWrite<FacilityInput>>[0],
  items: { id: string; aliases: string[] }[],
): Promise<Set<string>> {
  const changed = new Set<string>();
  const existing = new Map<string, string[]>();
  for (let i = 0; i < items.length; i += 500) {
    const found = await trx
      .selectFrom('facility_aliases')
      .select(['facility_id', 'alias'])
      .where(
        'facility_id',
        'in',
        items.slice(i, i + 500).map((x) => x.id),
      )
      .execute();
    for (const f of found)
      existing.set(f.facility_id, [...(existing.get(f.facility_id) ?? []), f.alias]);
  }
  for (const it of items) {
    const had = [...(existing.get(it.id) ?? [])].sort();
    const want = [...it.aliases].sort();
    if (had.length === want.length && had.every((a, i) => a === want[i])) continue;
    changed.add(it.id);
    await trx.deleteFrom('facility_aliases').where('facility_id', '=', it.id).execute();
    if (want.length) {
      await trx
        .insertInto('facility_aliases')
        .values(
          it.aliases.map((alias) => ({
            facility_id: it.id,
            alias,
            lang: aliasLanguage(alias),
          })),
        )
        .execute();
    }
  }
  return changed;
}
