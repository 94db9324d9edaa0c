import { useTranslation } from 'react-i18next';
import type { PublicSummary } from '../../../contract/publication.js';
import { SourcesList } from './sources-list.js';

/** Each headline figure's method in words and its sources: the targets of "Sources and method". */
export function AboutFigures({ summary }: { summary: PublicSummary }) {
  const { t } = useTranslation();
  const h = summary.headline;
  const items = [
    { id: 'returned', method: h.returned.method, sources: h.returned.sources },
    { id: 'exchanges', method: h.exchanges.method, sources: h.exchanges.sources },
    { id: 'bodiesReturned', method: h.bodiesReturned.method, sources: h.bodiesReturned.sources },
    { id: 'estimatedHeld', method: h.estimatedHeld.methodId, sources: [] },
    { id: 'whereabouts', method: h.whereabouts.method, sources: [] },
  ];
  return (
    <div className="about">
      {items.map((item) => (
        <section key={item.id} id={`about-${item.id}`} tabIndex={-1}>
          <h3>{t(`headline.${item.id}`)}</h3>
          <p>{t(`method.${item.method}`)}</p>
          {item.id === 'estimatedHeld' &&
            h.estimatedHeld.caveats.map((c) => (
              <p key={c} className="note">
                {t(`caveat.${c}`)}
              </p>
            ))}
          {item.sources.length > 0 && <SourcesList sources={item.sources} />}
        </section>
      ))}
      <section id="about-groups" tabIndex={-1}>
        <h3>{t('dashboard.groupsTitle')}</h3>
        <p>{t('method.priority-groups')}</p>
      </section>
    </div>
  );
}
