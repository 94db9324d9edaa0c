import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type {
  ConflictStep,
  EventConflict,
  PersonProfile,
  PlaceOnMap,
  TimelineEntry,
} from '../../../contract/persons.js';
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

/**
 * What the sources say that cannot all be true, first thing on the page: several death
 * dates, or held, moved or released after a death, each step with the source that says it.
 */
function Conflicts({ conflicts }: { conflicts: EventConflict[] }) {
  const { t } = useTranslation('workspace');
  if (conflicts.length === 0) return null;
  const what = (s: ConflictStep) =>
    s.type === 'episode'
      ? t('triage.conflicts.held')
      : t(`events.${s.kind}`, { defaultValue: s.kind });
  return (
    <section className="ws-conflicts" role="alert" aria-labelledby="conflicts-title">
      <h3 id="conflicts-title">{t('triage.conflicts.title')}</h3>
      <p>{t('triage.conflicts.explain')}</p>
      <ul>
        {conflicts.map((c) =>
          c.kind === 'death_dates' ? (
            <li key={`deaths-${c.deaths.map((d) => d.id).join('-')}`} data-conflict={c.kind}>
              {t('triage.conflicts.deathDates', { count: c.deaths.length })}{' '}
              {c.deaths
                .map((d) => t('triage.conflicts.deathItem', { date: d.date, source: d.source }))
                .join('; ')}
            </li>
          ) : (
            <li key={`after-${c.step.id}`} data-conflict={c.kind}>
              {t('triage.conflicts.afterDeath', {
                what: what(c.step),
                date: c.date ?? t('person.undated'),
                source: c.step.source,
                deathDate: c.death.date,
                deathSource: c.death.source,
              })}
            </li>
          ),
        )}
      </ul>
    </section>
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
  const sourceOf = new Map(p.records.map((r) => [r.id, r.source]));
  return (
    <article>
      <p>
        <Link href="/search">{t('person.back')}</Link>
      </p>
      <h2>{first ? nameAsWritten(first) : p.id}</h2>
      <Conflicts conflicts={p.conflicts} />
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
              <Step entry={entry} />{' '}
              <span className="ws-source">
                ·{' '}
                {t('triage.source', {
                  source: sourceOf.get(
                    entry.type === 'event' ? entry.event.recordId : entry.episode.recordId,
                  ),
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
      <PersonMap places={p.facilities} label={t('person.map')} nameOf={nameOf} />
    </article>
  );
}
