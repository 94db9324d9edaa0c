import { useTranslation } from 'react-i18next';
import type { PublicSummary } from '../../../contract/publication.js';
import { STALE_AFTER_DAYS } from '../../../contract/publication.js';
import { formatDate, formatNumber } from '../i18n/format.js';

type Disagreement = NonNullable<PublicSummary['headline']['returned']['disagreement']>;

/** "more than 2,500": a published value with its qualifier, as its source gave it. */
export function useQualified(): (value: number, qualifier: string) => string {
  const { t, i18n } = useTranslation();
  return (value, qualifier) => {
    const q = qualifier === 'exact' ? '' : t(`published.${qualifier}`, { defaultValue: '' });
    return `${q ? `${q} ` : ''}${formatNumber(value, i18n.language)}`;
  };
}

/**
 * A card's known disagreement in one line: the newest running total someone else published.
 * For exchanges, how many of the officially numbered ones Polon has recorded.
 */
export function DisagreementLine({
  d,
  ours,
  exchanges = false,
  brief = false,
}: {
  d: Disagreement | null;
  ours?: number;
  exchanges?: boolean;
  /** On a small card: who, what and when, without the source's own description. */
  brief?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const qualified = useQualified();
  if (!d) return null;
  const lang = i18n.language;
  const date = formatDate(d.asOf, lang);
  const who = d.who ?? t('gate.someone');
  const text =
    exchanges && ours !== undefined && d.value >= ours
      ? t('gate.exchangesRecorded', {
          recorded: formatNumber(ours, lang),
          official: formatNumber(d.value, lang),
          who,
          date,
        })
      : t('gate.otherFigure', { who, value: qualified(d.value, d.qualifier), date });
  return (
    <dd className="note disagreement" data-doubt="disagreement">
      {text}
      {!exchanges && !brief && d.description && <span className="quoted"> — {d.description}</span>}
    </dd>
  );
}

export function StaleWarning({ stale }: { stale: boolean }) {
  const { t } = useTranslation();
  if (!stale) return null;
  return (
    <dd className="stale" data-doubt="stale">
      {t('gate.stale', { days: STALE_AFTER_DAYS })}
    </dd>
  );
}
