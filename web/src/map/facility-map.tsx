import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicCount, PublicFacility } from '../../../contract/publication.js';
import { facilityName } from '../components/facility-name.js';
import { addBaseMap } from './base-map.js';
import { leafletText } from './leaflet-text.js';

/**
 * Known people at a place (identified or last known there). A suppressed count may be 0 (zeros
 * are hidden too once anyone is counted) and a withheld one anything: neither sizes a marker.
 */
export function knownAt(f: PublicFacility): number {
  if (!f.counts) return 0;
  const n = (c: PublicCount) => (c.suppressed ? 0 : c.value);
  return Math.max(n(f.counts.identified), n(f.counts.lastKnown));
}

const sizeClass = (n: number): number => (n === 0 ? 0 : n < 10 ? 1 : n < 100 ? 2 : 3);
const DIAMETER = [14, 18, 24, 30];

/** Ukraine and western Russia: where most places are; the reader zooms out for the rest. */
const START: L.LatLngBoundsExpression = [
  [44, 22],
  [58, 50],
];

/**
 * Places of detention over bundled region boundaries: no tile server, so it works offline.
 * Markers are coloured by territory, sized by people known there, clustered when close, and
 * reachable by keyboard (Tab, then Enter).
 */
export function FacilityMap({
  facilities,
  selectedId,
  onSelect,
}: {
  facilities: PublicFacility[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef(new Map<string, L.Marker>());
  const cluster = useRef<L.MarkerClusterGroup | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!container.current) return;
    const m = L.map(container.current, { zoomSnap: 0.5, minZoom: 2, maxZoom: 12 });
    m.fitBounds(START);
    const dropBase = addBaseMap(m);
    map.current = m;
    return () => {
      dropBase();
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const lang = i18n.language;
    const group = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      iconCreateFunction: (cluster) => {
        const count = cluster.getChildCount();
        return L.divIcon({
          className: 'facility-cluster',
          iconSize: [34, 34],
          html: leafletText(String(count), {
            text: ` ${t('map.cluster', { count })}`,
            className: 'visually-hidden',
          }),
        });
      },
    });
    group.on('clusterkeypress', (e) => {
      const key = (e as L.LeafletKeyboardEvent).originalEvent.key;
      if (key === 'Enter' || key === ' ') (e.layer as L.MarkerCluster).zoomToBounds();
    });
    markers.current.clear();
    for (const f of facilities) {
      if (f.lat === null || f.lon === null) continue;
      const size = sizeClass(knownAt(f));
      const d = DIAMETER[size] ?? 14;
      const name = facilityName(f, lang);
      const marker = L.marker([f.lat, f.lon], {
        title: name,
        alt: name,
        keyboard: true,
        riseOnHover: true,
        icon: L.divIcon({
          className: `facility-marker t-${f.territory} size-${size}`,
          iconSize: [d, d],
        }),
      });
      marker.on('click', () => select.current(f.id));
      // Leaflet makes markers focusable buttons but answers Enter only for popups.
      marker.on('keypress', (e: L.LeafletKeyboardEvent) => {
        if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') {
          e.originalEvent.preventDefault();
          select.current(f.id);
        }
      });
      markers.current.set(f.id, marker);
      group.addLayer(marker);
    }
    group.addTo(m);
    cluster.current = group;
    return () => {
      group.remove();
      cluster.current = null;
    };
  }, [facilities, i18n.language, t]);

  useEffect(() => {
    const mark = () => {
      for (const [id, marker] of markers.current)
        marker.getElement()?.classList.toggle('selected', id === selectedId);
    };
    const chosen = selectedId ? markers.current.get(selectedId) : undefined;
    // A place opened from a link may sit inside a cluster: zoom until its marker shows.
    if (chosen && cluster.current?.hasLayer(chosen)) cluster.current.zoomToShowLayer(chosen, mark);
    else mark();
  }, [selectedId, facilities]);

  return (
    <div
      ref={container}
      className="facility-map"
      role="region"
      aria-label={t('map.label')}
      data-map="facilities"
    />
  );
}
