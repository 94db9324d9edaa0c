import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicFacility } from '../../../contract/publication.js';
import { facilityName, regionName, settlementLabel } from '../components/facility-name.js';
import { SourcesList } from '../components/sources-list.js';
import { formatCount } from '../i18n/format.js';
import { approximateText, isApproximate } from './marker-parts.js';

const isConstructed = (f: PublicFacility, k: string) =>
  (k === 'nameUk' && f.constructedNames.includes('uk')) ||
  (k === 'nameRu' && f.constructedNames.includes('ru'));

/** One place: its names in the three languages, what it is, where, its sources and counts. */
export function FacilityPanel({
  facility: f,
  onClose,
}: {
  facility: PublicFacility;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the place they opened.
  useEffect(() => heading.current?.focus(), [f.id]);
  const names: [string, string | null][] = [
    ['nameUk', f.nameUk],
    ['nameRu', f.nameRu],
    ['nameEn', f.nameEn],
  ];
  return (
    <aside className="facility-panel" aria-labelledby={titleId} data-panel={f.id}>
      <button type="button" className="close" onClick={onClose}>
        {t('facility.close')}
      </button>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {facilityName(f, lang)}
      </h2>
      <dl>
        <dt>{t('facility.names')}</dt>
        {names
          .filter(([, n]) => n)
          .map(([k, n]) => (
            <dd key={k} lang={k === 'nameUk' ? 'uk' : k === 'nameRu' ? 'ru' : 'en'} data-name={k}>
              <span className="note">{t(`facility.${k}`)}:</span> {n}
              {isConstructed(f, k) && (
                <span className="note constructed" data-constructed={k}>
                  {' '}
                  ({t('facility.constructed')})
                </span>
              )}
            </dd>
          ))}
        {f.aliases.length > 0 && (
          <dd>
            <span className="note">{t('facility.aliases')}:</span> {f.aliases.join('; ')}
          </dd>
        )}
        <dt>{t('facility.type')}</dt>
        <dd>{t(`type.${f.type}`, { defaultValue: f.type })}</dd>
        <dt>{t('facility.territory')}</dt>
        <dd>{t(`territory.${f.territory}`)}</dd>
        {f.region && (
          <>
            <dt>{t('facility.region')}</dt>
            <dd>{regionName(f, lang)}</dd>
          </>
        )}
        {f.settlement && (
          <>
            <dt>{t('facility.settlement')}</dt>
            <dd>{settlementLabel(f, lang)}</dd>
          </>
        )}
        {f.lat !== null && isApproximate(f) && (
          <dd className="note" data-approximate="">
            {approximateText(f, lang, t)}
          </dd>
        )}
        <dt>{t('facility.held')}</dt>
        <dd>{t(`heldKind.${f.held}`, { defaultValue: f.held })}</dd>
        <dt>{t('facility.status')}</dt>
        <dd>{t(`facilityStatus.${f.status}`, { defaultValue: f.status })}</dd>
        <dt>{t('facility.counts')}</dt>
        {f.counts ? (
          <dd>
            {formatCount(f.counts.identified, lang)} {t('facility.identified')};{' '}
            {formatCount(f.counts.lastKnown, lang)} {t('facility.lastKnown')}
            {f.counts.estimate &&
              `; ${formatCount(f.counts.estimate, lang)} ${t('facility.estimate')}`}
          </dd>
        ) : (
          <dd>{t('gate.noCounts')}</dd>
        )}
      </dl>
      <SourcesList sources={f.sources} />
    </aside>
  );
}
