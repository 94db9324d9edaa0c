import L from 'leaflet';
import boundariesUrl from '../../../data/geo/boundaries.json?url';

// One file for every map, so the browser fetches and caches it once.
let boundaries: Promise<GeoJSON.GeoJsonObject> | undefined;
export const loadBoundaries = () =>
  (boundaries ??= fetch(boundariesUrl).then((r) => r.json() as Promise<GeoJSON.GeoJsonObject>));

/**
 * Draws the bundled country and region outlines under a map's layers: no tile server, so
 * maps work offline and tell no third party what a reader is looking at. Returns the
 * cleanup for an effect, so a map removed before the file arrives is left alone.
 */
export function addBaseMap(map: L.Map): () => void {
  map.attributionControl.setPrefix(false).addAttribution('Natural Earth');
  let live = true;
  void loadBoundaries().then((geo) => {
    if (!live) return;
    L.geoJSON(geo, {
      interactive: false,
      style: (f) =>
        f?.properties && (f.properties as { kind: string }).kind === 'country'
          ? { color: '#8a949e', weight: 1, fillColor: '#eef0f2', fillOpacity: 1 }
          : { color: '#a7b0b9', weight: 0.6, fillColor: '#fbfbf8', fillOpacity: 1 },
    })
      .addTo(map)
      .bringToBack();
  });
  return () => {
    live = false;
  };
}
