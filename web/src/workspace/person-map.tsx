import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';
import type { PlaceOnMap } from '../../../contract/persons.js';

/**
 * A small map of the places a person was held: bundled country outlines (no tile server,
 * so it works offline and tells no third party whom an analyst is looking at) and a dot per
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
    const map = L.map(el, { attributionControl: false, zoomSnap: 0.5, keyboard: true });
    // The view first: Leaflet's vector renderer measures the map when a layer is added.
    map.fitBounds(L.latLngBounds(points).pad(0.5), { maxZoom: 5 });
    const topo = countries as unknown as Topology<{ countries: GeometryCollection }>;
    L.geoJSON(feature(topo, topo.objects.countries), {
      style: { color: '#8a939c', weight: 1, fillColor: '#f3f5f7', fillOpacity: 1 },
      interactive: false,
    }).addTo(map);
    placed.forEach((p, i) => {
      L.circleMarker(points[i] ?? L.latLng(0, 0), {
        radius: 7,
        color: '#b3261e',
        weight: 2,
        fillOpacity: 0.8,
      })
        .bindTooltip(nameOf(p))
        .addTo(map);
    });
    return () => {
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
