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

/** A name field interned but not yet counted: key and class ids, -1 where absent. */
export interface InternedNames {
  key: Int32Array;
  keyTexts: string[];
  equivalence: Int32Array;
  equivalenceTexts: string[];
}

/**
 * Records interned field by field, every id numbered in order of first appearance: what
 * `compileColumns` counts and derives the rest from. A reader can build it without making
 * a LinkRecord per row, and parts read apart (by threads) join with `mergeRecordColumns`
 * into exactly the columns of reading them in one go.
 */
export interface RecordColumns {
  size: number;
  source: Uint16Array;
  sourceNames: string[];
  family: InternedNames;
  given: InternedNames;
  patronymic: InternedNames;
  year: Uint16Array;
  month: Uint8Array;
  day: Uint8Array;
  sex: Uint8Array;
  unit: Int32Array;
  unitNames: string[];
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

function grow<T extends Int32Array | Uint16Array | Uint8Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

/** Interns one name field; a name object seen before (names are memoised) costs one lookup. */
class NameInterner {
  private readonly keys = new Interner();
  private readonly classes = new Interner();
  private readonly seen = new Map<NameValue, { key: number; equivalence: number }>();
  key = new Int32Array(1024);
  equivalence = new Int32Array(1024);
  set(i: number, value: NameValue | undefined): void {
    if (i >= this.key.length) {
      this.key = grow(this.key, this.key.length * 2);
      this.equivalence = grow(this.equivalence, this.key.length);
    }
    if (!value || value.key === '') {
      this.key[i] = -1;
      this.equivalence[i] = -1;
      return;
    }
    let ids = this.seen.get(value);
    if (ids === undefined) {
      const e = value.equivalence ? this.classes.id(value.equivalence) : -1;
      ids = { key: this.keys.id(value.key), equivalence: e };
      this.seen.set(value, ids);
    }
    this.key[i] = ids.key;
    this.equivalence[i] = ids.equivalence;
  }
  finish(n: number): InternedNames {
    return {
      key: this.key.slice(0, n),
      keyTexts: this.keys.texts,
      equivalence: this.equivalence.slice(0, n),
      equivalenceTexts: this.classes.texts,
    };
  }
}

const SEX_CODE: Readonly<Record<Sex, number>> = { m: 1, f: 2 };

/** What a record holds but its id and source. */
export type RecordFields = Readonly<
  Pick<LinkRecord, 'family' | 'given' | 'patronymic' | 'birth' | 'sex' | 'unit'>
>;

/** Builds `RecordColumns` a record at a time, without keeping the records. */
export class RecordColumnsBuilder {
  private size = 0;
  private readonly sources = new Interner();
  private readonly units = new Interner();
  private readonly family = new NameInterner();
  private readonly given = new NameInterner();
  private readonly patronymic = new NameInterner();
  private source = new Uint16Array(1024);
  private year = new Uint16Array(1024);
  private month = new Uint8Array(1024);
  private day = new Uint8Array(1024);
  private sex = new Uint8Array(1024);
  private unit = new Int32Array(1024);

  add(source: string, fields: RecordFields): void {
    const i = this.size++;
    if (i >= this.source.length) {
      const n = this.source.length * 2;
      this.source = grow(this.source, n);
      this.year = grow(this.year, n);
      this.month = grow(this.month, n);
      this.day = grow(this.day, n);
      this.sex = grow(this.sex, n);
      this.unit = grow(this.unit, n);
    }
    this.source[i] = this.sources.id(source);
    const birth = fields.birth;
    if (birth && birth.year > 0) {
      this.year[i] = birth.year;
      if (birth.month) {
        this.month[i] = birth.month;
        if (birth.day) this.day[i] = birth.day;
      }
    }
    if (fields.sex) this.sex[i] = SEX_CODE[fields.sex];
    this.unit[i] = fields.unit ? this.units.id(fields.unit) : -1;
    this.family.set(i, fields.family);
    this.given.set(i, fields.given);
    this.patronymic.set(i, fields.patronymic);
  }

  finish(): RecordColumns {
    const n = this.size;
    return {
      size: n,
      source: this.source.slice(0, n),
      sourceNames: this.sources.texts,
      family: this.family.finish(n),
      given: this.given.finish(n),
      patronymic: this.patronymic.finish(n),
      year: this.year.slice(0, n),
      month: this.month.slice(0, n),
      day: this.day.slice(0, n),
      sex: this.sex.slice(0, n),
      unit: this.unit.slice(0, n),
      unitNames: this.units.texts,
    };
  }
}

/** Renumbers ids of `texts` into `into`: part ids become the joined columns' ids. */
function renumber(into: Interner, texts: readonly string[]): Int32Array {
  const map = new Int32Array(texts.length);
  for (let k = 0; k < texts.length; k++) map[k] = into.id(texts[k] as string);
  return map;
}

function copyIds(out: Int32Array, at: number, ids: Int32Array, map: Int32Array): void {
  for (let i = 0; i < ids.length; i++) {
    const v = ids[i] as number;
    out[at + i] = v < 0 ? -1 : (map[v] as number);
  }
}

/**
 * The columns of consecutive parts of one input, as if read in one go: ids are numbered
 * in order of first appearance, so a text first seen in a later part gets its id after
 * every text of the earlier ones, as it would have.
 */
export function mergeRecordColumns(parts: readonly RecordColumns[]): RecordColumns {
  if (parts.length === 1) return parts[0] as RecordColumns;
  const n = parts.reduce((s, p) => s + p.size, 0);
  const sources = new Interner();
  const units = new Interner();
  const source = new Uint16Array(n);
  const year = new Uint16Array(n);
  const month = new Uint8Array(n);
  const day = new Uint8Array(n);
  const sex = new Uint8Array(n);
  const unit = new Int32Array(n);
  let at = 0;
  for (const p of parts) {
    const sourceMap = renumber(sources, p.sourceNames);
    for (let i = 0; i < p.size; i++) source[at + i] = sourceMap[p.source[i] as number] as number;
    copyIds(unit, at, p.unit, renumber(units, p.unitNames));
    year.set(p.year, at);
    month.set(p.month, at);
    day.set(p.day, at);
    sex.set(p.sex, at);
    at += p.size;
  }
  const names = (pick: (p: RecordColumns) => InternedNames): InternedNames => {
    const keys = new Interner();
    const classes = new Interner();
    const key = new Int32Array(n);
    const equivalence = new Int32Array(n);
    let from = 0;
    for (const p of parts) {
      const part = pick(p);
      copyIds(key, from, part.key, renumber(keys, part.keyTexts));
      copyIds(equivalence, from, part.equivalence, renumber(classes, part.equivalenceTexts));
      from += p.size;
    }
    return { key, keyTexts: keys.texts, equivalence, equivalenceTexts: classes.texts };
  };
  return {
    size: n,
    source,
    sourceNames: sources.texts,
    family: names((p) => p.family),
    given: names((p) => p.given),
    patronymic: names((p) => p.patronymic),
    year,
    month,
    day,
    sex,
    unit,
    unitNames: units.texts,
  };
}

function nameColumn(names: InternedNames): NameColumn {
  const { key, equivalence } = names;
  let present = 0;
  const keyFrequency = new Int32Array(names.keyTexts.length);
  const equivalenceFrequency = new Int32Array(names.equivalenceTexts.length);
  for (let i = 0; i < key.length; i++) {
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
    keyTexts: names.keyTexts,
    equivalenceCount: names.equivalenceTexts.length,
    keyFrequency,
    equivalenceFrequency,
    present,
  };
}

/** Counts the interned columns and adds what blocking derives from them. */
export function compileColumns(columns: RecordColumns): CompiledRecords {
  const n = columns.size;
  const family = nameColumn(columns.family);
  const prefixes = new Interner();
  const familyPrefix = new Int32Array(n).fill(-1);
  const suffixes = new Interner();
  const familySuffix = new Int32Array(n).fill(-1);
  // Per key, not per record: a million records hold a few hundred thousand surnames.
  const prefixOf = new Int32Array(family.keyTexts.length).fill(-1);
  const suffixOf = new Int32Array(family.keyTexts.length);
  for (let i = 0; i < n; i++) {
    const k = family.key[i] as number;
    if (k < 0) continue;
    if (prefixOf[k] === -1) {
      const text = family.keyTexts[k] as string;
      prefixOf[k] = prefixes.id(text.slice(0, 3));
      suffixOf[k] = suffixes.id(text.slice(-3));
    }
    familyPrefix[i] = prefixOf[k] as number;
    familySuffix[i] = suffixOf[k] as number;
  }
  return {
    size: n,
    source: columns.source,
    sourceNames: columns.sourceNames,
    family,
    familyPrefix,
    familySuffix,
    given: nameColumn(columns.given),
    patronymic: nameColumn(columns.patronymic),
    year: columns.year,
    month: columns.month,
    day: columns.day,
    sex: columns.sex,
    unit: columns.unit,
  };
}

export function compileRecords(records: readonly LinkRecord[]): CompiledRecords {
  const builder = new RecordColumnsBuilder();
  for (const r of records) builder.add(r.source, r);
  return compileColumns(builder.finish());
}
