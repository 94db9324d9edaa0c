import { useTranslation } from 'react-i18next';
import type { PublicFacilities, PublicSummary } from '../../../contract/publication.js';
import { useApi } from '../api/use-api.js';
import { ExchangeTimeline } from '../charts/exchange-timeline.js';
import { AboutFigures } from '../components/about-figures.js';
import { HeadlineFigures } from '../components/headline.js';
import { PriorityGroups } from '../components/priority-groups.js';
import { PublishedHeld } from '../components/published-held.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { formatDate, formatNumber } from '../i18n/format.js';

/** The dashboard's numbers and charts on paper: the print stylesheet drops the navigation. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const summary = useApi<PublicSummary>('/api/public/summary');
  const facilities = useApi<PublicFacilities>('/api/public/facilities');
  if (summary.status === 'loading' || facilities.status === 'loading') return <Loading />;
  if (summary.status === 'error') return <ErrorMessage error={summary.error} />;
  if (facilities.status === 'error') return <ErrorMessage error={facilities.error} />;
  const s = summary.data;
  const perTerritory = new Map<string, number>();
  for (const f of facilities.data.facilities)
    perTerritory.set(f.territory, (perTerritory.get(f.territory) ?? 0) + 1);
  return (
    <article className="report">
      <h1>
        {t('site.name')}: {t('report.title')}
      </h1>
      <p>{t('report.intro', { date: formatDate(s.asOf, lang) })}</p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </p>
      <HeadlineFigures headline={s.headline} />
      <section>
        <h2>{t('dashboard.timelineTitle')}</h2>
        <ExchangeTimeline points={s.timeline} split="military" />
      </section>
      <section>
        <h2>{t('dashboard.groupsTitle')}</h2>
        <PriorityGroups groups={s.priorityGroups} />
      </section>
      <section id="published">
        <h2>{t('dashboard.publishedTitle')}</h2>
        <PublishedHeld figures={s.publishedHeld} />
      </section>
      <section>
        <h2>{t('report.facilitiesTitle')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('facility.territory')}</th>
              <th scope="col" className="num">
                {t('report.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...perTerritory].map(([territory, n]) => (
              <tr key={territory}>
                <th scope="row">{t(`territory.${territory}`)}</th>
                <td className="num">{formatNumber(n, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>{t('dashboard.aboutTitle')}</h2>
        <AboutFigures summary={s} />
      </section>
    </article>
  );
}
