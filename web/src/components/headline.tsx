import { useTranslation } from 'react-i18next';
import type { PublicSummary } from '../../../contract/publication.js';
import { formatCount, formatDate, formatNumber } from '../i18n/format.js';

type Headline = PublicSummary['headline'];
type Simple = 'returned' | 'exchanges' | 'bodiesReturned';

function AsOf({ date }: { date: string | null }) {
  const { t, i18n } = useTranslation();
  if (!date) return null;
  return <dd className="as-of">{t('headline.asOf', { date: formatDate(date, i18n.language) })}</dd>;
}

function SourcesLink({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <dd>
      <a href={`#about-${id}`}>{t('headline.sourcesLink')}</a>
    </dd>
  );
}

/** The five headline figures, each with its date and a link to its sources and method. */
export function HeadlineFigures({ headline }: { headline: Headline }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const simple = (key: Simple) => {
    const h = headline[key];
    return (
      <div className="figure" data-figure={key} key={key}>
        <dt>{t(`headline.${key}`)}</dt>
        <dd className="value">
          {h.lowerBound && <span className="qualifier">{t('headline.atLeast')} </span>}
          <span className="number">{formatNumber(h.value, lang)}</span>
        </dd>
        <AsOf date={h.asOf} />
        <SourcesLink id={key} />
      </div>
    );
  };
  const e = headline.estimatedHeld;
  const w = headline.whereabouts;
  return (
    <dl className="headline">
      {simple('returned')}
      {simple('exchanges')}
      {simple('bodiesReturned')}
      <div className="figure" data-figure="estimatedHeld">
        <dt>{t('headline.estimatedHeld')}</dt>
        {e.value === null ? (
          <>
            <dd className="value">
              <span className="number">—</span>
            </dd>
            <dd className="note">
              {t('headline.needsRecords')} <a href="#published">{t('dashboard.publishedTitle')}</a>
            </dd>
          </>
        ) : (
          <>
            <dd className="value">
              <span className="number">{formatCount(e.value, lang)}</span>
            </dd>
            <dd className="note">
              {e.ci95 && e.ci95[0] !== null && e.ci95[1] !== null
                ? t('headline.interval', {
                    low: formatNumber(e.ci95[0], lang),
                    high: formatNumber(e.ci95[1], lang),
                  })
                : t('headline.noInterval')}
            </dd>
            <dd className="note">
              {t('headline.seenHeld', { n: formatCount(e.inputs.seenHeld, lang) })}
            </dd>
          </>
        )}
        <AsOf date={e.asOf} />
        <SourcesLink id="estimatedHeld" />
      </div>
      <div className="figure" data-figure="whereabouts">
        <dt>{t('headline.whereabouts')}</dt>
        {w.basis === 'none' ? (
          <>
            <dd className="value">
              <span className="number">—</span>
            </dd>
            <dd className="note">{t('headline.noRecords')}</dd>
          </>
        ) : (
          <>
            <dd className="value">
              <span className="number">{formatCount(w.known, lang)}</span>
            </dd>
            <dd className="note">
              {t('headline.whereaboutsDetail', {
                known: formatCount(w.known, lang),
                lastKnown: formatCount(w.lastKnown, lang),
                unknown: formatCount(w.unknown, lang),
                days: w.windowDays,
              })}
            </dd>
          </>
        )}
        <AsOf date={w.asOf} />
        <SourcesLink id="whereabouts" />
      </div>
    </dl>
  );
}
