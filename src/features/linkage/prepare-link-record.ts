import { parsePartialDate } from '../../core/partial-date.js';
import type { LinkRecord, NameValue, Sex } from '../../linkage/index.js';
import { normalise } from '../../names/index.js';
import type { ComparableName } from '../../names/person/index.js';
import {
  comparableFamilyName,
  comparableGivenName,
  comparablePatronymic,
  lookupGivenName,
  splitFullName,
} from '../../names/person/index.js';

/** One row of a `polon link` input file; every value may be empty but the first two. */
export interface PersonRecordInput {
  record_id: string;
  source: string;
  family_name?: string | undefined;
  given_name?: string | undefined;
  patronymic?: string | undefined;
  full_name?: string | undefined;
  birth_date?: string | undefined;
  sex?: string | undefined;
  unit?: string | undefined;
}

export interface PreparedRecord {
  record: LinkRecord;
  /** The birth date was given but is not a date in a known form; it is ignored. */
  invalidDate: boolean;
  /** The family and given name columns were swapped and have been put back. */
  swappedNames: boolean;
}

const SEX: Readonly<Record<string, Sex>> = {
  m: 'm',
  male: 'm',
  м: 'm',
  ч: 'm',
  чол: 'm',
  чоловіча: 'm',
  муж: 'm',
  мужской: 'm',
  f: 'f',
  female: 'f',
  w: 'f',
  ж: 'f',
  жін: 'f',
  жіноча: 'f',
  жен: 'f',
  женский: 'f',
};

function toNameValue(c: ComparableName | undefined): NameValue | undefined {
  return c ? { key: c.key, equivalence: c.equivalence } : undefined;
}

/** A unit is compared by its number ("36 ОБрМП", "36-я ОБрМП", "36th Marine Brigade"). */
export function unitKey(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const number = /\d+/.exec(t);
  if (number) return number[0].replace(/^0+(?=\d)/, '');
  const n = normalise(t);
  return n === '' ? undefined : n;
}

function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size > 2_000_000) cache.clear();
      cache.set(s, v);
    }
    return v as T;
  };
}

/** What a row becomes but its id and source: see `createRecordPreparer`. */
export type PreparedFields = Omit<LinkRecord, 'id' | 'source'> & {
  invalidDate: boolean;
  swappedNames: boolean;
};

/**
 * Turns input rows into what the linkage engine compares, with the names engine: a full
 * name split into its parts when the columns are empty, family and given name put back
 * when swapped, names reduced to spelling keys and equivalence classes, dates parsed.
 * Keeps caches, since a million rows hold far fewer distinct names; equal texts give the
 * same name objects, which compiling the records counts on (see RecordColumnsBuilder).
 */
export function createFieldPreparer(): (
  row: Omit<PersonRecordInput, 'record_id'>,
) => PreparedFields {
  const family = memo((s) => toNameValue(comparableFamilyName(s)));
  const given = memo((s) => toNameValue(comparableGivenName(s)));
  const patronymic = memo((s) => toNameValue(comparablePatronymic(s)));
  const isGivenName = memo((s) => lookupGivenName(s, { typos: false }) !== undefined);
  const split = memo(splitFullName);
  const birth = memo((s) => {
    const d = parsePartialDate(s);
    if (typeof d === 'string') return null;
    const [y, m, day] = d.text.split('-').map(Number);
    return { year: y ?? 0, month: m, day };
  });
  const units = memo(unitKey);
  const sex = memo((s) => SEX[s.trim().toLowerCase().replace(/\.$/, '')]);

  return (row) => {
    let f = row.family_name?.trim() ?? '';
    let g = row.given_name?.trim() ?? '';
    let p = row.patronymic?.trim() ?? '';
    const full = row.full_name?.trim() ?? '';
    if (full !== '' && (f === '' || g === '')) {
      const parts = split(full);
      if (f === '') f = parts.family;
      if (g === '') g = parts.given;
      if (p === '') p = parts.patronymic;
    }
    let swappedNames = false;
    if (f !== '' && g !== '' && !isGivenName(g) && isGivenName(f)) {
      [f, g] = [g, f];
      swappedNames = true;
    }
    const dateText = row.birth_date?.trim() ?? '';
    const b = dateText === '' ? null : birth(dateText);
    return {
      family: f === '' ? undefined : family(f),
      given: g === '' ? undefined : given(g),
      patronymic: p === '' ? undefined : patronymic(p),
      birth: b ?? undefined,
      sex: sex(row.sex ?? ''),
      unit: row.unit ? units(row.unit) : undefined,
      invalidDate: dateText !== '' && b === null,
      swappedNames,
    };
  };
}

/** Prepares whole rows, as `createFieldPreparer` does their fields. */
export function createRecordPreparer(): (row: PersonRecordInput) => PreparedRecord {
  const prepare = createFieldPreparer();
  return (row) => {
    const p = prepare(row);
    const record: LinkRecord = {
      id: row.record_id,
      source: row.source,
      family: p.family,
      given: p.given,
      patronymic: p.patronymic,
      birth: p.birth,
      sex: p.sex,
      unit: p.unit,
    };
    return { record, invalidDate: p.invalidDate, swappedNames: p.swappedNames };
  };
}
