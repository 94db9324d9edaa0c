import { useTranslation } from 'react-i18next';

export function ReportPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('report.title')}</h1>
    </section>
  );
}
