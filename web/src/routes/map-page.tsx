import { useTranslation } from 'react-i18next';
import { MapView } from '../map/map-view.js';

export function MapPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('map.title')}</h1>
      <MapView />
    </>
  );
}
