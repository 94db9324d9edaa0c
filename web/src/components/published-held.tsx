import { useTranslation } from 'react-i18next';
import type { PublicSummary } from '../../../contract/publication.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { SourcesList } from './sources-list.js';

/** Published figures of people held, as their sources gave them: they disagree, none is picked. */
export function PublishedHeld({ figures }: { figures: PublicSummary['publishedHeld'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="table-wrap">
      <table className="data-table" data-table="published">
        <thead>
          <tr>
            <th scope="col">{t('published.metric')}</th>
            <th scope="col" className="num">
              {t('published.value')}
            </th>
            <th scope="col">{t('published.asOf')}</th>
            <th scope="col">{t('published.who')}</th>
            <th scope="col">{t('published.sources')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f, i) => (
            <tr key={`${f.metric}-${f.asOf}-${i}`}>
              <td>{t(`published.${f.metric}`)}</td>
              <td className="num">
                {f.qualifier !== 'exact' &&
                  `${t(`published.${f.qualifier}`, { defaultValue: '' })} `}
                {formatNumber(f.value, lang)}
              </td>
              <td>{formatDate(f.asOf, lang)}</td>
              <td>{f.who}</td>
              <td>
                <SourcesList sources={f.sources} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
