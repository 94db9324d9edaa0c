import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { PersonSearchResult, RecordName } from '../../../contract/persons.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { formText, useFresh } from './workspace-api.js';

export const nameAsWritten = (r: RecordName): string =>
  r.fullName ?? [r.familyName, r.givenName, r.patronymic].filter(Boolean).join(' ');

/** Search persons by name in any script; the query lives in the URL (`?q=`). */
export function SearchPage() {
  const { t } = useTranslation('workspace');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const result = useFresh<PersonSearchResult>(
    q.trim() ? `/api/persons/search?${new URLSearchParams({ q, limit: '50' }).toString()}` : null,
  );
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = formText(new FormData(e.currentTarget), 'q').trim();
    setParams(value ? { q: value } : {});
  };
  return (
    <div>
      <h2>{t('search.title')}</h2>
      <form className="ws-inline-form" role="search" onSubmit={submit}>
        <label htmlFor="search-q">{t('search.label')}</label>
        <input id="search-q" name="q" type="search" defaultValue={q} key={q} />
        <button type="submit">{t('search.submit')}</button>
      </form>
      <p className="ws-hint">{t('search.hint')}</p>
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <ErrorMessage error={result.error} />}
      {result.status === 'ok' && (
        <>
          <p role="status">
            {t('search.found', { count: result.data.total })}
            {result.data.total > result.data.items.length && (
              <> {t('search.first', { count: result.data.items.length })}</>
            )}
          </p>
          <ul className="ws-results">
            {result.data.items.map((p) => (
              <li key={p.id}>
                <Link href={`/persons/${p.id}`}>
                  {p.records[0] ? nameAsWritten(p.records[0]) : p.id}
                </Link>
                <ul>
                  {p.records.map((r) => (
                    <li key={r.id}>
                      <span>{nameAsWritten(r)}</span>
                      {r.birthDate && <> · {r.birthDate}</>} · <span>{r.source}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
