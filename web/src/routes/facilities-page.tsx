import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { PublicFacilities } from '../../../contract/publication.js';
import { useApi } from '../api/use-api.js';
import { facilityName, regionName } from '../components/facility-name.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { formatNumber } from '../i18n/format.js';

type Filter = 'territory' | 'region' | 'type';

/**
 * The places as a table, searched in any script (the server matches "Таганрог", "Taganrog"
 * and "Таганрозьке" alike) and filtered by territory, region and type; the URL keeps them.
 */
export function FacilitiesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  // The URL (and the search) follow the typing after a pause, not at every key.
  useEffect(() => {
    if (typed === q) return;
    const timer = setTimeout(() => update('q', typed.trim()), 300);
    return () => clearTimeout(timer);
  });
  const all = useApi<PublicFacilities>('/api/public/facilities');
  const search = useApi<{ facilities: { id: string }[] }>(
    q ? `/api/facilities?q=${encodeURIComponent(q)}` : null,
  );
  const update = (key: 'q' | Filter, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const facilities = all.status === 'ok' ? all.data.facilities : [];
  // The URL keeps the region as the dataset writes it, so a link works in every language;
  // the list shows it in the reader's.
  const regionLabels = useMemo(
    () => new Map(facilities.map((f) => [f.region ?? '', regionName(f, lang) ?? ''])),
    [facilities, lang],
  );
  const options = useMemo(
    () => ({
      territory: [...new Set(facilities.map((f) => f.territory))].sort(),
      region: [...regionLabels.keys()]
        .filter(Boolean)
        .sort((a, b) => (regionLabels.get(a) ?? a).localeCompare(regionLabels.get(b) ?? b, lang)),
      type: [...new Set(facilities.map((f) => f.type))].sort(),
    }),
    [facilities, regionLabels, lang],
  );
  if (all.status === 'loading') return <Loading />;
  if (all.status === 'error') return <ErrorMessage error={all.error} />;
  const matching =
    q && search.status === 'ok' ? new Set(search.data.facilities.map((f) => f.id)) : null;
  const rows = facilities
    .filter((f) => !q || (matching?.has(f.id) ?? false))
    .filter((f) => !params.get('territory') || f.territory === params.get('territory'))
    .filter((f) => !params.get('region') || f.region === params.get('region'))
    .filter((f) => !params.get('type') || f.type === params.get('type'))
    .sort((a, b) => facilityName(a, lang).localeCompare(facilityName(b, lang), lang));
  const label = (key: Filter, v: string) =>
    key === 'territory'
      ? t(`territory.${v}`)
      : key === 'type'
        ? t(`type.${v}`, { defaultValue: v })
        : (regionLabels.get(v) ?? v);
  const allLabel: Record<Filter, string> = {
    territory: t('facilities.allTerritories'),
    region: t('facilities.allRegions'),
    type: t('facilities.allTypes'),
  };
  return (
    <>
      <h1>{t('facilities.title')}</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('facilities.search')}
          <input
            type="search"
            name="q"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') update('q', typed.trim());
            }}
          />
        </label>
        {(['territory', 'region', 'type'] as const).map((key) => (
          <label key={key}>
            {t(`facility.${key}`)}
            <select
              name={key}
              value={params.get(key) ?? ''}
              onChange={(e) => update(key, e.target.value)}
            >
              <option value="">{allLabel[key]}</option>
              {options[key].map((v) => (
                <option key={v} value={v}>
                  {label(key, v)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </form>
      {q && search.status === 'loading' ? (
        <Loading />
      ) : (
        <>
          <p role="status" data-found={rows.length}>
            {t('facilities.found', { count: rows.length, n: formatNumber(rows.length, lang) })}
          </p>
          {rows.length === 0 ? (
            <p>{t('facilities.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-table="facilities">
                <thead>
                  <tr>
                    <th scope="col">{t('facilities.name')}</th>
                    <th scope="col">{t('facility.type')}</th>
                    <th scope="col">{t('facility.territory')}</th>
                    <th scope="col">{t('facility.region')}</th>
                    <th scope="col">{t('facility.settlement')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((f) => (
                    <tr key={f.id} data-facility={f.id}>
                      <th scope="row">
                        {f.lat !== null ? (
                          <Link href={`/map?facility=${encodeURIComponent(f.id)}`}>
                            {facilityName(f, lang)}
                          </Link>
                        ) : (
                          facilityName(f, lang)
                        )}
                      </th>
                      <td>{t(`type.${f.type}`, { defaultValue: f.type })}</td>
                      <td>{t(`territory.${f.territory}`)}</td>
                      <td>{regionName(f, lang)}</td>
                      <td>{f.settlement}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
