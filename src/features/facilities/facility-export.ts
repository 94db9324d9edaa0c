import { stringify } from 'csv-stringify/sync';
import type { Facility } from './facility.js';
import { loadExcel, neutraliseFormula } from '../imports/index.js';

/**
 * The columns of data/facilities.csv plus coord_precision, in the import's column names, so
 * an exported file can be edited and imported again.
 */
export const EXPORT_COLUMNS = [
  'id',
  'name_en',
  'name_uk',
  'name_ru',
  'aliases',
  'type',
  'type_as_reported',
  'territory',
  'region',
  'region_code',
  'settlement',
  'lat',
  'lon',
  'coord_precision',
  'held',
  'operator',
  'status',
  'certainty',
  'notes',
  'sources',
] as const;
type Column = (typeof EXPORT_COLUMNS)[number];
type Cell = string | number | null;

export interface PointFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

/**
 * A GeoJSON FeatureCollection (RFC 7946). `withoutCoordinates` is a foreign member, which
 * the RFC allows: the ids left off the map, so a reader knows the map is not the whole list.
 */
export interface FacilityCollection {
  type: 'FeatureCollection';
  features: PointFeature[];
  withoutCoordinates: string[];
}

// A citation is its URL where it has one; otherwise its text, or the registered id.
const citations = (f: Facility): string[] => f.sources.map((s) => s.url ?? s.title ?? s.id);

function toRow(f: Facility): Record<Column, Cell> {
  return {
    id: f.id,
    name_en: f.nameEn,
    name_uk: f.nameUk,
    name_ru: f.nameRu,
    aliases: f.aliases.join('; '),
    type: f.type,
    type_as_reported: f.typeAsReported,
    territory: f.territory,
    region: f.region,
    region_code: f.regionCode,
    settlement: f.settlement,
    lat: f.lat,
    lon: f.lon,
    coord_precision: f.lat === null ? null : f.coordPrecision,
    held: f.held,
    operator: f.operator,
    status: f.status,
    certainty: f.certainty,
    notes: f.notes,
    // The separator the import reads; " ; " would also do, but URLs may hold a ";".
    sources: citations(f).join(' | '),
  };
}

export function facilitiesToGeoJson(facilities: readonly Facility[]): FacilityCollection {
  const features: PointFeature[] = [];
  const withoutCoordinates: string[] = [];
  for (const f of facilities) {
    if (f.lat === null || f.lon === null) {
      withoutCoordinates.push(f.id);
      continue;
    }
    features.push({
      type: 'Feature',
      id: f.id,
      // GeoJSON puts longitude first.
      geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
      properties: {
        id: f.id,
        nameEn: f.nameEn,
        nameUk: f.nameUk,
        nameRu: f.nameRu,
        type: f.type,
        territory: f.territory,
        regionCode: f.regionCode,
        settlement: f.settlement,
        coordPrecision: f.coordPrecision,
        status: f.status,
        held: f.held,
        operator: f.operator,
        certainty: f.certainty,
        sources: citations(f),
      },
    });
  }
  return { type: 'FeatureCollection', features, withoutCoordinates };
}

export function facilitiesToCsv(facilities: readonly Facility[]): string {
  const rows = facilities.map((f) =>
    EXPORT_COLUMNS.map((c) => neutraliseFormula(toRow(f)[c]) ?? ''),
  );
  return stringify(rows, { header: true, columns: [...EXPORT_COLUMNS] });
}

/**
 * The same columns as a workbook with one sheet. Text is stored as string cells, which
 * spreadsheets never evaluate, so unlike the CSV it needs no apostrophes.
 */
export async function facilitiesToXlsx(facilities: readonly Facility[]): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet('facilities', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c, key: c }));
  sheet.getRow(1).font = { bold: true };
  for (const f of facilities) sheet.addRow(toRow(f));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
