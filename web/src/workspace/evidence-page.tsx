import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Exchange as ExchangeSchema } from '../../../contract/exchanges.js';
import {
  FORM_CLAIM_QUALIFIERS,
  FORM_CLAIM_UNITS,
  FORM_EXCHANGE_KINDS,
  FORM_RETURNED_QUALIFIERS,
  type EvidenceAdded,
} from '../../../contract/evidence.js';
import { sendJson } from '../api/client.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { formatNumber } from '../i18n/format.js';
import { useSession } from './session.js';
import { useFresh, type Fetched } from './workspace-api.js';
import { ScrollRegion } from './scroll-region.js';

type Added = z.infer<typeof EvidenceAdded>;
type Exchange = z.infer<typeof ExchangeSchema>;
type What = 'exchange' | 'bodies' | 'claim';

/** A column of exchanges.csv or claims.csv: a text cell, or a choice of the import's values. */
interface Field {
  name: string;
  required?: boolean;
  choices?: readonly string[];
  long?: boolean;
}

const FIELDS: Record<What, Field[]> = {
  exchange: [
    { name: 'id' },
    { name: 'date_start', required: true },
    { name: 'date_end' },
    { name: 'kind', choices: FORM_EXCHANGE_KINDS },
    { name: 'group_id' },
    { name: 'returned' },
    { name: 'returned_qualifier', choices: ['', ...FORM_RETURNED_QUALIFIERS] },
    { name: 'military' },
    { name: 'civilians' },
    { name: 'women' },
    { name: 'seriously_ill_or_wounded' },
    { name: 'mediator' },
    { name: 'notes', long: true },
    { name: 'sources', required: true, long: true },
  ],
  bodies: [
    { name: 'id' },
    { name: 'date_start', required: true },
    { name: 'bodies_returned', required: true },
    { name: 'mediator' },
    { name: 'notes', long: true },
    { name: 'sources', required: true, long: true },
  ],
  claim: [
    { name: 'id', required: true },
    { name: 'metric', required: true },
    { name: 'value', required: true },
    { name: 'unit', choices: FORM_CLAIM_UNITS },
    { name: 'qualifier', choices: FORM_CLAIM_QUALIFIERS },
    { name: 'period_start' },
    { name: 'as_of', required: true },
    { name: 'description', long: true },
    { name: 'who' },
    { name: 'notes', long: true },
    { name: 'sources', required: true, long: true },
  ],
};

/** The row as the import reads it; an exchange without an id gets the dataset's own: day and kind. */
function rowOf(what: What, form: FormData): Record<string, string> {
  const row: Record<string, string> = {};
  for (const f of FIELDS[what]) {
    const v = form.get(f.name);
    row[f.name] = typeof v === 'string' ? v.trim() : '';
  }
  if (what === 'bodies') row.kind = 'bodies';
  if (what !== 'claim' && !row.id)
    row.id = `${row.date_start ?? ''}-${what === 'bodies' ? 'bodies' : (row.kind ?? 'exchange')}`;
  return row;
}

function LatestExchanges({ list }: { list: Fetched<{ exchanges: Exchange[] }> }) {
  const { t, i18n } = useTranslation('workspace');
  if (list.status === 'error') return <ErrorMessage error={list.error} />;
  if (list.status !== 'ok') return <Loading />;
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, i18n.language));
  const newest = [...list.data.exchanges].reverse().slice(0, 10);
  return (
    <ScrollRegion label={t('evidence.latest')}>
      <table className="ws-table" id="evidence-latest">
        <caption>{t('evidence.latest')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evidence.fields.date_start')}</th>
            <th scope="col">{t('evidence.idColumn')}</th>
            <th scope="col">{t('evidence.fields.kind')}</th>
            <th scope="col">{t('evidence.fields.returned')}</th>
            <th scope="col">{t('evidence.fields.bodies_returned')}</th>
            <th scope="col">{t('evidence.fields.sources')}</th>
          </tr>
        </thead>
        <tbody>
          {newest.map((e) => (
            <tr key={e.id}>
              <td>{e.dateStart}</td>
              <th scope="row">{e.id}</th>
              <td>{t(`evidence.kinds.${e.kind}`)}</td>
              <td>{n(e.returned)}</td>
              <td>{n(e.bodiesReturned)}</td>
              <td>{e.sources.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * Adds one exchange, body repatriation or official figure with its source: the server checks
 * the row as an import of it would and answers with the consistency findings that cite it.
 */
export function EvidencePage() {
  const { t } = useTranslation('workspace');
  const { csrfToken } = useSession();
  const [what, setWhat] = useState<What>('exchange');
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<Added | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const latest = useFresh<{ exchanges: Exchange[] }>('/api/exchanges');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const row = rowOf(what, new FormData(form));
    setBusy(true);
    setError(null);
    setAdded(null);
    sendJson<Added>('POST', what === 'claim' ? '/api/claims' : '/api/exchanges', { row }, csrfToken)
      .then(
        (r) => {
          setAdded(r);
          latest.reload();
          form.reset();
        },
        (err: unknown) => setError(err instanceof Error ? err : new Error(String(err))),
      )
      .finally(() => setBusy(false));
  };
  return (
    <div>
      <h2>{t('evidence.title')}</h2>
      <p className="ws-hint">{t('evidence.hint')}</p>
      <form className="ws-form" id="evidence-form" onSubmit={submit} key={what}>
        <label htmlFor="evidence-what">{t('evidence.what')}</label>
        <select
          id="evidence-what"
          value={what}
          onChange={(e) => {
            setWhat(e.target.value as What);
            setAdded(null);
            setError(null);
          }}
        >
          {(['exchange', 'bodies', 'claim'] as const).map((w) => (
            <option key={w} value={w}>
              {t(`evidence.whats.${w}`)}
            </option>
          ))}
        </select>
        {FIELDS[what].map((f) => {
          const id = `evidence-${f.name}`;
          const label = `${t(`evidence.fields.${f.name}`)}${f.required ? ' *' : ''}`;
          return (
            <Fragment key={f.name}>
              <label htmlFor={id}>{label}</label>
              {f.choices ? (
                <select id={id} name={f.name} defaultValue={f.choices[0]}>
                  {f.choices.map((c) => (
                    <option key={c} value={c}>
                      {c === '' ? t('evidence.unstated') : c}
                    </option>
                  ))}
                </select>
              ) : f.long ? (
                <textarea id={id} name={f.name} required={f.required} rows={2} />
              ) : (
                <input id={id} name={f.name} type="text" required={f.required} />
              )}
            </Fragment>
          );
        })}
        <p className="ws-hint">{t('evidence.sourcesHint')}</p>
        <button type="submit" disabled={busy}>
          {t('evidence.add')}
        </button>
      </form>
      {error && <ErrorMessage error={error} />}
      {added && (
        <div className="ws-done" role="status" id="evidence-added">
          <p>{t('evidence.added', { id: added.id })}</p>
          <p>
            {added.findings.length
              ? t('evidence.findings', { count: added.findings.length })
              : t('evidence.noFindings')}
          </p>
          {added.findings.length > 0 && (
            <ul className="ws-caveats">
              {added.findings.map((f) => (
                <li key={f.message}>{f.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <LatestExchanges list={latest} />
    </div>
  );
}
