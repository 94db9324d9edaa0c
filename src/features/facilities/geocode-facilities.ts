import { matchKey, normalise, tokenise } from '../../names/index.js';
import type { COORD_PRECISIONS, Facility } from './facility.js';
import { isoRegionOf } from './geonames-admin1.js';

/** A row of data/geo/settlements.csv. */
export interface Settlement {
  /** GeoNames id. */
  id: number;
  name: string;
  altNames: readonly string[];
  country: string;
  /** GeoNames' admin1 code (see geonames-admin1.ts), not ISO. */
  admin1: string;
  /** 0 where GeoNames does not know it. */
  population: number;
  lat: number;
  lon: number;
}

export type GeocodeInput = Pick<
  Facility,
  'id' | 'territory' | 'regionCode' | 'settlement' | 'lat' | 'lon' | 'coordPrecision'
>;

export interface Placed {
  id: string;
  lat: number;
  lon: number;
  precision: (typeof COORD_PRECISIONS)[number];
  /** The GeoNames id it was placed at; null where the source gave the coordinates. */
  settlementId: number | null;
  note?: string;
}

export interface Unplaced {
  id: string;
  /** 'no settlement given', 'settlement not found: …' or 'ambiguous: …'. */
  reason: string;
}

export type GeocodeResult = Placed | Unplaced;

export const isPlaced = (r: GeocodeResult): r is Placed => 'lat' in r;

const COUNTRY_OF_TERRITORY: Readonly<Record<Facility['territory'], string>> = {
  RU: 'RU',
  'UA-occupied': 'UA',
  BY: 'BY',
};
// A population ten times that of every namesake is a town beside hamlets: a source naming
// the place without more would mean the town.
const DOMINANT = 10;
// Two entries of one name this close are the same place entered twice (GeoNames has a few);
// at settlement precision either point will do.
const SAME_PLACE_KM = 5;
const REGION_WORDS = /\b(district|raion|rayon|oblast|krai|region|okrug|municipality)\b/i;

/**
 * Places each facility without coordinates at its settlement, found by name among the
 * settlements of its country and region. Never picks among namesakes it cannot tell apart:
 * those, and names not in the gazetteer, come back with a reason instead. Facilities with
 * coordinates keep them.
 */
export function geocodeFacilities(
  facilities: readonly GeocodeInput[],
  settlements: readonly Settlement[],
): GeocodeResult[] {
  const index = indexSettlements(settlements);
  return facilities.map((f) => geocodeOne(f, index));
}

interface Index {
  byForm: Map<string, Settlement[]>;
  byKey: Map<string, Settlement[]>;
}

// Names compared two ways: as written once normalised (case, marks, apostrophes), and, if
// that finds nothing, by the names engine's match key, which lets Olenivka meet Оленівка and
// Berdiansk meet Berdyansk.
const keyOf = (name: string): string => tokenise(name).map(matchKey).join(' ');

function indexSettlements(settlements: readonly Settlement[]): Index {
  const index: Index = { byForm: new Map(), byKey: new Map() };
  const add = (map: Map<string, Settlement[]>, k: string, s: Settlement): void => {
    const list = map.get(k) ?? [];
    if (k !== '' && !list.includes(s)) map.set(k, [...list, s]);
  };
  for (const s of settlements) {
    for (const name of [s.name, ...s.altNames]) {
      add(index.byForm, normalise(name), s);
      add(index.byKey, keyOf(name), s);
    }
  }
  return index;
}

function geocodeOne(f: GeocodeInput, index: Index): GeocodeResult {
  if (f.lat !== null && f.lon !== null) {
    const precision = (f.coordPrecision ?? 'exact') as Placed['precision'];
    return { id: f.id, lat: f.lat, lon: f.lon, precision, settlementId: null };
  }
  const given = f.settlement?.trim() ?? '';
  if (given === '') return { id: f.id, reason: 'no settlement given' };
  const { names, qualified } = readSettlement(given);
  const country = f.regionCode?.slice(0, 2) ?? COUNTRY_OF_TERRITORY[f.territory];
  const where = f.regionCode ?? country;
  const inCountry = (s: Settlement): boolean => s.country === country;
  const inRegion = (s: Settlement): boolean =>
    inCountry(s) && (f.regionCode === null || isoRegionOf(s.country, s.admin1) === f.regionCode);

  for (const name of names) {
    const found = lookUp(index, name, inRegion);
    if (found.length === 0) continue;
    const notes = qualified ? [`settlement given as "${given}"`] : [];
    const places = distinctPlaces(found);
    const [first, second] = places;
    if (first === undefined) continue;
    if (second !== undefined) {
      if (!dominates(first, places.slice(1))) {
        return {
          id: f.id,
          reason: `ambiguous: ${places.length} places named "${name}" in ${where}`,
        };
      }
      notes.push(
        `the largest of ${places.length} places named "${name}" in ${where} ` +
          `(population ${first.population}; next ${second.population})`,
      );
    }
    const placed: Placed = {
      id: f.id,
      lat: first.lat,
      lon: first.lon,
      precision: 'settlement',
      settlementId: first.id,
    };
    return notes.length > 0 ? { ...placed, note: notes.join('; ') } : placed;
  }
  const elsewhere = names.flatMap((n) => lookUp(index, n, inCountry)).length;
  const hint = elsewhere > 0 ? ` (${elsewhere} of that name elsewhere in ${country})` : '';
  return { id: f.id, reason: `settlement not found: "${given}" in ${where}${hint}` };
}

function lookUp(index: Index, name: string, keep: (s: Settlement) => boolean): Settlement[] {
  const exact = (index.byForm.get(normalise(name)) ?? []).filter(keep);
  return exact.length > 0 ? exact : (index.byKey.get(keyOf(name)) ?? []).filter(keep);
}

/**
 * "Malaya Loknya (Mala Loknia)" gives two spellings to try, "Pershotravneve (as given:
 * 'Pershotravnev')" the source's own; "(Chuhuiv district)", "(outskirts)" and other remarks
 * give none, but the placement notes them.
 */
function readSettlement(given: string): { names: string[]; qualified: boolean } {
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(given);
  if (!m) return { names: [given], qualified: false };
  const main = m[1] ?? '';
  const remark = (m[2] ?? '').trim();
  const asGiven = /^as given:\s*['"‘’]?([^'"‘’;]+)['"‘’]?$/i.exec(remark)?.[1];
  const isName = /^\p{Lu}[\p{L}'’-]*(?:[ -]\p{Lu}[\p{L}'’-]*)*$/u.test(remark);
  const alternative = asGiven ?? (isName && !REGION_WORDS.test(remark) ? remark : undefined);
  return { names: alternative ? [main, alternative.trim()] : [main], qualified: true };
}

/** Namesakes, most populous first, with entries for one place counted once. */
function distinctPlaces(found: readonly Settlement[]): Settlement[] {
  const sorted = [...found].sort((a, b) => b.population - a.population || a.id - b.id);
  const kept: Settlement[] = [];
  for (const s of sorted) {
    if (!kept.some((k) => distanceKm(k, s) < SAME_PLACE_KM)) kept.push(s);
  }
  return kept;
}

// Unknown populations (0) dominate nothing and are dominated by nothing.
function dominates(first: Settlement, others: readonly Settlement[]): boolean {
  return others.every((o) => o.population > 0 && first.population >= DOMINANT * o.population);
}

function distanceKm(a: Settlement, b: Settlement): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
