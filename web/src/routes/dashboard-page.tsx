import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { PublicSummary } from '../../../contract/publication.js';
import { prefetch, useApi } from '../api/use-api.js';
import { AboutFigures } from '../components/about-figures.js';
import { HeadlineFigures } from '../components/headline.js';
import { PriorityGroups } from '../components/priority-groups.js';
import { PublishedHeld } from '../components/published-held.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { TimelineSection } from '../charts/timeline-section.js';

// Leaflet and the boundaries load after the numbers: the first screen does not wait for them.
const MapView = lazy(() => import('../map/map-view.js').then((m) => ({ default: m.MapView })));

/**
 * The home page in the order a reader needs it: the one number to quote (people still held)
 * with its caveat, then the returns over time, then where people are held, then the detail.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  prefetch('/api/public/facilities');
  const summary = useApi<PublicSummary>('/api/public/summary');
  return (
    <>
      <header className="page-head">
        <h1>{t('dashboard.title')}</h1>
        <p className="lead">{t('site.tagline')}</p>
      </header>
      {summary.status === 'loading' && <Loading />}
      {summary.status === 'error' && <ErrorMessage error={summary.error} />}
      {summary.status === 'ok' && (
        <>
          <section aria-labelledby="headline-title">
            <h2 id="headline-title" className="visually-hidden">
              {t('dashboard.headlineTitle')}
            </h2>
            <HeadlineFigures headline={summary.data.headline} />
          </section>
          <section aria-labelledby="timeline-title" data-section="timeline">
            <h2 id="timeline-title">{t('dashboard.timelineTitle')}</h2>
            <TimelineSection points={summary.data.timeline} />
          </section>
        </>
      )}
      <section aria-labelledby="map-title" data-section="map">
        <h2 id="map-title">{t('dashboard.mapTitle')}</h2>
        <Suspense fallback={<Loading />}>
          <MapView />
        </Suspense>
        <p className="links">
          <Link href="/facilities">{t('nav.facilities')}</Link> ·{' '}
          <Link href="/map">{t('dashboard.mapMore')}</Link>
        </p>
      </section>
      {summary.status === 'ok' && (
        <>
          <section aria-labelledby="groups-title">
            <h2 id="groups-title">{t('dashboard.groupsTitle')}</h2>
            <PriorityGroups groups={summary.data.priorityGroups} />
          </section>
          <section id="published" aria-labelledby="published-title" tabIndex={-1}>
            <h2 id="published-title">{t('dashboard.publishedTitle')}</h2>
            <p>{t('method.published-figures')}</p>
            <PublishedHeld figures={summary.data.publishedHeld} />
          </section>
          <section aria-labelledby="about-title">
            <h2 id="about-title">{t('dashboard.aboutTitle')}</h2>
            <AboutFigures summary={summary.data} />
          </section>
        </>
      )}
    </>
  );
}
