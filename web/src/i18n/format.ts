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

/** A count the server may have suppressed (1 to threshold − 1 shown as "<5"). */
export function formatCount(
  c: { value: number; suppressed: false } | { value: null; suppressed: true; below: number },
  lang: string,
): string {
  return c.suppressed ? `<${c.below}` : formatNumber(c.value, lang);
}
