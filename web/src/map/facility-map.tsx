import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicFacility } from '../../../contract/publication.js';
import { facilityName } from '../components/facility-name.js';
import { addBaseMap } from './base-map.js';
import {
  DIAMETER,
  clusterLabel,
  facilityTooltip,
  isApproximate,
  isClosed,
  knownAt,
  sizeClass,
} from './marker-parts.js';
import { leafletBlock, leafletText } from './leaflet-text.js';
import { addPlaceLabels } from './place-labels.js';
import { addRegionLayer, tallyRegions } from './region-layer.js';

export { knownAt } from './marker-parts.js';

/**
 * A zoom at which a place opened from a link shows with its town and neighbours named; from
 * it on, places are no longer clustered (zooming a cluster of places at one town centre
 * further would only reach an empty square).
 */
const READABLE_ZOOM = 9;
/** Places at the very same point (a town centre) are set apart by this much, about 2 km. */
const SPREAD = 0.02;

/** Ukraine and western Russia: where most places are; the reader zooms out for the rest. */
const START: L.LatLngBoundsExpression = [
  [44, 22],
  [58, 50],
];

/**
 * Places of detention over bundled region boundaries and place names: no tile server, so it
 * works offline. Markers are coloured by territory (closed places hollow), sized by people
 * known there, clustered when close, named in a tooltip, and reachable by keyboard (Tab, then
 * Enter). In `regions` mode the regions are filled by the places known in each instead.
 */
export function FacilityMap({
  facilities,
  selectedId,
  onSelect,
  mode = 'places',
}: {
  facilities: PublicFacility[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  mode?: 'places' | 'regions';
}) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef(new Map<string, L.Marker>());
  const cluster = useRef<L.MarkerClusterGroup | null>(null);
  const jumped = useRef(false);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!container.current) return;
    const m = L.map(container.current, { zoomSnap: 0.5, minZoom: 2, maxZoom: 12 });
    // The zoom as an attribute, so a test (or a user's stylesheet) can tell how close it is.
    const showZoom = () => container.current?.setAttribute('data-zoom', String(m.getZoom()));
    m.on('zoomend', showZoom);
    m.fitBounds(START);
    showZoom();
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
    return addPlaceLabels(m, i18n.language);
  }, [i18n.language]);

  useEffect(() => {
    const m = map.current;
    if (!m || mode !== 'regions') return;
    return addRegionLayer(m, tallyRegions(facilities), i18n.language, t);
  }, [facilities, i18n.language, t, mode]);

  useEffect(() => {
    const m = map.current;
    if (!m || mode !== 'places') return;
    const lang = i18n.language;
    const group = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 50,
      disableClusteringAtZoom: READABLE_ZOOM,
      iconCreateFunction: (cluster) => {
        const label = clusterLabel(cluster.getChildCount(), t);
        return L.divIcon({
          className: 'facility-cluster',
          iconSize: [label.length * 7 + 18, 26],
          html: leafletText(label),
        });
      },
    });
    group.on('clusterkeypress', (e) => {
      const key = (e as L.LeafletKeyboardEvent).originalEvent.key;
      if (key === 'Enter' || key === ' ') (e.layer as L.MarkerCluster).zoomToBounds();
    });
    markers.current.clear();
    const atPoint = new Map<string, PublicFacility[]>();
    for (const f of facilities)
      if (f.lat !== null && f.lon !== null) {
        const key = `${f.lat},${f.lon}`;
        atPoint.set(key, [...(atPoint.get(key) ?? []), f]);
      }
    for (const f of facilities) {
      if (f.lat === null || f.lon === null) continue;
      // Places sharing a point sit on a small ring around it, each reachable by itself.
      const same = atPoint.get(`${f.lat},${f.lon}`) ?? [f];
      const angle = (2 * Math.PI * same.indexOf(f)) / same.length;
      const r = same.length > 1 ? SPREAD : 0;
      const at: L.LatLngTuple = [f.lat + r * Math.sin(angle), f.lon + r * Math.cos(angle)];
      const size = sizeClass(knownAt(f));
      const d = DIAMETER[size] ?? 14;
      const name = facilityName(f, lang);
      const marker = L.marker(at, {
        title: name,
        alt: name,
        keyboard: true,
        riseOnHover: true,
        icon: L.divIcon({
          className: [
            `facility-marker t-${f.territory} size-${size}`,
            isClosed(f) ? 'closed' : '',
            isApproximate(f) ? 'approximate' : '',
          ].join(' '),
          iconSize: [d, d],
        }),
      });
      marker.bindTooltip(leafletBlock('facility-tooltip', ...facilityTooltip(f, lang, t)), {
        direction: 'top',
        offset: [0, -d / 2],
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
  }, [facilities, i18n.language, t, mode]);

  useEffect(() => {
    const m = map.current;
    const mark = () => {
      for (const [id, marker] of markers.current)
        marker.getElement()?.classList.toggle('selected', id === selectedId);
    };
    const chosen = selectedId ? markers.current.get(selectedId) : undefined;
    if (!m || !chosen || !cluster.current?.hasLayer(chosen)) return mark();
    // A place opened from a link: centre it at a zoom where its town and neighbours are named,
    // then open its cluster if it still sits in one, and name it. A click on the map later
    // leaves the reader's view alone.
    if (!jumped.current)
      m.setView(chosen.getLatLng(), Math.max(m.getZoom(), READABLE_ZOOM), { animate: false });
    jumped.current = true;
    cluster.current.zoomToShowLayer(chosen, () => {
      mark();
      chosen.openTooltip();
    });
  }, [selectedId, facilities, mode]);

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
