import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { PublicSummary } from '../../../contract/publication.js';
import { ExchangeTimeline, TimelineTable, type Split } from './exchange-timeline.js';

const SPLITS: { value: Split; label: string }[] = [
  { value: 'total', label: 'timeline.total' },
  { value: 'military', label: 'timeline.militaryCivilian' },
  { value: 'sex', label: 'timeline.menWomen' },
];

/** The timeline with its split chosen by radio buttons and kept in the URL (`?split=`). */
export function TimelineSection({ points }: { points: PublicSummary['timeline'] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('split');
  const split: Split = SPLITS.some((s) => s.value === asked) ? (asked as Split) : 'total';
  return (
    <>
      <fieldset className="split">
        <legend>{t('timeline.split')}</legend>
        {SPLITS.map((s) => (
          <label key={s.value}>
            <input
              type="radio"
              name="split"
              value={s.value}
              checked={split === s.value}
              onChange={() =>
                setParams(
                  (prev) => {
                    const next = new URLSearchParams(prev);
                    if (s.value === 'total') next.delete('split');
                    else next.set('split', s.value);
                    return next;
                  },
                  { replace: true },
                )
              }
            />{' '}
            {t(s.label)}
          </label>
        ))}
      </fieldset>
      <ExchangeTimeline points={points} split={split} />
      <TimelineTable points={points} />
    </>
  );
}
