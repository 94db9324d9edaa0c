import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { z } from 'zod';
import type { CaptivityEstimate, MseResult } from '../../../contract/estimates.js';
import { sendJson } from '../api/client.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { formatNumber } from '../i18n/format.js';
import { useSession } from './session.js';
import { formText, useFresh } from './workspace-api.js';
import { LcmcrPanel } from './lcmcr-panel.js';
import { ScrollRegion } from './scroll-region.js';
import { PublishEstimate } from './publish-estimate.js';
import { warningText, withCodes } from './server-words.js';

type Mse = z.infer<typeof MseResult>;

function Interval({
  ci,
  bare = false,
}: {
  ci: [number | null, number | null] | null;
  /** Just the two ends, for a table column that names the interval in its header. */
  bare?: boolean;
}) {
  const { t, i18n } = useTranslation('workspace');
  if (!ci) return <>{bare ? '—' : t('estimates.noInterval')}</>;
  const end = (v: number | null) => (v === null ? '∞' : formatNumber(Math.round(v), i18n.language));
  const low = end(ci[0]);
  const high = end(ci[1]);
  return <>{bare ? `${low} – ${high}` : t('estimates.interval', { low, high })}</>;
}

/** Every model has each list's main effect; what tells models apart are the interactions. */
const interactions = (terms: string[]): string[] => terms.filter((x) => x.includes(':'));

/** The log-linear models MSE fitted to the estimate's overlap table, the selected one first. */
function ModelTable({ estimate }: { estimate: NonNullable<CaptivityEstimate['mse']> }) {
  const { t, i18n } = useTranslation('workspace');
  const { csrfToken } = useSession();
  const [mse, setMse] = useState<Mse | Error | null>(null);
  useEffect(() => {
    let live = true;
    sendJson<Mse>(
      'POST',
      '/api/estimates/mse?top=10',
      { lists: estimate.lists, histories: estimate.histories },
      csrfToken,
    ).then(
      (r) => live && setMse(r),
      (e: unknown) => live && setMse(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      live = false;
    };
  }, [estimate, csrfToken]);
  if (mse === null) return <Loading />;
  if (mse instanceof Error) return <ErrorMessage error={mse} />;
  const n = (v: number | null) => (v === null ? '—' : formatNumber(Math.round(v), i18n.language));
  const x = (v: number | null) => (v === null ? '—' : v.toFixed(1));
  return (
    <ScrollRegion label={t('estimates.models', { lists: estimate.lists.join(', ') })}>
      <table className="ws-table ws-models">
        <caption>{t('estimates.models', { lists: estimate.lists.join(', ') })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('estimates.model')}</th>
            <th scope="col">N</th>
            <th scope="col">{t('estimates.ci')}</th>
            <th scope="col">AIC</th>
            <th scope="col">BIC</th>
            <th scope="col">{t('estimates.df')}</th>
            <th scope="col">{t('estimates.status')}</th>
          </tr>
        </thead>
        <tbody>
          {mse.models.map((m, i) => (
            <tr
              key={m.terms.join('+')}
              aria-current={mse.selected?.index === i ? 'true' : undefined}
            >
              <th scope="row">
                {interactions(m.terms).join(' + ') || t('estimates.independence')}
                {mse.selected?.index === i && <> ({t('estimates.selected')})</>}
              </th>
              <td>{n(m.N)}</td>
              <td>
                <Interval ci={m.ci95} bare />
              </td>
              <td>{x(m.aic)}</td>
              <td>{x(m.bic)}</td>
              <td>{m.df}</td>
              <td>{t(`fitStatus.${m.status}`, { defaultValue: m.status })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * Run the captivity estimate as of a day (the day lives in the URL, `?asOf=`): how many are
 * held, with its interval and the caveats that come with it, and the MSE model table.
 */
export function EstimatesPage() {
  const { t, i18n } = useTranslation('workspace');
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf');
  const run = useFresh<CaptivityEstimate>(
    asOf ? `/api/estimates/captivity?asOf=${encodeURIComponent(asOf)}` : null,
  );
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setParams({ asOf: formText(new FormData(e.currentTarget), 'asOf') });
  };
  const today = new Date().toISOString().slice(0, 10);
  const est = run.status === 'ok' ? run.data : null;
  return (
    <div>
      <h2>{t('estimates.title')}</h2>
      <form className="ws-inline-form" onSubmit={submit}>
        <label htmlFor="as-of">{t('estimates.asOf')}</label>
        <input
          id="as-of"
          name="asOf"
          type="date"
          required
          defaultValue={asOf ?? today}
          max={today}
        />
        <button type="submit">{t('estimates.run')}</button>
      </form>
      {run.status === 'loading' && <Loading />}
      {run.status === 'error' && <ErrorMessage error={run.error} />}
      {est && (
        <section aria-labelledby="estimate-title">
          <h3 id="estimate-title">{t('estimates.result', { date: est.asOf })}</h3>
          <dl className="ws-counts">
            <div data-figure="estimated-held">
              <dt>{t('estimates.estimatedHeld')}</dt>
              <dd>
                {formatNumber(est.estimatedHeld.value, i18n.language)}{' '}
                <small>
                  <Interval ci={est.estimatedHeld.ci95} />
                </small>
              </dd>
            </div>
            <div>
              <dt>{t('estimates.seenHeld')}</dt>
              <dd>{formatNumber(est.seen.held, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('estimates.whereaboutsKnown')}</dt>
              <dd>{formatNumber(est.whereabouts.known, i18n.language)}</dd>
            </div>
          </dl>
          <p>{t(`estimates.method.${est.estimatedHeld.method}`)}</p>
          {(est.caveats.length > 0 || (est.mse?.warnings.length ?? 0) > 0) && (
            <>
              <h4>{t('estimates.caveats')}</h4>
              <ul className="ws-caveats">
                {[
                  // A caveat by its code, in the reader's language (the public pages' words).
                  ...est.caveats.map((c) =>
                    t(`caveat.${c.code}`, { ns: 'translation', defaultValue: c.message }),
                  ),
                  // The model's warnings by their codes, in the reader's language too.
                  ...withCodes(est.mse?.warnings, est.mse?.warningCodes).map((w) =>
                    warningText(w, t, i18n.language),
                  ),
                ].map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </>
          )}
          {est.mse && <ModelTable estimate={est.mse} />}
          {est.mse && <LcmcrPanel table={est.mse} />}
          <PublishEstimate asOf={est.asOf} />
        </section>
      )}
    </div>
  );
}
