import { useTranslation } from 'react-i18next';
import type { PublicSummary } from '../../../contract/publication.js';
import { formatCount, formatDate, formatNumber } from '../i18n/format.js';
import { EstimateCard } from './estimate-card.js';
import { STALE_AFTER_DAYS } from '../../../contract/publication.js';
import { DisagreementLine } from './figure-doubts.js';

type Headline = PublicSummary['headline'];
type Simple = 'returned' | 'exchanges' | 'bodiesReturned';

/** "As of 15 May 2026", and on the same line a short warning when that is over 90 days ago. */
function AsOf({ date, stale = false }: { date: string | null; stale?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!date) return null;
  return (
    <dd className="as-of">
      {t('headline.asOf', { date: formatDate(date, i18n.language) })}
      {stale && (
        <>
          {' · '}
          <span
            className="stale"
            data-doubt="stale"
            title={t('gate.stale', { days: STALE_AFTER_DAYS })}
          >
            {t('design.staleShort', { days: STALE_AFTER_DAYS })}
          </span>
        </>
      )}
    </dd>
  );
}

function SourcesLink({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <dd>
      <a href={`#about-${id}`}>{t('headline.sourcesLink')}</a>
    </dd>
  );
}

/**
 * The headline figures in the order a reader needs them: the one number to quote (people
 * still held) large and first, with its caveat and sources under it; then the counts of
 * returns, exchanges, bodies and known whereabouts as small cards beside each other.
 */
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
        <AsOf date={h.asOf} stale={h.stale} />
        <DisagreementLine d={h.disagreement} ours={h.value} exchanges={key === 'exchanges'} brief />
        <SourcesLink id={key} />
      </div>
    );
  };
  const w = headline.whereabouts;
  return (
    <div className="headline">
      <dl className="hero">
        <EstimateCard e={headline.estimatedHeld} />
      </dl>
      <dl className="figures">
        {simple('returned')}
        {simple('exchanges')}
        {simple('bodiesReturned')}
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
    </div>
  );
}
