import { useTranslation } from 'react-i18next';
import type { PublicSummary } from '../../../contract/publication.js';
import { formatCount, formatDate, formatNumber } from '../i18n/format.js';
import { DisagreementLine, StaleWarning, useQualified } from './figure-doubts.js';

type Estimate = PublicSummary['headline']['estimatedHeld'];
type Range = NonNullable<Estimate['official']['pow']>;

/**
 * "from 2,500 to 8,000" with the numbers large and the words between them small, in the
 * order the language puts them (the translation places {{low}} and {{high}}).
 */
function RangeWords({ low, high }: { low: string; high: string }) {
  const { t } = useTranslation();
  const parts = t('gate.range', { low: '\u0000low\u0000', high: '\u0000high\u0000' }).split(
    '\u0000',
  );
  return (
    <>
      {parts.map((part, i) =>
        part === 'low' || part === 'high' ? (
          <span key={i} className="n">
            {part === 'low' ? low : high}
          </span>
        ) : (
          part.trim() && (
            <span key={i} className="range-word">
              {` ${part.trim()} `}
            </span>
          )
        ),
      )}
    </>
  );
}

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
        {range.low === range.high ? (
          <span className="n">{formatNumber(range.low, lang)}</span>
        ) : (
          <RangeWords low={formatNumber(range.low, lang)} high={formatNumber(range.high, lang)} />
        )}
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
 * "Estimated still held", the page's one number: the estimate an analyst published, with the
 * facts it was frozen with; until one is, the latest published figures of POWs and civilians
 * held as ranges, each figure with who said it and when, and a line saying that Polon's own
 * estimate is not published yet.
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
          <OfficialRange group="pow" range={e.official.pow} />
          <OfficialRange group="civilians" range={e.official.civilians} />
          <dd className="caveat" data-estimate="not-published">
            {t('design.heldNotPublished')}
          </dd>
        </>
      ) : (
        <>
          <dd className="value">
            <span className="number">{e.value ? formatCount(e.value, lang) : '—'}</span>
          </dd>
          <dd className="caveat">
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
      <dd className="links">
        <a href="#about-estimatedHeld">{t('headline.sourcesLink')}</a>
        {!p && (
          <>
            {' · '}
            <a href="#published">{t('dashboard.publishedTitle')}</a>
          </>
        )}
      </dd>
    </div>
  );
}
