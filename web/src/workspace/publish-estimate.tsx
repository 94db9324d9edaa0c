import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishedEstimate } from '../../../contract/publication.js';
import { refetch } from '../api/use-api.js';
import { ErrorMessage } from '../components/status.js';
import { formatNumber } from '../i18n/format.js';
import { useSession } from './session.js';
import { formText, send, useFresh } from './workspace-api.js';

/**
 * The publication gate's button: nothing computed from person records reaches the public
 * pages until an analyst publishes the estimate as of a day, after a confirm step with a
 * note saying what was reviewed.
 */
export function PublishEstimate({ asOf }: { asOf: string }) {
  const { t, i18n } = useTranslation('workspace');
  const { csrfToken } = useSession();
  const published = useFresh<{ items: PublishedEstimate[] }>('/api/estimates/published');
  const [step, setStep] = useState<'idle' | 'confirm' | 'sending'>('idle');
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<PublishedEstimate | null>(null);
  const latest = published.status === 'ok' ? published.data.items[0] : undefined;
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, i18n.language));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const note = formText(new FormData(e.currentTarget), 'note');
    setStep('sending');
    setError(null);
    send<PublishedEstimate>('POST', '/api/estimates/publish', { asOf, note }, csrfToken)
      // This browser asks for the public figures anew before saying it is done.
      .then(async (p) => {
        await refetch(['/api/public/summary', '/api/public/facilities']);
        return p;
      })
      .then(
        (p) => {
          setDone(p ?? null);
          setStep('idle');
          published.reload();
        },
        (err: unknown) => {
          setError(err instanceof Error ? err : new Error(String(err)));
          setStep('confirm');
        },
      );
  };
  return (
    <section aria-labelledby="publish-title" className="ws-publish">
      <h3 id="publish-title">{t('publish.title')}</h3>
      <p>{t('publish.explain')}</p>
      {latest ? (
        <p data-published="latest">
          {t('publish.latest', {
            value: n(latest.value),
            asOf: latest.asOf,
            at: latest.publishedAt.slice(0, 16).replace('T', ' '),
            by: latest.publishedBy,
          })}
        </p>
      ) : (
        published.status === 'ok' && <p>{t('publish.none')}</p>
      )}
      {done && (
        <p role="status" className="ws-done">
          {t('publish.done', { value: n(done.value), asOf: done.asOf })}
        </p>
      )}
      {step === 'idle' ? (
        <button type="button" onClick={() => setStep('confirm')}>
          {t('publish.button', { asOf })}
        </button>
      ) : (
        <form className="ws-confirm" onSubmit={submit}>
          <p>{t('publish.confirm', { asOf })}</p>
          <label htmlFor="publish-note">{t('publish.note')}</label>
          <textarea id="publish-note" name="note" required maxLength={2000} rows={3} />
          {error && <ErrorMessage error={error} />}
          <button type="submit" disabled={step === 'sending'}>
            {t('publish.confirmButton')}
          </button>{' '}
          <button type="button" onClick={() => setStep('idle')}>
            {t('publish.cancel')}
          </button>
        </form>
      )}
    </section>
  );
}
