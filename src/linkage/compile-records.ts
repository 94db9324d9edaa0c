import type { LinkRecord, NameValue, Sex } from './link-record.js';

/** One name field in columns: interned key and equivalence ids, -1 where absent. */
export interface NameColumn {
  key: Int32Array;
  equivalence: Int32Array;
  /** Key text by key id, for Jaro–Winkler. */
  keyTexts: string[];
  equivalenceCount: number;
  /** Records holding each key id, and each equivalence id: for term-frequency weights. */
  keyFrequency: Int32Array;
  equivalenceFrequency: Int32Array;
  /** Records holding a value in this field. */
  present: number;
}

/**
 * Records in typed columns: compact at a million records, cheap to compare, and cheap to
 * hand to a worker thread (structured clone of a few arrays instead of a million objects).
 */
export interface CompiledRecords {
  size: number;
  source: Uint16Array;
  sourceNames: string[];
  family: NameColumn;
  /** Interned first three letters of the family-name key, -1 where absent. */
  familyPrefix: Int32Array;
  /** Interned last three letters of the family-name key, -1 where absent. */
  familySuffix: Int32Array;
  given: NameColumn;
  patronymic: NameColumn;
  /** 0 where unknown. */
  year: Uint16Array;
  month: Uint8Array;
  day: Uint8Array;
  /** 0 unknown, 1 male, 2 female. */
  sex: Uint8Array;
  /** Interned unit id, -1 where absent. */
  unit: Int32Array;
}

class Interner {
  readonly ids = new Map<string, number>();
  readonly texts: string[] = [];
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(text, id);
      this.texts.push(text);
    }
    return id;
  }
}

function nameColumn(
  records: readonly LinkRecord[],
  pick: (r: LinkRecord) => NameValue | undefined,
): NameColumn {
  const n = records.length;
  const keys = new Interner();
  const classes = new Interner();
  const key = new Int32Array(n).fill(-1);
  const equivalence = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const value = pick(records[i] as LinkRecord);
    if (!value || value.key === '') continue;
    key[i] = keys.id(value.key);
    if (value.equivalence) equivalence[i] = classes.id(value.equivalence);
  }
  let present = 0;
  const keyFrequency = new Int32Array(keys.texts.length);
  const equivalenceFrequency = new Int32Array(classes.texts.length);
  for (let i = 0; i < n; i++) {
    const k = key[i] as number;
    if (k < 0) continue;
    present++;
    keyFrequency[k] = (keyFrequency[k] as number) + 1;
    const e = equivalence[i] as number;
    if (e >= 0) equivalenceFrequency[e] = (equivalenceFrequency[e] as number) + 1;
  }
  return {
    key,
    equivalence,
    keyTexts: keys.texts,
    equivalenceCount: classes.texts.length,
    keyFrequency,
    equivalenceFrequency,
    present,
  };
}

const SEX_CODE: Readonly<Record<Sex, number>> = { m: 1, f: 2 };

export function compileRecords(records: readonly LinkRecord[]): CompiledRecords {
  const n = records.length;
  const sources = new Interner();
  const units = new Interner();
  const source = new Uint16Array(n);
  const year = new Uint16Array(n);
  const month = new Uint8Array(n);
  const day = new Uint8Array(n);
  const sex = new Uint8Array(n);
  const unit = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = records[i] as LinkRecord;
    source[i] = sources.id(r.source);
    if (r.birth && r.birth.year > 0) {
      year[i] = r.birth.year;
      if (r.birth.month) {
        month[i] = r.birth.month;
        if (r.birth.day) day[i] = r.birth.day;
      }
    }
    if (r.sex) sex[i] = SEX_CODE[r.sex];
    if (r.unit) unit[i] = units.id(r.unit);
  }
  const family = nameColumn(records, (r) => r.family);
  const prefixes = new Interner();
  const familyPrefix = new Int32Array(n).fill(-1);
  const suffixes = new Interner();
  const familySuffix = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const k = family.key[i] as number;
    if (k < 0) continue;
    const text = family.keyTexts[k] as string;
    familyPrefix[i] = prefixes.id(text.slice(0, 3));
    familySuffix[i] = suffixes.id(text.slice(-3));
  }
  return {
    size: n,
    source,
    sourceNames: sources.texts,
    family,
    familyPrefix,
    familySuffix,
    given: nameColumn(records, (r) => r.given),
    patronymic: nameColumn(records, (r) => r.patronymic),
    year,
    month,
    day,
    sex,
    unit,
  };
}
