import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { PersonRecord } from '../../../contract/persons.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { useSession } from './session.js';
import { send, useFresh } from './workspace-api.js';
import { ScrollRegion } from './scroll-region.js';

interface ReviewItem {
  a: PersonRecord;
  b: PersonRecord;
  probability: number;
  reason: string;
  levels: Record<string, string>;
}

/** The rows compared, and the linkage field whose level says how they compare (if any). */
const ROWS: { field: keyof PersonRecord; level?: string }[] = [
  { field: 'familyName', level: 'family' },
  { field: 'givenName', level: 'given' },
  { field: 'patronymic', level: 'patronymic' },
  { field: 'fullName' },
  { field: 'birthDate', level: 'birth' },
  { field: 'sex', level: 'sex' },
  { field: 'unit', level: 'unit' },
  { field: 'category' },
  { field: 'captureDate' },
  { field: 'source' },
];

type Agreement = 'agree' | 'close' | 'differ' | 'missing';

function agreement(item: ReviewItem, row: (typeof ROWS)[number]): Agreement {
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
                  return (
                    <tr key={row.field} className={`ws-${how}`}>
                      <th scope="row">{t(`fields.${row.field}`)}</th>
                      <td>{shown(row.field, item.a[row.field])}</td>
                      <td>{shown(row.field, item.b[row.field])}</td>
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
