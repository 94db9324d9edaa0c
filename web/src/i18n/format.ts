import i18next from 'i18next';

/**
 * Numbers and dates in the reader's language. Dates in the dataset may be a day, a month or a
 * year ("2022-06" when the source gave no day); they are shown with the precision they have.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number, lang: string): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

export function formatDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return iso;
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions =
    d !== undefined
      ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
      : m !== undefined
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang, options).format(date);
}

/**
 * A person-derived count as the server protected it: "<5" below the threshold, "≈190" when
 * rounded, "not shown" when withheld so that no hidden count can be worked out by subtraction.
 */
export function formatCount(
  c:
    | { value: number; suppressed: false; roundedTo?: number }
    | { value: null; suppressed: true; below: number | null },
  lang: string,
): string {
  if (c.suppressed)
    return c.below === null ? i18next.t('count.notShown', { lng: lang }) : `<${c.below}`;
  return `${c.roundedTo ? '≈' : ''}${formatNumber(c.value, lang)}`;
}
