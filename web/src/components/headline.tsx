import { useTranslation } from 'react-i18next';
import type { PublicSummary } from '../../../contract/publication.js';
import { formatCount, formatDate, formatNumber } from '../i18n/format.js';
import { EstimateCard } from './estimate-card.js';
import { DisagreementLine, StaleWarning } from './figure-doubts.js';

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
        <DisagreementLine d={h.disagreement} ours={h.value} exchanges={key === 'exchanges'} />
        <StaleWarning stale={h.stale} />
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
      <EstimateCard e={e} />
      <div className="figure" data-figure="whereabouts">
        <dt>{t('headline.whereabouts')}</dt>
        {!w.known || !w.lastKnown || !w.unknown ? (
          <>
            <dd className="value">
              <span className="number">—</span>
            </dd>
            <dd className="note">{t('gate.notPublishedShort')}</dd>
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
        <AsOf date={w.known ? w.asOf : null} />
        <SourcesLink id="whereabouts" />
      </div>
    </dl>
  );
}
