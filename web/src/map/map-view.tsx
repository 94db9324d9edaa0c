import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { PublicFacilities, PublicFacility } from '../../../contract/publication.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { formatNumber } from '../i18n/format.js';
import { FacilityMap } from './facility-map.js';
import { FacilityPanel } from './facility-panel.js';
import { MapLegend } from './map-legend.js';
import { isClosed } from './marker-parts.js';

/** The small-count threshold as the server applied it, read off a suppressed count. */
function thresholdOf(facilities: readonly PublicFacility[]): number | null {
  for (const f of facilities)
    for (const c of f.counts ? Object.values(f.counts) : [])
      // A withheld count (below null) says nothing of the threshold.
      if (c?.suppressed && c.below !== null) return c.below;
  return null;
}

/**
 * The map with the panel of the place chosen; `?facility=ID` in the URL names that place,
 * `?closed=hide` leaves closed places out and `?layer=regions` shows the region layer.
 */
export function MapView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const data = useApi<PublicFacilities>('/api/public/facilities');
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('facility');
  const hideClosed = params.get('closed') === 'hide';
  const mode = params.get('layer') === 'regions' ? 'regions' : 'places';
  const set = (key: string, value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorMessage error={data.error} />;
  const all = data.data.facilities;
  // A place opened by link stays on the map even when closed places are hidden.
  const facilities = hideClosed ? all.filter((f) => !isClosed(f) || f.id === selectedId) : all;
  const selected = all.find((f) => f.id === selectedId);
  const placed = facilities.filter((f) => f.lat !== null && f.lon !== null).length;
  const closed = all.filter(isClosed).length;
  return (
    <div className="map-view">
      <div className="map-main">
        <p className="map-summary" data-summary={all.length}>
          {t('map.summary', {
            count: all.length,
            n: formatNumber(all.length, lang),
            ru: formatNumber(all.filter((f) => f.territory === 'RU').length, lang),
            ua: formatNumber(all.filter((f) => f.territory === 'UA-occupied').length, lang),
            by: formatNumber(all.filter((f) => f.territory === 'BY').length, lang),
            closed: formatNumber(closed, lang),
          })}
        </p>
        <div className="map-controls">
          <fieldset className="split">
            <legend className="visually-hidden">{t('map.layer')}</legend>
            {(['places', 'regions'] as const).map((m) => (
              <label key={m}>
                <input
                  type="radio"
                  name="layer"
                  value={m}
                  checked={mode === m}
                  onChange={() => set('layer', m === 'regions' ? 'regions' : null)}
                />{' '}
                {t(`map.layer_${m}`)}
              </label>
            ))}
          </fieldset>
          {mode === 'places' && closed > 0 && (
            <label>
              <input
                type="checkbox"
                name="closed"
                checked={!hideClosed}
                onChange={(e) => set('closed', e.target.checked ? null : 'hide')}
              />{' '}
              {t('map.showClosed', { count: closed, n: closed })}
            </label>
          )}
        </div>
        <FacilityMap
          facilities={facilities}
          selectedId={selectedId}
          onSelect={(id) => set('facility', id)}
          mode={mode}
        />
        <p className="note" data-markers={placed}>
          {t('map.markers', { count: placed, n: placed, m: facilities.length - placed })}{' '}
          {t('map.hint')}
        </p>
        <MapLegend
          mode={mode}
          withCounts={all.some((f) => f.counts !== null)}
          threshold={thresholdOf(all)}
        />
      </div>
      {selected && <FacilityPanel facility={selected} onClose={() => set('facility', null)} />}
    </div>
  );
}
