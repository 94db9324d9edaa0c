import { useTranslation } from 'react-i18next';
import { DIAMETER } from './marker-parts.js';
import { REGION_CLASSES } from './region-layer.js';

const TERRITORIES = ['RU', 'UA-occupied', 'BY'] as const;

/**
 * What the map's colours and sizes mean. Sizes only when person records are loaded: without
 * them every place is drawn the same, and a size key would promise what is not there.
 */
export function MapLegend({
  mode,
  withCounts,
  threshold,
}: {
  mode: 'places' | 'regions';
  withCounts: boolean;
  threshold: number | null;
}) {
  const { t } = useTranslation();
  if (mode === 'regions')
    return (
      <div className="map-legend" data-legend="regions">
        <h2>{t('map.legendTitle')}</h2>
        <p className="legend-head">{t('map.regionFill')}</p>
        <ul className="legend">
          {REGION_CLASSES.map((c) => (
            <li key={c.from}>
              <span className="swatch" style={{ background: c.fill }} aria-hidden="true" />
              {Number.isFinite(c.to) ? `${c.from}–${c.to}` : `${c.from}+`}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <div className="map-legend" data-legend="places">
      <h2>{t('map.legendTitle')}</h2>
      <p className="legend-head">{t('map.colour')}</p>
      <ul className="legend">
        {TERRITORIES.map((k) => (
          <li key={k}>
            <span className={`swatch facility-marker t-${k}`} aria-hidden="true" />
            {t(`territory.${k}`)}
          </li>
        ))}
        <li data-legend-item="closed">
          <span className="swatch facility-marker t-UA-occupied closed" aria-hidden="true" />
          {t('map.closedKey')}
        </li>
      </ul>
      <p className="legend-head">{t('map.size')}</p>
      {withCounts ? (
        <ul className="legend">
          {['1–9', '10–99', '100+'].map((label, i) => (
            <li key={label}>
              <span
                className="swatch facility-marker t-RU"
                style={{ width: DIAMETER[i + 1], height: DIAMETER[i + 1] }}
                aria-hidden="true"
              />
              {label}
            </li>
          ))}
          {threshold !== null && <li>{t('map.sizeSuppressed', { n: threshold })}</li>}
        </ul>
      ) : (
        <p className="note">{t('map.sizeNone')}</p>
      )}
      <p className="note">{t('map.approximateKey')}</p>
    </div>
  );
}
