import { leafletText } from './leaflet-text.js';
import L from 'leaflet';
import labelsUrl from '../../../data/geo/labels.json?url';

/** A place name in the three languages (null: no spelling of that language is known). */
export interface Named {
  en: string;
  uk: string | null;
  ru: string | null;
}
interface Point {
  lat: number;
  lon: number;
}
export interface RegionLabel extends Named, Point {
  /** `country|name` of its outline in boundaries.json. */
  boundary: string;
  code: string | null;
}
export interface PlaceLabels {
  countries: (Named & Point & { code: string })[];
  regions: RegionLabel[];
  towns: (Named & Point & { minZoom: number })[];
}

// Written by scripts/extract-labels.ts; fetched once, beside the boundaries.
let labels: Promise<PlaceLabels> | undefined;
export const loadPlaceLabels = () =>
  (labels ??= fetch(labelsUrl).then((r) => r.json() as Promise<PlaceLabels>));

/** A name in the reader's language; Ukrainian and Russian stand in for each other (same script). */
export function placeName(n: Named, lang: string): string {
  if (lang === 'uk') return n.uk ?? n.ru ?? n.en;
  if (lang === 'ru') return n.ru ?? n.uk ?? n.en;
  return n.en;
}

interface Entry {
  at: L.LatLng;
  text: string;
  kind: 'country' | 'region' | 'town';
  minZoom: number;
  marker?: L.Marker;
}

/** Where a name sits over the map: regions show from this zoom, towns by their size. */
const REGION_ZOOM = 5;
const LINE = 14;
/** Roughly how wide a label is drawn, for keeping names from covering one another. */
const width = (e: Entry) => e.text.length * (e.kind === 'country' ? 9 : 7) + 6;

/**
 * Names of countries, regions and towns drawn from the bundled gazetteer, more as the reader
 * zooms in, none covering another (the bigger place wins). Text goes in with textContent only:
 * Leaflet would read an html string as markup. Returns the cleanup for an effect.
 */
export function addPlaceLabels(map: L.Map, lang: string): () => void {
  if (!map.getPane('labels')) {
    const pane = map.createPane('labels');
    // Above the regions, under the markers: a name never hides a place.
    pane.style.zIndex = '450';
    pane.style.pointerEvents = 'none';
  }
  const layer = L.layerGroup().addTo(map);
  let entries: Entry[] = [];
  let live = true;

  const marker = (e: Entry) => {
    return L.marker(e.at, {
      pane: 'labels',
      interactive: false,
      keyboard: false,
      icon: L.divIcon({
        className: `place-label ${e.kind}`,
        html: leafletText(e.text),
        iconSize: [0, 0],
      }),
    });
  };

  const update = () => {
    const zoom = map.getZoom();
    const view = map.getBounds().pad(0.1);
    const taken: [number, number, number, number][] = [];
    for (const e of entries) {
      let show = zoom >= e.minZoom && view.contains(e.at);
      if (show) {
        const p = map.latLngToContainerPoint(e.at);
        const w = width(e);
        const box: [number, number, number, number] = [
          p.x - w / 2,
          p.y - LINE / 2,
          p.x + w / 2,
          p.y + LINE / 2,
        ];
        show = !taken.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]);
        if (show) taken.push(box);
      }
      if (show && !e.marker) layer.addLayer((e.marker = marker(e)));
      else if (!show && e.marker) {
        layer.removeLayer(e.marker);
        delete e.marker;
      }
    }
  };

  void loadPlaceLabels().then((l) => {
    if (!live) return;
    const entry = (n: Named & Point, kind: Entry['kind'], minZoom: number): Entry => ({
      at: L.latLng(n.lat, n.lon),
      text: placeName(n, lang),
      kind,
      minZoom,
    });
    // Order is priority: countries, big towns, regions, then smaller towns.
    const big = l.towns.filter((t) => t.minZoom <= 6);
    const small = l.towns.filter((t) => t.minZoom > 6);
    entries = [
      ...l.countries.map((c) => entry(c, 'country', 0)),
      ...big.map((t) => entry(t, 'town', t.minZoom)),
      // A region without a name in the reader's language is left unnamed, not named in English.
      ...l.regions
        .filter((r) => lang === 'en' || (lang === 'uk' ? r.uk : lang === 'ru' ? r.ru : r.en))
        .map((r) => entry(r, 'region', REGION_ZOOM)),
      ...small.map((t) => entry(t, 'town', t.minZoom)),
    ];
    update();
  });
  map.on('zoomend moveend', update);
  return () => {
    live = false;
    map.off('zoomend moveend', update);
    layer.remove();
  };
}
