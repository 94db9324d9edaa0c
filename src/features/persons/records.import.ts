import type { z } from 'zod';
import { detectScript } from '../../names/index.js';
import type { DayOrder, PartialDate } from '../../core/partial-date.js';
import { upsertRows } from '../../db/index.js';
import { field, headerScorer, type ImportKind, type ParseOptions } from '../imports/index.js';
import { CATEGORY_WORDS, RECORD_HEADERS, SEX_WORDS } from './person-vocabulary.js';
import { recordId } from './record-id.js';
import { unknownSources } from './source-check.js';

const schemaFor = (order?: DayOrder) =>
  field
    .row({
      source: field.id(),
      record_id: field.requiredText("source's own id of the record"),
      family_name: field.text(),
      given_name: field.text(),
      patronymic: field.text(),
      full_name: field.text(),
      birth_date: field.recordDate(order),
      sex: field.vocabulary(SEX_WORDS, 'sex'),
      category: field.vocabulary(CATEGORY_WORDS, 'category'),
      unit: field.text(),
      branch: field.text(),
      rank: field.text(),
      capture_date: field.recordDate(order),
      capture_place: field.text(),
      relatives_contact: field.text(),
      notes: field.text(),
      seriously_ill_or_wounded: field.flag(),
      disability: field.flag(),
      political_prisoner_pre2022: field.flag(),
    })
    .superRefine((r, ctx) => {
      if (!r.family_name && !r.given_name && !r.full_name) {
        ctx.addIssue({
          code: 'custom',
          path: ['family_name'],
          message: 'the row has no name',
          input: '',
          params: { fix: 'give a family name, a given name or a full name' },
        });
      }
    });

export type PersonRecordInput = z.infer<ReturnType<typeof schemaFor>>;

const COLUMNS = [
  {
    name: 'source',
    required: true,
    description: 'id of the registered source the record comes from',
  },
  {
    name: 'record_id',
    required: true,
    description: "the source's own id of the record",
    personal: true,
  },
  { name: 'family_name', required: false, description: 'family name as written', personal: true },
  { name: 'given_name', required: false, description: 'given name as written', personal: true },
  { name: 'patronymic', required: false, description: 'patronymic as written', personal: true },
  {
    name: 'full_name',
    required: false,
    description: 'the whole name in one cell, in either order',
    personal: true,
  },
  {
    name: 'birth_date',
    required: false,
    description: 'day, month or year; ~ for "about"',
    personal: true,
  },
  { name: 'sex', required: false, description: 'male or female' },
  { name: 'category', required: false, description: 'military or civilian' },
  { name: 'unit', required: false, description: 'military unit' },
  { name: 'branch', required: false, description: 'branch of service' },
  { name: 'rank', required: false, description: 'rank' },
  { name: 'capture_date', required: false, description: 'when captured' },
  { name: 'capture_place', required: false, description: 'where captured' },
  {
    name: 'relatives_contact',
    required: false,
    description: 'contact of relatives',
    personal: true,
  },
  { name: 'notes', required: false, description: 'free text, testimony', personal: true },
  { name: 'seriously_ill_or_wounded', required: false, description: 'yes/no' },
  { name: 'disability', required: false, description: 'yes/no' },
  {
    name: 'political_prisoner_pre2022',
    required: false,
    description: 'civilian held for political reasons since before 24 Feb 2022: yes/no',
  },
];

const flag = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);
const precision = (d: PartialDate | null): string | null =>
  d ? (d.approx ? 'approx' : d.precision) : null;

/** The table row for a record, from the import or the API alike. */
export function recordRow(r: PersonRecordInput, now: string, id = recordId(r.source, r.record_id)) {
  const names = [r.family_name, r.given_name, r.patronymic, r.full_name].filter(Boolean).join(' ');
  return {
    id,
    source_id: r.source,
    source_record_id: r.record_id,
    family_name: r.family_name,
    given_name: r.given_name,
    patronymic: r.patronymic,
    full_name: r.full_name,
    name_script: names ? detectScript(names) : null,
    birth_date: r.birth_date?.text ?? null,
    birth_precision: precision(r.birth_date),
    birth_from: r.birth_date?.earliest ?? null,
    birth_to: r.birth_date?.latest ?? null,
    sex: r.sex,
    category: r.category,
    unit: r.unit,
    branch: r.branch,
    rank: r.rank,
    capture_date: r.capture_date?.text ?? null,
    capture_from: r.capture_date?.earliest ?? null,
    capture_to: r.capture_date?.latest ?? null,
    capture_place: r.capture_place,
    relatives_contact: r.relatives_contact,
    notes: r.notes,
    seriously_ill_or_wounded: flag(r.seriously_ill_or_wounded),
    disability: flag(r.disability),
    political_prisoner_pre2022: flag(r.political_prisoner_pre2022),
    updated_at: now,
  };
}

export const personsImport: ImportKind<PersonRecordInput> = {
  kind: 'persons',
  jsonKey: 'persons',
  columns: COLUMNS,
  headerAliases: RECORD_HEADERS,
  headerScore: headerScorer(COLUMNS, RECORD_HEADERS),
  schema: schemaFor(),
  schemaFor: (o: ParseOptions) => schemaFor(o.dateOrder),
  idColumn: 'record_id',
  idOf: (r) => recordId(r.source, r.record_id),
  references: (db, rows, file) => unknownSources(db, rows, file),
  parallel: {
    module: import.meta.url,
    exportName: 'personsImport',
    table: 'records',
    key: 'id',
    toRow: recordRow,
    referenceFields: ['source'],
  },
  async write(trx, rows, ctx) {
    const out = await upsertRows(
      trx,
      'records',
      'id',
      rows.map(({ value: r, id }) => recordRow(r, ctx.now, id)),
    );
    return { inserted: out.inserted, updated: out.updated, unchanged: out.unchanged };
  },
};
