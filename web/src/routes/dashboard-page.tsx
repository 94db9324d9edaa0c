import type { ExchangeStats } from '../../../contract/exchanges.js';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { formatDate, formatNumber } from '../i18n/format.js';

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const stats = useApi<ExchangeStats>('/api/stats/exchanges');
  if (stats.status === 'loading') return <Loading />;
  if (stats.status === 'error') return <ErrorMessage error={stats.error} />;
  const s = stats.data;
  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <dl className="headline">
        <div className="figure" data-figure="returned">
          <dt>{t('headline.returned')}</dt>
          <dd>{formatNumber(s.returned, i18n.language)}</dd>
        </div>
        <div className="figure" data-figure="exchanges">
          <dt>{t('headline.exchanges')}</dt>
          <dd>{formatNumber(s.exchanges, i18n.language)}</dd>
        </div>
      </dl>
      <p>{t('headline.asOf', { date: formatDate(s.asOf, i18n.language) })}</p>
    </section>
  );
}
