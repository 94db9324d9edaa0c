import { leafletBlock, type TextPart } from './leaflet-text.js';
import type { TFunction } from 'i18next';
import L from 'leaflet';
import type { PublicFacility } from '../../../contract/publication.js';
import { formatNumber } from '../i18n/format.js';
import { loadBoundaries } from './base-map.js';
import { loadPlaceLabels, placeName } from './place-labels.js';

/** Places and people known per region (ISO 3166-2 code), from the facilities' own codes. */
export interface RegionTally {
  places: number;
  /** Sum of the counts shown; `hidden`: places whose count is under the threshold ("<5"). */
  people: number | null;
  hidden: number;
}

export function tallyRegions(facilities: readonly PublicFacility[]): Map<string, RegionTally> {
  const out = new Map<string, RegionTally>();
  for (const f of facilities) {
    if (!f.regionCode) continue;
    const r = out.get(f.regionCode) ?? { places: 0, people: null, hidden: 0 };
    r.places += 1;
    if (f.counts) {
      const c = f.counts.lastKnown;
      if (c.suppressed) r.hidden += 1;
      else r.people = (r.people ?? 0) + c.value;
    }
    out.set(f.regionCode, r);
  }
  return out;
}

/** The choropleth's classes of places per region, for the fill and the legend. */
export const REGION_CLASSES = [
  { from: 1, to: 2, fill: '#f3d9c4' },
  { from: 3, to: 5, fill: '#e6a97c' },
  { from: 6, to: 10, fill: '#cf6f3b' },
  { from: 11, to: Infinity, fill: '#9c3f14' },
] as const;
const fillOf = (places: number) =>
  REGION_CLASSES.find((c) => places >= c.from && places <= c.to)?.fill ?? '#fbfbf8';

function regionTooltip(
  name: string,
  tally: RegionTally | undefined,
  lang: string,
  t: TFunction,
): TextPart[] {
  const lines: TextPart[] = [
    { text: name, className: 'name' },
    t('map.regionPlaces', { count: tally?.places ?? 0, n: formatNumber(tally?.places ?? 0, lang) }),
  ];
  if (tally && (tally.people !== null || tally.hidden > 0))
    lines.push(
      tally.hidden > 0
        ? t('map.regionPeopleHidden', {
            n: formatNumber(tally.people ?? 0, lang),
            count: tally.hidden,
          })
        : t('map.regionPeople', { n: formatNumber(tally.people ?? 0, lang) }),
    );
  return lines;
}

/**
 * The regions filled by how many places of detention are known in each, with a tooltip of
 * places and people known (the sum of the counts shown; places under the threshold are
 * counted as places only). Returns the cleanup for an effect.
 */
export function addRegionLayer(
  map: L.Map,
  tallies: Map<string, RegionTally>,
  lang: string,
  t: TFunction,
): () => void {
  let live = true;
  let layer: L.GeoJSON | undefined;
  void Promise.all([loadBoundaries(), loadPlaceLabels()]).then(([geo, labels]) => {
    if (!live) return;
    const byBoundary = new Map(labels.regions.map((r) => [r.boundary, r]));
    type Props = { kind: string; country: string; name: string };
    const regionOf = (p: Props) => byBoundary.get(`${p.country}|${p.name}`);
    layer = L.geoJSON(geo, {
      filter: (f) => (f.properties as Props).kind === 'region',
      style: (f) => {
        const r = f && regionOf(f.properties as Props);
        const places = (r?.code && tallies.get(r.code)?.places) || 0;
        return { color: '#7d8790', weight: 0.8, fillColor: fillOf(places), fillOpacity: 0.85 };
      },
      onEachFeature: (f, l) => {
        const r = regionOf(f.properties as Props);
        if (!r) return;
        const tally = r.code ? tallies.get(r.code) : undefined;
        l.bindTooltip(
          leafletBlock('facility-tooltip', ...regionTooltip(placeName(r, lang), tally, lang, t)),
          {
            sticky: true,
          },
        );
        if (r.code)
          l.on('add', () => (l as L.Path).getElement()?.setAttribute('data-region', r.code ?? ''));
      },
    }).addTo(map);
  });
  return () => {
    live = false;
    layer?.remove();
  };
}
