/**
 * Dates as sources state them: a day, a month or a year. A month or year covers the whole
 * period, so comparisons work on the earliest and latest day it may mean.
 */
export type DatePrecision = 'day' | 'month' | 'year';

export interface PartialDate {
  /** Canonical text: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  text: string;
  precision: DatePrecision;
  /** First day the date may mean, `YYYY-MM-DD`. */
  earliest: string;
  /** Last day the date may mean, `YYYY-MM-DD`. */
  latest: string;
  /** The source said "about" (~1985, бл. 1985, ок. 1985, 1985?). */
  approx?: boolean;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
const DOTTED_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const DOTTED_MONTH = /^(\d{1,2})\.(\d{4})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function build(year: number, month?: number, day?: number): PartialDate | string {
  if (year < 1900 || year > 2100) return `year ${year} is outside 1900–2100`;
  if (month === undefined) {
    const y = pad(year, 4);
    return { text: y, precision: 'year', earliest: `${y}-01-01`, latest: `${y}-12-31` };
  }
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const ym = `${pad(year, 4)}-${pad(month)}`;
  const last = daysInMonth(year, month);
  if (day === undefined) {
    return { text: ym, precision: 'month', earliest: `${ym}-01`, latest: `${ym}-${pad(last)}` };
  }
  if (day < 1 || day > last) return `day ${day} does not exist in ${ym} (it has ${last} days)`;
  const d = `${ym}-${pad(day)}`;
  return { text: d, precision: 'day', earliest: d, latest: d };
}

/**
 * Parses ISO (`2024-03-05`, `2024-03`, `2024`) and dotted European dates (`05.03.2024`,
 * `03.2024`). Returns the reason as a string when the text is not a real date, so callers
 * can report it with their own location.
 */
export function parsePartialDate(input: string): PartialDate | string {
  const s = input.trim();
  let m = ISO_DAY.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ISO_MONTH.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]));
  m = YEAR.exec(s);
  if (m) return build(Number(m[1]));
  m = DOTTED_DAY.exec(s);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]));
  m = DOTTED_MONTH.exec(s);
  if (m) return build(Number(m[2]), Number(m[1]));
  return 'not a date in a known form';
}

/** The partial date a canonical stored text stands for (`2022-06` → month precision). */
export function partialDateFromText(text: string): PartialDate {
  const parsed = parsePartialDate(text);
  if (typeof parsed === 'string') throw new Error(`stored date ${text} is malformed: ${parsed}`);
  return parsed;
}

export const DATE_FORMS_HELP = 'write it as YYYY-MM-DD, DD.MM.YYYY, YYYY-MM or YYYY';

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export type DayOrder = 'DMY' | 'MDY';

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const SLASHED_MONTH = /^(\d{1,2})\/(\d{4})$/;
const APPROX =
  /^(?:~|≈|c\.|ca\.?|circa|about|approx\.?|приблизно|близько|бл\.|прибл\.|около|ок\.|примерно)\s*(.+)$|^(.+?)\s*\?$/i;
// Excel counts days from 1899-12-30 (its 1900 leap-year bug included); serials from 1900 to
// 2100 are 5-digit numbers.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Dates as spreadsheets and survey exports give them: everything parsePartialDate reads,
 * plus Excel serial numbers, `03/2024`, `5/3/2024` when the day order is known or cannot
 * be mistaken, and "about" forms (`~1985`, `бл. 1985`, `1985?`), marked approximate.
 */
export function parseRecordDate(input: string, order?: DayOrder): PartialDate | string {
  const s = input.trim();
  const approx = APPROX.exec(s);
  if (approx) {
    const inner = parseRecordDate((approx[1] ?? approx[2] ?? '').trim(), order);
    return typeof inner === 'string' ? inner : { ...inner, approx: true };
  }
  if (/^\d{5}(\.0+)?$/.test(s)) {
    const serial = Number(s);
    if (serial < 1 || serial > 73050)
      return 'is not a date (a number outside the Excel date range)';
    const d = new Date(EXCEL_EPOCH + serial * 86_400_000);
    return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const slashed = SLASHED.exec(s);
  if (slashed) {
    const a = Number(slashed[1]);
    const b = Number(slashed[2]);
    const year = Number(slashed[3]);
    const effective: DayOrder | undefined =
      order ?? (a > 12 ? 'DMY' : b > 12 ? 'MDY' : a === b ? 'DMY' : undefined);
    if (!effective) return `is ambiguous: ${s} may be day/month or month/day`;
    return effective === 'DMY' ? build(year, b, a) : build(year, a, b);
  }
  const slashedMonth = SLASHED_MONTH.exec(s);
  if (slashedMonth) return build(Number(slashedMonth[2]), Number(slashedMonth[1]));
  return parsePartialDate(s);
}

export const RECORD_DATE_HELP =
  'write it as YYYY-MM-DD, DD.MM.YYYY, MM.YYYY or YYYY (prefix ~ for "about"); for dates like 5/3/2024 give --date-format DMY or MDY';
