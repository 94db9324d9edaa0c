import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { bundledDataDir } from '../../package-root.js';
import type { Settlement } from './geocode-facilities.js';

interface SettlementRow {
  geonameid: string;
  name: string;
  alt_names: string;
  country: string;
  admin1: string;
  population: string;
  lat: string;
  lon: string;
}

/**
 * Reads the gazetteer written by scripts/extract-settlements.ts (data/geo/settlements.csv
 * in the bundled data folder). Kept apart from the geocoder so that stays pure.
 */
export async function loadSettlements(path: string): Promise<Settlement[]> {
  const rows = parse<SettlementRow>(await readFile(path, 'utf8'), { columns: true });
  return rows.map((r) => ({
    id: Number(r.geonameid),
    name: r.name,
    altNames: r.alt_names === '' ? [] : r.alt_names.split(';'),
    country: r.country,
    admin1: r.admin1,
    population: Number(r.population),
    lat: Number(r.lat),
    lon: Number(r.lon),
  }));
}

let bundled: Promise<Settlement[]> | undefined;

/** The bundled GeoNames gazetteer (data/geo/settlements.csv), read once per process. */
export function bundledSettlements(): Promise<Settlement[]> {
  bundled ??= loadSettlements(join(bundledDataDir(), 'geo', 'settlements.csv'));
  return bundled;
}
