import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { PersonProfile, PlaceOnMap, TimelineEntry } from '../../../contract/persons.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { PersonMap } from './person-map.js';
import { nameAsWritten } from './search-page.js';
import { useFresh } from './workspace-api.js';
import { ScrollRegion } from './scroll-region.js';

export function placeName(p: PlaceOnMap | null, lang: string): string | null {
  if (!p) return null;
  return (lang === 'uk' ? p.nameUk : lang === 'ru' ? p.nameRu : null) ?? p.nameEn;
}

function Step({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation('workspace');
  const place = placeName(entry.facility, i18n.language);
  if (entry.type === 'event') {
    const e = entry.event;
    const where = place ?? e.facilityText ?? e.place;
    return (
      <>
        <strong>{t(`events.${e.kind}`, { defaultValue: e.kind })}</strong>
        {where && <> — {where}</>}
        {e.court && <> · {e.court}</>}
        {e.termMonths !== null && <> · {t('person.term', { count: e.termMonths })}</>}
      </>
    );
  }
  const ep = entry.episode;
  return (
    <>
      <strong>{t('person.held')}</strong> — {place ?? ep.facilityText ?? t('person.unknownPlace')}
      {ep.endDate && <> · {t('person.until', { date: ep.endDate })}</>}
    </>
  );
}

/** A person: each source's record as written, one timeline, and where they were held. */
export function PersonPage() {
  const { t, i18n } = useTranslation('workspace');
  const { id } = useParams<{ id: string }>();
  const lang = i18n.language;
  const nameOf = useCallback((f: PlaceOnMap) => placeName(f, lang) ?? f.nameEn, [lang]);
  const profile = useFresh<PersonProfile>(`/api/persons/${encodeURIComponent(id)}`);
  if (profile.status === 'error') return <ErrorMessage error={profile.error} />;
  if (profile.status !== 'ok') return <Loading />;
  const p = profile.data;
  const first = p.records[0];
  return (
    <article>
      <p>
        <Link href="/search">{t('person.back')}</Link>
      </p>
      <h2>{first ? nameAsWritten(first) : p.id}</h2>
      <h3>{t('person.records', { count: p.records.length })}</h3>
      <ScrollRegion label={t('person.records', { count: p.records.length })}>
        <table className="ws-table">
          <thead>
            <tr>
              <th scope="col">{t('fields.source')}</th>
              <th scope="col">{t('fields.name')}</th>
              <th scope="col">{t('fields.birthDate')}</th>
              <th scope="col">{t('fields.category')}</th>
              <th scope="col">{t('fields.unit')}</th>
              <th scope="col">{t('fields.captureDate')}</th>
            </tr>
          </thead>
          <tbody>
            {p.records.map((r) => (
              <tr key={r.id}>
                <td>{r.source}</td>
                <td>{nameAsWritten(r)}</td>
                <td>{r.birthDate}</td>
                <td>{r.category ? t(`categories.${r.category}`) : ''}</td>
                <td>{r.unit}</td>
                <td>{r.captureDate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h3>{t('person.timeline')}</h3>
      {p.timeline.length === 0 ? (
        <p>{t('person.noTimeline')}</p>
      ) : (
        <ol className="ws-timeline">
          {p.timeline.map((entry) => (
            <li key={entry.type === 'event' ? entry.event.id : entry.episode.id}>
              <span className="ws-date">{entry.date ?? t('person.undated')}</span>{' '}
              <Step entry={entry} />
            </li>
          ))}
        </ol>
      )}
      <PersonMap places={p.facilities} label={t('person.map')} nameOf={nameOf} />
    </article>
  );
}
