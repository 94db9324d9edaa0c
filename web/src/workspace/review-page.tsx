import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { PersonRecord } from '../../../contract/persons.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { useSession } from './session.js';
import { send, useFresh } from './workspace-api.js';
import { ScrollRegion } from './scroll-region.js';

type NamePart = 'family' | 'given' | 'patronymic';

interface ReviewItem {
  a: PersonRecord;
  b: PersonRecord;
  probability: number;
  reason: string;
  levels: Record<string, string>;
  /** Each name part compared in any script, a full name read in either word order. */
  names?: Record<
    NamePart,
    { level: 'agree' | 'partial' | 'disagree' | 'missing'; a: string | null; b: string | null }
  >;
}

/** The rows compared, and the linkage field whose level says how they compare (if any). */
const ROWS: { field: keyof PersonRecord; level?: string; part?: NamePart }[] = [
  { field: 'familyName', level: 'family', part: 'family' },
  { field: 'givenName', level: 'given', part: 'given' },
  { field: 'patronymic', level: 'patronymic', part: 'patronymic' },
  { field: 'fullName' },
  { field: 'birthDate', level: 'birth' },
  { field: 'sex', level: 'sex' },
  { field: 'unit', level: 'unit' },
  { field: 'category' },
  { field: 'captureDate' },
  { field: 'source' },
];

type Agreement = 'agree' | 'close' | 'differ' | 'missing';

const NAME_AGREEMENT = {
  agree: 'agree',
  partial: 'close',
  disagree: 'differ',
  missing: 'missing',
} as const;

function agreement(item: ReviewItem, row: (typeof ROWS)[number]): Agreement {
  const named = row.part ? item.names?.[row.part] : undefined;
  if (named) return NAME_AGREEMENT[named.level];
  const a = item.a[row.field];
  const b = item.b[row.field];
  const level = row.level ? item.levels[row.level] : undefined;
  if (level === 'missing' || a === null || b === null) return 'missing';
  if (level === 'exact' || level === 'equivalent') return 'agree';
  if (level === 'different') return 'differ';
  if (level !== undefined) return 'close';
  return String(a).toLowerCase() === String(b).toLowerCase() ? 'agree' : 'differ';
}

const KEYS: Record<string, 'match' | 'non_match' | 'skip'> = {
  a: 'match',
  r: 'non_match',
  s: 'skip',
};

/**
 * One undecided pair at a time, both records side by side, each field marked as agreeing,
 * close, differing or missing. Accept (A), reject (R) or skip (S); a decision is stored at
 * once and the next linkage run honours it. `?skip=N` in the URL is how many were skipped.
 */
export function ReviewPage() {
  const { t } = useTranslation('workspace');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const skipped = Math.max(0, Number(params.get('skip') ?? 0) || 0);
  // Coded values ("male", "military") in the reader's language; what people wrote, as written.
  const shown = (field: keyof PersonRecord, value: PersonRecord[keyof PersonRecord]): string => {
    if (value === null || value === undefined) return '—';
    const v = typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (field === 'sex') return t(`sexes.${v}`, { defaultValue: v });
    if (field === 'category') return t(`categories.${v}`, { defaultValue: v });
    return v;
  };
  const queue = useFresh<{ items: ReviewItem[]; total: number }>(
    `/api/review?limit=1&offset=${skipped}`,
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const item = queue.status === 'ok' ? queue.data.items[0] : undefined;
  const { reload } = queue;

  const act = useCallback(
    (what: 'match' | 'non_match' | 'skip') => {
      if (!item || saving) return;
      if (what === 'skip') {
        setParams({ skip: String(skipped + 1) });
        setSaid(t('review.skipped'));
        return;
      }
      setSaving(true);
      setError(null);
      send(
        'POST',
        '/api/review/decisions',
        { a: item.a.id, b: item.b.id, decision: what },
        session.csrfToken,
      ).then(
        () => {
          setSaving(false);
          setSaid(t(what === 'match' ? 'review.accepted' : 'review.rejected'));
          reload();
        },
        (err: unknown) => {
          setSaving(false);
          setError(err instanceof Error ? err : new Error(String(err)));
        },
      );
    },
    [item, saving, skipped, setParams, session.csrfToken, reload, t],
  );

  /*
   * Single-key shortcuts act only while focus is on the pair (WCAG 2.1.4), so they never
   * fire while typing elsewhere or for a screen reader's own letter keys; each new pair
   * takes focus, so a keyboard user goes on pressing A, R or S.
   */
  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const what = KEYS[e.key.toLowerCase()];
    if (what) {
      e.preventDefault();
      act(what);
    }
  };
  const pairRef = useRef<HTMLElement>(null);
  const pairKey = item ? `${item.a.id} ${item.b.id}` : null;
  useEffect(() => {
    if (pairKey) pairRef.current?.focus();
  }, [pairKey]);

  return (
    <div>
      <h2>{t('review.title')}</h2>
      <p className="ws-hint">{t('review.hint')}</p>
      <BatchAccept onDone={reload} />
      <p role="status" aria-live="polite">
        {said}
      </p>
      {error && <ErrorMessage error={error} />}
      {queue.status === 'loading' && <Loading />}
      {queue.status === 'error' && <ErrorMessage error={queue.error} />}
      {queue.status === 'ok' && !item && (
        <p>
          {skipped > 0 ? t('review.endSkipped') : t('review.empty')}{' '}
          {skipped > 0 && (
            <button type="button" className="ws-link-button" onClick={() => setParams({})}>
              {t('review.again')}
            </button>
          )}
        </p>
      )}
      {queue.status === 'ok' && item && (
        <section
          aria-labelledby="pair-title"
          data-pair={pairKey ?? ''}
          ref={pairRef}
          tabIndex={-1}
          onKeyDown={onKey}
          className="ws-pair-section"
        >
          <h3 id="pair-title">
            {t('review.pair', {
              n: skipped + 1,
              total: queue.data.total,
              p: Math.round(item.probability * 100),
            })}
          </h3>
          <p>{t(`review.reasons.${item.reason}`, { defaultValue: item.reason })}</p>
          <ScrollRegion label={t('review.title')}>
            <table className="ws-table ws-pair">
              <thead>
                <tr>
                  <th scope="col">{t('review.field')}</th>
                  <th scope="col">{t('review.recordA')}</th>
                  <th scope="col">{t('review.recordB')}</th>
                  <th scope="col">{t('review.compare')}</th>
                </tr>
              </thead>
              <tbody>
                {ROWS.map((row) => {
                  const how = agreement(item, row);
                  // A record with only a full name: the word that reads as this part.
                  const cell = (side: 'a' | 'b') => {
                    const own = item[side][row.field];
                    const word = row.part ? item.names?.[row.part][side] : null;
                    if ((own === null || own === '') && word)
                      return (
                        <>
                          {word} <span className="ws-hint">({t('triage.fromFullName')})</span>
                        </>
                      );
                    return shown(row.field, own);
                  };
                  return (
                    <tr key={row.field} className={`ws-${how}`} data-field={row.field}>
                      <th scope="row">{t(`fields.${row.field}`)}</th>
                      <td>{cell('a')}</td>
                      <td>{cell('b')}</td>
                      <td>{t(`review.agreement.${how}`)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
          <div className="ws-actions">
            <button
              type="button"
              aria-keyshortcuts="A"
              disabled={saving}
              onClick={() => act('match')}
            >
              {t('review.accept')} <kbd>A</kbd>
            </button>
            <button
              type="button"
              aria-keyshortcuts="R"
              disabled={saving}
              onClick={() => act('non_match')}
            >
              {t('review.reject')} <kbd>R</kbd>
            </button>
            <button
              type="button"
              aria-keyshortcuts="S"
              disabled={saving}
              onClick={() => act('skip')}
            >
              {t('review.skip')} <kbd>S</kbd>
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

interface NearCertain {
  min: number;
  includeGuarded: boolean;
  pairs: { a: string; b: string; probability: number }[];
}

/**
 * Accepts every pair at or above a probability at once, after a confirmation showing how
 * many. The pairs sent are the ones counted when the list was shown; the server refuses any
 * decided or changed since rather than overwrite it, and the answer says how many.
 */
function BatchAccept({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('workspace');
  const { csrfToken } = useSession();
  const [percent, setPercent] = useState(95);
  const [guarded, setGuarded] = useState(false);
  const list = useFresh<NearCertain>(
    `/api/review/near-certain?min=${percent / 100}&includeGuarded=${guarded}`,
  );
  const [step, setStep] = useState<'idle' | 'confirm' | 'sending'>('idle');
  const [shownList, setShownList] = useState<NearCertain | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [result, setResult] = useState<{ accepted: number; refused: number } | null>(null);
  const count = list.status === 'ok' ? list.data.pairs.length : 0;
  const { reload } = list;

  const confirm = () => {
    if (list.status !== 'ok') return;
    setShownList(list.data);
    setResult(null);
    setStep('confirm');
  };
  const accept = () => {
    if (!shownList) return;
    setStep('sending');
    setError(null);
    send<{ accepted: number; refused: unknown[] }>(
      'POST',
      '/api/review/batch',
      {
        min: shownList.min,
        includeGuarded: shownList.includeGuarded,
        pairs: shownList.pairs.map(({ a, b }) => ({ a, b })),
      },
      csrfToken,
    ).then(
      (r) => {
        setResult({ accepted: r?.accepted ?? 0, refused: r?.refused.length ?? 0 });
        setStep('idle');
        setShownList(null);
        reload();
        onDone();
      },
      (err: unknown) => {
        setError(err instanceof Error ? err : new Error(String(err)));
        setStep('confirm');
      },
    );
  };

  return (
    <section aria-labelledby="batch-title" className="ws-batch">
      <h3 id="batch-title">{t('triage.batch.title')}</h3>
      <p className="ws-hint">{t('triage.batch.explain')}</p>
      <label htmlFor="batch-min">{t('triage.batch.min')}</label>{' '}
      <input
        id="batch-min"
        type="number"
        min={50}
        max={100}
        step={1}
        value={percent}
        disabled={step !== 'idle'}
        onChange={(e) => {
          const v = Number(e.currentTarget.value);
          if (Number.isFinite(v) && v >= 50 && v <= 100) setPercent(v);
        }}
      />{' '}
      <label className="ws-check">
        <input
          type="checkbox"
          checked={guarded}
          disabled={step !== 'idle'}
          onChange={(e) => setGuarded(e.currentTarget.checked)}
        />{' '}
        {t('triage.batch.includeGuarded')}
      </label>{' '}
      {list.status === 'error' && <ErrorMessage error={list.error} />}
      {list.status === 'ok' && step === 'idle' && count === 0 && (
        <span>{t('triage.batch.none', { p: percent })}</span>
      )}
      {list.status === 'ok' && step === 'idle' && count > 0 && (
        <button type="button" onClick={confirm}>
          {t('triage.batch.button', { count, p: percent })}
        </button>
      )}
      {step !== 'idle' && shownList && (
        <div className="ws-confirm" role="group" aria-labelledby="batch-confirm">
          <p id="batch-confirm">{t('triage.batch.confirm', { count: shownList.pairs.length })}</p>
          {error && <ErrorMessage error={error} />}
          <button type="button" disabled={step === 'sending'} onClick={accept}>
            {t('triage.batch.yes', { count: shownList.pairs.length })}
          </button>{' '}
          <button
            type="button"
            disabled={step === 'sending'}
            onClick={() => {
              setStep('idle');
              setShownList(null);
            }}
          >
            {t('triage.batch.cancel')}
          </button>
        </div>
      )}
      {result && (
        <p role="status" className="ws-done">
          {t('triage.batch.done', { count: result.accepted })}{' '}
          {result.refused > 0 && t('triage.batch.refused', { count: result.refused })}
        </p>
      )}
    </section>
  );
}
