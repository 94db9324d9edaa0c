import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { PlaceOnMap } from '../../../contract/persons.js';
import { addBaseMap } from '../map/base-map.js';
import { leafletText } from '../map/leaflet-text.js';

/**
 * A small map of the places a person was held: bundled region outlines (no tile server, so
 * it works offline and tells no third party whom an analyst is looking at) and a dot per
 * facility with coordinates.
 */
export function PersonMap({
  places,
  label,
  nameOf,
}: {
  places: PlaceOnMap[];
  label: string;
  nameOf: (p: PlaceOnMap) => string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    const placed = places.filter((p) => p.lat !== null && p.lon !== null);
    if (!el || placed.length === 0) return;
    const points = placed.map((p) => L.latLng(p.lat ?? 0, p.lon ?? 0));
    const map = L.map(el, { zoomSnap: 0.5, keyboard: true });
    // The view first: Leaflet's vector renderer measures the map when a layer is added.
    map.fitBounds(L.latLngBounds(points).pad(0.5), { maxZoom: 6 });
    placed.forEach((p, i) => {
      L.circleMarker(points[i] ?? L.latLng(0, 0), {
        radius: 7,
        color: '#b3261e',
        weight: 2,
        fillOpacity: 0.8,
      })
        .bindTooltip(leafletText(nameOf(p)))
        .addTo(map);
    });
    const dropBase = addBaseMap(map);
    return () => {
      dropBase();
      map.remove();
    };
  }, [places, nameOf]);
  if (!places.some((p) => p.lat !== null && p.lon !== null)) return null;
  return (
    <figure className="ws-map-figure">
      <div ref={host} className="ws-map" />
      <figcaption>{label}</figcaption>
    </figure>
  );
}
