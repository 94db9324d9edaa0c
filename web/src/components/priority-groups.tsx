import { useTranslation } from 'react-i18next';
import type { PublicSummary } from '../../../contract/publication.js';
import { formatCount, formatNumber } from '../i18n/format.js';

/** Per priority group: returned in exchanges that state it, and known still held. */
export function PriorityGroups({ groups }: { groups: PublicSummary['priorityGroups'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="table-wrap">
      <table className="data-table" data-table="groups">
        <thead>
          <tr>
            <th scope="col">{t('groups.group')}</th>
            <th scope="col" className="num">
              {t('groups.released')}
            </th>
            <th scope="col" className="num">
              {t('groups.held')}
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.group} data-group={g.group}>
              <th scope="row">{t(`groups.${g.group}`)}</th>
              <td className="num">
                {g.released ? (
                  <>
                    {formatNumber(g.released.value, lang)}
                    <span className="note">
                      {' '}
                      {t('groups.exchangesStating', { n: g.released.exchangesStating })}
                    </span>
                  </>
                ) : (
                  <span className="note">{t('groups.notStated')}</span>
                )}
              </td>
              <td className="num">
                {g.held ? (
                  formatCount(g.held, lang)
                ) : (
                  <span className="note">
                    {t(
                      g.heldMissing === 'not_recorded'
                        ? 'gate.notRecorded'
                        : 'gate.notPublishedShort',
                    )}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
