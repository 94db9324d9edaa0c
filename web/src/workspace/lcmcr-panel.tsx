import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptivityEstimate, LcmcrResult } from '../../../contract/estimates.js';
import { ApiError } from '../api/client.js';
import { PosteriorHistogram } from '../charts/posterior-histogram.js';
import { ErrorMessage } from '../components/status.js';
import { formatNumber } from '../i18n/format.js';
import { useSession } from './session.js';
import { formText, send } from './workspace-api.js';
import './lcmcr-panel.css';

type OverlapTable = NonNullable<CaptivityEstimate['mse']>;

/**
 * Two run lengths: a quick one that answers in seconds on a workspace-sized table, and the
 * engine's defaults, which converge on a six-list table of thousands with strong
 * heterogeneity. The server decides convergence; the page says which was run.
 */
const SCHEDULES = {
  quick: { burnin: 5_000, samples: 2_000, thin: 5, chains: 2 },
  full: { burnin: 10_000, samples: 10_000, thin: 10, chains: 4 },
} as const;
type Schedule = keyof typeof SCHEDULES;

// The limits behind the server's `converged` (src/estimation/lcmcr/posterior-summary.ts).
const RHAT_LIMIT = 1.01;
const MIN_ESS = 400;

type Run =
  | { status: 'idle' }
  | { status: 'running'; chains: number }
  | { status: 'ok'; result: LcmcrResult }
  | { status: 'error'; error: Error };

function usePlan() {
  const { t, i18n } = useTranslation('workspace');
  return (s: { chains: number; burnin: number; samples: number; thin: number }) =>
    t('lcmcr.plan', {
      count: s.chains,
      burnin: formatNumber(s.burnin, i18n.language),
      samples: formatNumber(s.samples, i18n.language),
      thin: s.thin,
    });
}

function Result({ result, table }: { result: LcmcrResult; table: OverlapTable }) {
  const { t, i18n } = useTranslation('workspace');
  const lang = i18n.language;
  const plan = usePlan();
  const whole = useMemo(() => (n: number) => formatNumber(Math.round(n), lang), [lang]);
  const fixed = (n: number, digits: number) =>
    new Intl.NumberFormat(lang, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(n);
  const { N, diagnostics: d, settings } = result;
  const range = (ci: [number | null, number | null] | null) =>
    ci ? `${ci[0] === null ? '∞' : whole(ci[0])} – ${ci[1] === null ? '∞' : whole(ci[1])}` : '—';
  const seconds = result.secondsPerChain.reduce((a, b) => a + b, 0) / result.secondsPerChain.length;
  const model = table.model?.filter((x) => x.includes(':')).join(' + ');
  const first = result.histogram[0];
  const last = result.histogram.at(-1);
  return (
    <>
      <dl className="ws-counts" data-figure="lcmcr">
        <div data-figure="lcmcr-median">
          <dt>{t('lcmcr.median')}</dt>
          <dd>{whole(N.median)}</dd>
        </div>
        <div data-figure="lcmcr-interval">
          <dt>{t('lcmcr.interval')}</dt>
          <dd>{range(N.ci95)}</dd>
        </div>
        <div data-figure="lcmcr-observed">
          <dt>{t('lcmcr.observed')}</dt>
          <dd>{whole(result.nObserved)}</dd>
        </div>
      </dl>
      <p
        className={d.converged ? 'lcmcr-converged' : 'lcmcr-not-converged'}
        data-converged={d.converged}
      >
        <strong>{d.converged ? t('lcmcr.converged') : t('lcmcr.notConverged')}</strong>{' '}
        {t('lcmcr.diagnostics', {
          rhat: fixed(d.rhat, 3),
          rhatLimit: fixed(RHAT_LIMIT, 2),
          ess: whole(d.ess),
          essMin: whole(MIN_ESS),
        })}
      </p>
      <p className="lcmcr-ran">
        {t('lcmcr.ran', {
          plan: plan(settings),
          k: settings.k,
          seconds: fixed(seconds, 1),
        })}
      </p>
      {result.warnings.some((w) => w.code !== 'not_converged') && (
        <>
          <h5>{t('lcmcr.warnings')}</h5>
          <ul className="ws-caveats">
            {result.warnings
              .filter((w) => w.code !== 'not_converged')
              .map((w) => (
                <li key={w.code}>
                  {t(`lcmcr.warning.${w.code}`, {
                    k: settings.k,
                    factor: settings.maxUnobservedFactor + 1,
                  })}
                </li>
              ))}
          </ul>
        </>
      )}
      {first && last && (
        <figure className="lcmcr-figure">
          <PosteriorHistogram
            bins={result.histogram}
            median={N.median}
            interval={N.ci95}
            label={t('lcmcr.histogramLabel', {
              low: whole(first.from),
              high: whole(last.to),
              median: whole(N.median),
            })}
            xLabel={t('lcmcr.axisN')}
            yLabel={t('lcmcr.axisDraws')}
            format={whole}
          />
          <figcaption>{t('lcmcr.histogramCaption')}</figcaption>
        </figure>
      )}
      <table className="ws-table lcmcr-compare">
        <caption>{t('lcmcr.compare')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lcmcr.method')}</th>
            <th scope="col">N</th>
            <th scope="col">{t('estimates.ci')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              {t('lcmcr.loglinear', { model: model || t('estimates.independence') })}
            </th>
            <td>{table.N === null ? t('lcmcr.noEstimate') : whole(table.N)}</td>
            <td>{range(table.ci95)}</td>
          </tr>
          <tr>
            <th scope="row">{t('lcmcr.lcmcrRow')}</th>
            <td>{whole(N.median)}</td>
            <td>{range(N.ci95)}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

/**
 * The latent-class estimate (LCMCR) of the same overlap table as the log-linear models, run
 * when the analyst asks: it holds both of the server's cores for seconds to a minute.
 */
export function LcmcrPanel({ table }: { table: OverlapTable }) {
  const { t } = useTranslation('workspace');
  const { csrfToken } = useSession();
  const plan = usePlan();
  // A run answers for the table it was asked about; a new estimate on the page starts afresh.
  const [state, setState] = useState<{ table: OverlapTable | null; run: Run }>({
    table: null,
    run: { status: 'idle' },
  });
  const run: Run = state.table === table ? state.run : { status: 'idle' };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const schedule: Schedule =
      formText(new FormData(e.currentTarget), 'schedule') === 'full' ? 'full' : 'quick';
    const settings = SCHEDULES[schedule];
    setState({ table, run: { status: 'running', chains: settings.chains } });
    send<LcmcrResult>(
      'POST',
      '/api/estimates/lcmcr',
      { lists: table.lists, histories: table.histories, settings },
      csrfToken,
    ).then(
      (result) => result && setState({ table, run: { status: 'ok', result } }),
      (error: unknown) =>
        setState({
          table,
          run: {
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          },
        }),
    );
  };
  const busy = run.status === 'error' && run.error instanceof ApiError && run.error.code === 'busy';
  return (
    <section aria-labelledby="lcmcr-title" className="lcmcr-panel">
      <h4 id="lcmcr-title">{t('lcmcr.title')}</h4>
      <p>{t('lcmcr.about')}</p>
      <form className="ws-inline-form" onSubmit={submit}>
        <label htmlFor="lcmcr-schedule">{t('lcmcr.schedule')}</label>
        <select id="lcmcr-schedule" name="schedule" defaultValue="quick">
          {(Object.keys(SCHEDULES) as Schedule[]).map((s) => (
            <option key={s} value={s}>
              {t(`lcmcr.${s}`)}: {plan(SCHEDULES[s])}
            </option>
          ))}
        </select>
        <button type="submit" disabled={run.status === 'running'}>
          {t('lcmcr.run')}
        </button>
      </form>
      {run.status === 'running' && (
        <p className="status" role="status">
          {t('lcmcr.running', { count: run.chains })}
        </p>
      )}
      {busy && (
        <p className="status status-error" role="alert">
          {t('lcmcr.busy')}
        </p>
      )}
      {run.status === 'error' && !busy && <ErrorMessage error={run.error} />}
      {run.status === 'ok' && <Result result={run.result} table={table} />}
    </section>
  );
}
