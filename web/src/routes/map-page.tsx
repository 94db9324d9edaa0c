import { useTranslation } from 'react-i18next';

export function MapPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('map.title')}</h1>
    </section>
  );
}
