import { useTranslation } from 'react-i18next';
import type { PublicSummary } from '../../../contract/publication.js';
import { useApi } from '../api/use-api.js';

/** On every public page while the database holds synthetic (made-up) person records. */
export function SyntheticBanner() {
  const { t } = useTranslation();
  const summary = useApi<PublicSummary>('/api/public/summary');
  if (summary.status !== 'ok' || !summary.data.syntheticData) return null;
  return (
    <p className="synthetic-banner" role="note" data-banner="synthetic">
      {t('gate.syntheticBanner')}
    </p>
  );
}
