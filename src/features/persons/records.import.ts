import type { z } from 'zod';
import { detectScript } from '../../names/index.js';
import type { PartialDate } from '../../core/partial-date.js';
import type { FlatRows } from '../../db/index.js';
import { defineImport, field, type ParseOptions } from '../imports/index.js';
import { contentRecordId, isContentId } from './content-id.js';
import { CATEGORY_WORDS, RECORD_HEADERS, SEX_WORDS } from './person-vocabulary.js';
import { statusCell, type Status } from './status-cell.js';
import { recordId } from './record-id.js';
import { FACT_COLUMNS, writeRecordFacts, type RecordFactCells } from './record-facts.js';
import { sourceCell, unknownSources } from './source-check.js';

const schemaFor = ({ dateOrder: order, source }: ParseOptions = {}) =>
  field
    .row({
      source: sourceCell(source),
      record_id: field.text(),
      family_name: field.name('family name'),
      given_name: field.name('given name'),
      patronymic: field.name('patronymic'),
      full_name: field.name('full name'),
      birth_date: field.recordDate(order),
      sex: field.vocabulary(SEX_WORDS, 'sex'),
      category: field.vocabulary(CATEGORY_WORDS, 'category'),
      unit: field.text(),
      branch: field.text(),
      rank: field.text(),
      capture_date: field.recordDate(order),
      capture_place: field.name('place of capture'),
      relatives_contact: field.text(),
      notes: field.text(),
      seriously_ill_or_wounded: field.flag(),
      disability: field.flag(),
      political_prisoner_pre2022: field.flag(),
      status: statusCell(),
      missing_date: field.recordDate(order),
      held_place: field.name('place where the person is held'),
      held_from: field.recordDate(order),
      held_to: field.recordDate(order),
      release_date: field.recordDate(order),
      release_exchange: field.text(),
      death_date: field.recordDate(order),
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
      if (r.held_from && r.held_to && r.held_to.latest < r.held_from.earliest) {
        ctx.addIssue({
          code: 'custom',
          path: ['held_to'],
          message: 'is before the day the stay began',
          input: r.held_to.text,
          params: {
            fix: 'swap the two dates, or leave the end blank if the stay has no known end',
          },
        });
      }
    })
    // In place, not spread into a new object: a large import reads a million rows.
    .transform((cells) => {
      const status = cells.status;
      const r = cells as unknown as Omit<typeof cells, 'status' | 'record_id'> & {
        record_id: string;
        status: Status['event'];
      };
      // A file without an id column: the record is known by what identifies the person.
      r.record_id = cells.record_id ?? contentRecordId(cells);
      // "Статус: військовий" says the category; "Статус: в полоні" what happened.
      r.category = cells.category ?? status?.category ?? null;
      r.status = status?.event ?? null;
      return r;
    });

export type PersonRecordInput = z.infer<ReturnType<typeof schemaFor>>;

const COLUMNS = [
  {
    name: 'source',
    required: true,
    orOption: 'source' as const,
    description: 'id of the registered source the record comes from',
  },
  {
    name: 'record_id',
    required: false,
    description:
      "the source's own id or number of the record (without one, the record is known by its names and birth date)",
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
  {
    name: 'status',
    required: false,
    description: 'in captivity, released, died, missing (or military/civilian)',
  },
  { name: 'missing_date', required: false, description: 'when the person went missing' },
  { name: 'held_place', required: false, description: 'place of detention as written' },
  { name: 'held_from', required: false, description: 'held there since' },
  { name: 'held_to', required: false, description: 'held there until' },
  { name: 'release_date', required: false, description: 'when released or exchanged' },
  {
    name: 'release_exchange',
    required: false,
    description: 'the exchange: its id, or its day ("обмін 24.08.2024")',
  },
  { name: 'death_date', required: false, description: 'when the person died in captivity' },
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
    held_place: r.held_place,
    held_from: r.held_from?.text ?? null,
    held_to: r.held_to?.text ?? null,
    release_date: r.release_date?.text ?? null,
    release_exchange: r.release_exchange,
    death_date: r.death_date?.text ?? null,
    missing_date: r.missing_date?.text ?? null,
    status: r.status,
    updated_at: now,
  };
}

/**
 * The fact cells of table rows laid flat (the worker's batches), for the rows that state a
 * fact or were updated (the others have nothing to state or remove), and how many ids of
 * the batch were worked out from content.
 */
function factCellsOf(
  rows: FlatRows,
  updatedKeys: Set<string>,
): { cells: RecordFactCells[]; rows: number[]; fromContent: number } {
  const width = rows.columns.length;
  const at = (c: string): number => rows.columns.indexOf(c);
  const idAt = at('id');
  const sourceIdAt = at('source_record_id');
  const facts = FACT_COLUMNS.map((c) => [c, at(c)] as const);
  const out: { cells: RecordFactCells[]; rows: number[]; fromContent: number } = {
    cells: [],
    rows: [],
    fromContent: 0,
  };
  for (let base = 0, i = 0; base < rows.values.length; base += width, i++) {
    if (isContentId(String(rows.values[base + sourceIdAt]))) out.fromContent++;
    const id = String(rows.values[base + idAt]);
    if (!facts.some(([, j]) => rows.values[base + j]) && !updatedKeys.has(id)) continue;
    const cells: Record<string, unknown> = { id };
    for (const [c, j] of facts) cells[c] = rows.values[base + j] ?? null;
    out.cells.push(cells as unknown as RecordFactCells);
    out.rows.push(i);
  }
  return out;
}

export const personsImport = defineImport({
  kind: 'persons',
  columns: COLUMNS,
  headerAliases: RECORD_HEADERS,
  schema: schemaFor(),
  schemaFor,
  idColumn: 'record_id',
  id: (r: PersonRecordInput) => recordId(r.source, r.record_id),
  // Two rows naming the same person with the same birth date and no id are kept as two
  // records (linkage joins them), each known again by its place among its namesakes.
  repeat: (r, n) =>
    isContentId(r.record_id) ? { ...r, record_id: `${r.record_id}#${n}` } : undefined,
  references: (db, rows, file) => unknownSources(db, rows, file),
  table: 'records',
  toRow: (r, { now, id }) => recordRow(r, now, id),
  async after(trx, { rows, table, updatedKeys }, ctx) {
    const facts = await writeRecordFacts(
      trx,
      table,
      rows.map((r) => r.row),
      updatedKeys,
      ctx,
    );
    return {
      facts,
      unresolvedPlaces: facts.unresolvedPlaces,
      notices: facts.notices,
      recordIds: {
        fromFile: rows.filter((r) => !isContentId(r.value.record_id)).length,
        fromContent: rows.filter((r) => isContentId(r.value.record_id)).length,
      },
    };
  },
  parallel: {
    module: import.meta.url,
    exportName: 'personsImport',
    referenceFields: ['source'],
    async after(trx, rows, rowNumbers, updatedKeys, ctx) {
      const some = factCellsOf(rows, updatedKeys);
      const lines = some.rows.map((i) => rowNumbers[i] ?? 0);
      const facts = await writeRecordFacts(trx, some.cells, lines, updatedKeys, ctx);
      const all = rowNumbers.length;
      return {
        facts,
        unresolvedPlaces: facts.unresolvedPlaces,
        notices: facts.notices,
        recordIds: { fromFile: all - some.fromContent, fromContent: some.fromContent },
      };
    },
  },
});
