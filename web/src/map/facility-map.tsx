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
  const linked = useRef(selectedId);
  linked.current = selectedId;

  useEffect(() => {
    if (!container.current) return;
    const m = L.map(container.current, { zoomSnap: 0.5, minZoom: 2, maxZoom: 12 });
    // The zoom as an attribute, so a test (or a user's stylesheet) can tell how close it is.
    const showZoom = () => container.current?.setAttribute('data-zoom', String(m.getZoom()));
    m.on('zoomend', showZoom);
    m.fitBounds(START);
    showZoom();
    // A new map chooses its view anew. React's StrictMode (the development build, which the
    // browser tests build) mounts twice: the first map is removed and this ref outlives it;
    // left true, the second map stayed on the default view and the linked place was reached
    // by zooming its cluster, the marker flying in from a screen away.
    jumped.current = false;
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
    // A place opened from a link: the view moves to it, at a zoom where its town and neighbours
    // are named, before any marker is on the map. Moved after, the cluster group animates the
    // split of the default view's clusters and the marker flies in from where its cluster stood,
    // for a third of a second or, on a busy machine, much longer: the place is seen (and was
    // measured by the browser test) off in a corner or outside the frame. The view is chosen
    // once; later clicks and re-renders leave the reader's view alone.
    const opened = linked.current ? markers.current.get(linked.current) : undefined;
    if (opened && !jumped.current)
      m.setView(opened.getLatLng(), Math.max(m.getZoom(), READABLE_ZOOM), { animate: false });
    jumped.current = true;
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
    // Open its cluster if it still sits in one, and name it.
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
