import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { PublicFacilities } from '../../../contract/publication.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { FacilityMap } from './facility-map.js';
import { FacilityPanel } from './facility-panel.js';

/** The map with the panel of the place chosen; `?facility=ID` in the URL names that place. */
export function MapView() {
  const { t } = useTranslation();
  const data = useApi<PublicFacilities>('/api/public/facilities');
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('facility');
  const setSelected = (id: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('facility', id);
      else next.delete('facility');
      return next;
    });
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorMessage error={data.error} />;
  const { facilities } = data.data;
  const selected = facilities.find((f) => f.id === selectedId);
  const placed = facilities.filter((f) => f.lat !== null && f.lon !== null).length;
  return (
    <div className="map-view">
      <div className="map-main">
        <FacilityMap facilities={facilities} selectedId={selectedId} onSelect={setSelected} />
        <p className="note" data-markers={placed}>
          {t('map.markers', { n: placed, m: facilities.length - placed })} {t('map.legend')}{' '}
          {t('map.hint')}
        </p>
        <ul className="legend">
          {(['RU', 'UA-occupied', 'BY'] as const).map((k) => (
            <li key={k}>
              <span className={`swatch facility-marker t-${k}`} aria-hidden="true" />
              {t(`territory.${k}`)}
            </li>
          ))}
        </ul>
      </div>
      {selected && <FacilityPanel facility={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}
