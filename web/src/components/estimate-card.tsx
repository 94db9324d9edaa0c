import { useTranslation } from 'react-i18next';
import type { PublicSummary } from '../../../contract/publication.js';
import { formatCount, formatDate, formatNumber } from '../i18n/format.js';
import { DisagreementLine, StaleWarning, useQualified } from './figure-doubts.js';

type Estimate = PublicSummary['headline']['estimatedHeld'];
type Range = NonNullable<Estimate['official']['pow']>;

/** One group's latest published figures as a range, each with who said it and when. */
function OfficialRange({ group, range }: { group: 'pow' | 'civilians'; range: Range | null }) {
  const { t, i18n } = useTranslation();
  const qualified = useQualified();
  const lang = i18n.language;
  if (!range) return null;
  return (
    <dd className="official" data-official={group}>
      <span className="official-group">{t(`gate.${group}`)}</span>{' '}
      <span className="official-range">
        {range.low === range.high
          ? formatNumber(range.low, lang)
          : t('gate.range', {
              low: formatNumber(range.low, lang),
              high: formatNumber(range.high, lang),
            })}
      </span>
      <ul className="official-figures">
        {range.figures.map((f, i) => (
          <li key={`${f.asOf}-${i}`}>
            {t('gate.rangeFigure', {
              value: qualified(f.value, f.qualifier),
              who: f.who ?? t('gate.someone'),
              date: formatDate(f.asOf, lang),
            })}
          </li>
        ))}
      </ul>
    </dd>
  );
}

/**
 * "Estimated still held": the estimate an analyst published, with the facts it was frozen
 * with; until one is, the latest published figures of POWs and civilians held as ranges.
 */
export function EstimateCard({ e }: { e: Estimate }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = e.published;
  return (
    <div className="figure figure-estimate" data-figure="estimatedHeld">
      <dt>{t('headline.estimatedHeld')}</dt>
      {!p ? (
        <>
          <dd className="note" data-estimate="not-published">
            {t('gate.notPublished')}
          </dd>
          <OfficialRange group="pow" range={e.official.pow} />
          <OfficialRange group="civilians" range={e.official.civilians} />
          <dd className="note">
            <a href="#published">{t('dashboard.publishedTitle')}</a>
          </dd>
        </>
      ) : (
        <>
          <dd className="value">
            <span className="number">{e.value ? formatCount(e.value, lang) : '—'}</span>
          </dd>
          <dd className="note">
            {e.ci95 && e.ci95[0] !== null && e.ci95[1] !== null
              ? t('headline.interval', {
                  low: formatNumber(e.ci95[0], lang),
                  high: formatNumber(e.ci95[1], lang),
                })
              : t('headline.noInterval')}
          </dd>
          <dd className="note" data-fact="method">
            {e.method === 'mse'
              ? t('gate.methodMse', { lists: p.lists.map((l) => l.title ?? l.id).join(', ') })
              : t('gate.methodSeen')}
          </dd>
          <dd className="note" data-fact="population">
            {t('gate.population', {
              seen: formatCount(p.population.seenHeld, lang),
              persons: formatCount(p.population.persons, lang),
            })}
          </dd>
          <dd className="note" data-fact="published">
            {t('gate.publishedOn', {
              asOf: formatDate(e.asOf, lang),
              date: formatDate(p.publishedAt.slice(0, 10), lang),
              version: p.dataVersion,
            })}
          </dd>
        </>
      )}
      <DisagreementLine d={e.disagreement} />
      <StaleWarning stale={e.stale} />
      <dd>
        <a href="#about-estimatedHeld">{t('headline.sourcesLink')}</a>
      </dd>
    </div>
  );
}
