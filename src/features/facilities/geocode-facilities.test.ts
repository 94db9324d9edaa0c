import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Territory } from './facility.js';
import { geocodeFacilities, isPlaced } from './geocode-facilities.js';
import type { GeocodeInput, GeocodeResult, Placed, Settlement } from './geocode-facilities.js';
import { loadSettlements } from './settlements-file.js';

const DATA = join(import.meta.dirname, '..', '..', '..', 'data');

function bundledFacilities(): GeocodeInput[] {
  const rows = parse<Record<string, string>>(readFileSync(join(DATA, 'facilities.csv'), 'utf8'), {
    columns: true,
  });
  const orNull = (v: string | undefined): string | null => (v ? v : null);
  const num = (v: string | undefined): number | null => (v ? Number(v) : null);
  return rows.map((r) => ({
    id: r.id ?? '',
    territory: r.territory as Territory,
    regionCode: orNull(r.region_code),
    settlement: orNull(r.settlement),
    lat: num(r.lat),
    lon: num(r.lon),
    coordPrecision: null,
  }));
}

const placedById = (results: GeocodeResult[], id: string): Placed => {
  const r = results.find((x) => x.id === id);
  if (!r || !isPlaced(r)) throw new Error(`${id} was not placed: ${JSON.stringify(r)}`);
  return r;
};

// A tiny synthetic gazetteer for the rules; the bundled one for the data.
const place = (s: Partial<Settlement> & Pick<Settlement, 'id' | 'name'>): Settlement => ({
  altNames: [],
  country: 'UA',
  admin1: '05',
  population: 1000,
  lat: 48,
  lon: 38,
  ...s,
});
const facility = (settlement: string | null, regionCode: string | null = 'UA-14') => ({
  id: 'f',
  territory: 'UA-occupied' as const,
  regionCode,
  settlement,
  lat: null,
  lon: null,
  coordPrecision: null,
});

describe('geocodeFacilities on the bundled data', () => {
  let facilities: GeocodeInput[];
  let results: GeocodeResult[];
  beforeAll(async () => {
    facilities = bundledFacilities();
    results = geocodeFacilities(
      facilities,
      await loadSettlements(join(DATA, 'geo', 'settlements.csv')),
    );
  });

  it('gives every facility coordinates or a stated reason', () => {
    expect(results.map((r) => r.id)).toEqual(facilities.map((f) => f.id));
    for (const r of results) {
      if (isPlaced(r)) {
        expect(Number.isFinite(r.lat) && Number.isFinite(r.lon)).toBe(true);
      } else {
        expect(r.reason).toMatch(/^(no settlement given|settlement not found: |ambiguous: )/);
      }
    }
    const placed = results.filter(isPlaced);
    const reasons = results.flatMap((r) => (isPlaced(r) ? [] : [`${r.id}: ${r.reason}`]));
    const notes = placed.flatMap((r) => (r.note ? [`${r.id}: ${r.note}`] : []));
    console.log(
      `placed ${placed.length} of ${results.length} facilities\n` +
        `unplaced:\n  ${reasons.join('\n  ')}\nnotes:\n  ${notes.join('\n  ')}`,
    );
    expect(placed.length).toBeGreaterThanOrEqual(85);
  });

  it('places Taganrog and Olenivka (Donetsk oblast) where GeoNames has them', () => {
    // GeoNames 484907 (Taganrog) at 47.236 N 38.905 E; 698614 (Olenivka, Donetsk oblast) at
    // 47.828 N 37.660 E, not its Crimean namesake Olenevka (UA.11).
    const taganrog = placedById(results, 'taganrog-sizo-2');
    expect(taganrog).toMatchObject({ precision: 'settlement', settlementId: 484907 });
    expect(taganrog.lat).toBeCloseTo(47.24, 1);
    expect(taganrog.lon).toBeCloseTo(38.91, 1);
    const olenivka = placedById(results, 'olenivka-ik-120');
    expect(olenivka.settlementId).toBe(698614);
    expect(olenivka.lat).toBeCloseTo(47.83, 1);
    expect(olenivka.lon).toBeCloseTo(37.66, 1);
  });

  it('tells namesakes apart by region', () => {
    // Udarnyy exists in Mordovia, Karachay-Cherkessia and Sakhalin; the colony is in Mordovia.
    expect(placedById(results, 'udarny-ik-10').settlementId).toBe(826996);
    // Shevchenkove in Kharkiv oblast, not the three in Mykolaiv oblast.
    expect(placedById(results, 'shevchenkove-site').settlementId).toBe(694137);
  });
});

describe('geocodeFacilities rules', () => {
  it('reports namesakes in one region instead of picking one', () => {
    const twins = [
      place({ id: 1, name: 'Novoselivka', population: 900, lat: 47.9 }),
      place({ id: 2, name: 'Novoselivka', population: 1200, lat: 48.4 }),
    ];
    expect(geocodeFacilities([facility('Novoselivka')], twins)).toEqual([
      { id: 'f', reason: 'ambiguous: 2 places named "Novoselivka" in UA-14' },
    ]);
  });

  it('takes a town ten times the size of its namesakes, and says so', () => {
    const town = place({ id: 1, name: 'Novoselivka', population: 20000, lat: 47.9 });
    const hamlet = place({ id: 2, name: 'Novoselivka', population: 600, lat: 48.4 });
    const [r] = geocodeFacilities([facility('Novoselivka')], [hamlet, town]);
    expect(r).toMatchObject({ settlementId: 1, precision: 'settlement' });
    expect(r && isPlaced(r) ? r.note : '').toMatch(/largest of 2 places/);
  });

  it('does not rank a namesake of unknown population below a town', () => {
    const town = place({ id: 1, name: 'Novoselivka', population: 20000, lat: 47.9 });
    const unknown = place({ id: 2, name: 'Novoselivka', population: 0, lat: 48.4 });
    const [r] = geocodeFacilities([facility('Novoselivka')], [town, unknown]);
    expect(r).toEqual({ id: 'f', reason: 'ambiguous: 2 places named "Novoselivka" in UA-14' });
  });

  it('matches spellings through the Cyrillic alternate names', () => {
    const olenivka = place({ id: 7, name: 'Olenovka', altNames: ['Оленівка'] });
    expect(geocodeFacilities([facility('Olenivka')], [olenivka])[0]).toMatchObject({
      settlementId: 7,
    });
  });

  it('does not look outside the region, but says where the name does occur', () => {
    const elsewhere = place({ id: 3, name: 'Pershotravneve', admin1: '27' });
    expect(geocodeFacilities([facility('Pershotravneve', 'UA-65')], [elsewhere])).toEqual([
      {
        id: 'f',
        reason: 'settlement not found: "Pershotravneve" in UA-65 (1 of that name elsewhere in UA)',
      },
    ]);
  });

  it('tries a spelling given in brackets and notes the remark', () => {
    const loknya = place({ id: 4, name: 'Mala Loknia' });
    const [r] = geocodeFacilities([facility('Malaya Loknya (Mala Loknia)')], [loknya]);
    expect(r).toMatchObject({ settlementId: 4, note: expect.stringMatching(/given as/) as string });
  });

  it('keeps coordinates a source gave and needs a settlement otherwise', () => {
    const given = { ...facility(null), lat: 47.1, lon: 37.5, coordPrecision: 'exact' };
    expect(geocodeFacilities([given, facility(null)], [])).toEqual([
      { id: 'f', lat: 47.1, lon: 37.5, precision: 'exact', settlementId: null },
      { id: 'f', reason: 'no settlement given' },
    ]);
  });
});
