import { useTranslation } from 'react-i18next';

export function FacilitiesPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('facilities.title')}</h1>
    </section>
  );
}
