import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { PublicFacilities, PublicFacility } from '../../../contract/publication.js';
import { useApi } from '../api/use-api.js';
import { facilityName, regionName, settlementLabel } from '../components/facility-name.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { formatCount, formatNumber } from '../i18n/format.js';
import { download, tableCsv } from './table-csv.js';

type Filter = 'territory' | 'region' | 'type' | 'status';
const COLUMNS = ['name', 'type', 'territory', 'region', 'settlement', 'status', 'people'] as const;
type Column = (typeof COLUMNS)[number];

/** People last known at a place, for sorting: a count under the threshold sorts as 1. */
const peopleOf = (f: PublicFacility): number =>
  !f.counts ? -1 : f.counts.lastKnown.suppressed ? 1 : f.counts.lastKnown.value;
const constructedIn = (f: PublicFacility, lang: string) =>
  (lang === 'uk' || lang === 'ru') && f.constructedNames.includes(lang);

/**
 * The places as a table, searched in any script (the server matches "Таганрог", "Taganrog"
 * and "Таганрозьке" alike), filtered by territory, region, type and status, sorted by any
 * column, and downloadable as CSV as shown; the URL keeps all of it.
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
  const update = (key: 'q' | 'sort' | 'desc' | Filter, value: string) =>
    updateAll({ [key]: value });
  const updateAll = (values: Partial<Record<'q' | 'sort' | 'desc' | Filter, string>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(values))
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
      status: [...new Set(facilities.map((f) => f.status))].sort(),
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
    .filter((f) => !params.get('status') || f.status === params.get('status'));
  const label = (key: Filter, v: string) =>
    key === 'territory'
      ? t(`territory.${v}`)
      : key === 'type'
        ? t(`type.${v}`, { defaultValue: v })
        : key === 'status'
          ? t(`facilityStatus.${v}`, { defaultValue: v })
          : (regionLabels.get(v) ?? v);
  const allLabel: Record<Filter, string> = {
    territory: t('facilities.allTerritories'),
    region: t('facilities.allRegions'),
    type: t('facilities.allTypes'),
    status: t('facilities.allStatuses'),
  };
  // What each column shows, as text: the table, the sort and the CSV read the same values.
  const people = (f: PublicFacility) =>
    f.counts ? formatCount(f.counts.lastKnown, lang) : t('facilities.notRecorded');
  const text: Record<Column, (f: PublicFacility) => string> = {
    name: (f) => facilityName(f, lang),
    type: (f) => t(`type.${f.type}`, { defaultValue: f.type }),
    territory: (f) => t(`territory.${f.territory}`),
    region: (f) => regionName(f, lang) ?? '',
    settlement: (f) => settlementLabel(f, lang) ?? '',
    status: (f) => t(`facilityStatus.${f.status}`, { defaultValue: f.status }),
    people,
  };
  // Without person records there is nothing to show per place: one line says so instead.
  const withCounts = facilities.some((f) => f.counts !== null);
  const columns = withCounts ? COLUMNS : COLUMNS.filter((c) => c !== 'people');
  const sortParam = params.get('sort');
  const sort: Column = columns.find((c) => c === sortParam) ?? 'name';
  const desc = params.get('desc') === '1';
  rows.sort((a, b) => {
    const byName = text.name(a).localeCompare(text.name(b), lang);
    const d =
      sort === 'people'
        ? peopleOf(a) - peopleOf(b)
        : text[sort](a).localeCompare(text[sort](b), lang);
    return (desc ? -d : d) || byName;
  });
  const heading = (c: Column) =>
    c === 'name'
      ? t('facilities.name')
      : c === 'people'
        ? t('facilities.people')
        : t(`facility.${c}`);
  const saveCsv = () =>
    download(
      'polon-facilities.csv',
      tableCsv([
        ['id', ...columns.map(heading), t('facilities.constructedColumn'), 'lat', 'lon'],
        ...rows.map((f) => [
          f.id,
          ...columns.map((c) => text[c](f)),
          constructedIn(f, lang) ? t('facility.constructed') : '',
          f.lat,
          f.lon,
        ]),
      ]),
    );
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
        {(['territory', 'region', 'type', 'status'] as const).map((key) => (
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
          <div className="table-head">
            <p role="status" data-found={rows.length}>
              {t('facilities.found', { count: rows.length, n: formatNumber(rows.length, lang) })}
            </p>
            {rows.length > 0 && (
              <button type="button" onClick={saveCsv} data-download="csv">
                {t('facilities.downloadCsv')}
              </button>
            )}
          </div>
          <p className="note">
            {t('facilities.constructedNote')}
            {!withCounts && <> {t('facility.noCounts')}</>}
          </p>
          {rows.length === 0 ? (
            <p>{t('facilities.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-table="facilities">
                <thead>
                  <tr>
                    {columns.map((c) => (
                      <th
                        key={c}
                        scope="col"
                        aria-sort={sort === c ? (desc ? 'descending' : 'ascending') : undefined}
                      >
                        <button
                          type="button"
                          className="sort"
                          data-sort={c}
                          onClick={() =>
                            updateAll({
                              sort: c === 'name' ? '' : c,
                              desc: sort === c && !desc ? '1' : '',
                            })
                          }
                        >
                          {heading(c)}
                          <span aria-hidden="true">{sort === c ? (desc ? ' ▼' : ' ▲') : ''}</span>
                        </button>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((f) => (
                    <tr key={f.id} data-facility={f.id} data-status={f.status}>
                      <th scope="row">
                        {f.lat !== null ? (
                          <Link href={`/map?facility=${encodeURIComponent(f.id)}`}>
                            {text.name(f)}
                          </Link>
                        ) : (
                          text.name(f)
                        )}
                        {constructedIn(f, lang) && (
                          <span
                            className="note constructed"
                            data-constructed=""
                            title={t('facility.constructed')}
                          >
                            {' '}
                            ({t('facilities.constructedShort')})
                          </span>
                        )}
                      </th>
                      {columns.slice(1).map((c) => (
                        <td key={c} className={c === 'people' ? 'num' : undefined}>
                          {text[c](f)}
                        </td>
                      ))}
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
