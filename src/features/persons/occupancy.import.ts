import type { z } from 'zod';
import { defineImport, field, type ParseOptions } from '../imports/index.js';
import { facilityLookup, type FacilityFound } from './facility-cells.js';
import { OCCUPANCY_HEADERS, SCOPE_WORDS } from './person-vocabulary.js';
import { ownIdColumn, SOURCE_COLUMN, sourceRowId } from './person-rows.js';
import { recordId } from './record-id.js';
import { personRowReferences, sourceCell } from './source-check.js';

/** "40", "~40", "about 40", "близько 40", "40+", "more than 40" → count and qualifier. */
const headcount = () =>
  field.cell((v, ctx) => {
    const s = (v ?? '').trim().toLowerCase();
    if (!s)
      return field.fail(
        ctx,
        v,
        'is empty',
        'write how many Ukrainians the person saw, e.g. 40 or ~40',
      );
    let m =
      /^(?:~|≈|about|approx\.?|around|близько|приблизно|бл\.|около|примерно|ок\.)\s*(\d+)$/.exec(s);
    if (m) return { count: Number(m[1]), qualifier: 'approx' as const };
    m = /^(?:more than|over|понад|більше|более|больше|свыше)\s*(\d+)$|^(\d+)\s*\+$/.exec(s);
    if (m) return { count: Number(m[1] ?? m[2]), qualifier: 'more_than' as const };
    m = /^(\d+)$/.exec(s);
    if (m) return { count: Number(m[1]), qualifier: 'exact' as const };
    if (/^-/.test(s)) return field.fail(ctx, v, 'is negative', 'a count is 0 or more');
    return field.fail(
      ctx,
      v,
      'is not a count',
      'write a number, optionally with ~ for "about" or + for "more than"',
    );
  });

const schemaFor = ({ dateOrder: order, source }: ParseOptions = {}) =>
  field
    .row({
      source: sourceCell(source),
      report_id: field.text(),
      record_id: field.text(),
      facility: field.requiredName('facility id or name'),
      date: field.recordDate(order),
      count: headcount(),
      scope: field.vocabulary(SCOPE_WORDS, 'scope'),
      notes: field.text(),
    })
    .superRefine((o, ctx) => {
      if (!o.date)
        ctx.addIssue({
          code: 'custom',
          path: ['date'],
          message: 'is empty',
          input: '',
          params: { fix: 'give the day, month or year the count refers to' },
        });
    });

export type OccupancyInput = z.infer<ReturnType<typeof schemaFor>>;

const COLUMNS = [
  SOURCE_COLUMN,
  ownIdColumn('report_id', 'report'),
  {
    name: 'record_id',
    required: false,
    description: "the reporting person's record id in the source",
    personal: true,
  },
  { name: 'facility', required: true, description: 'facility id or name' },
  { name: 'date', required: true, description: 'day, month or year the count refers to' },
  { name: 'count', required: true, description: 'how many Ukrainians: 40, ~40, 40+' },
  { name: 'scope', required: false, description: 'cell, block or facility (default facility)' },
  { name: 'notes', required: false, description: 'free text', personal: true },
];

export const occupancyImport = defineImport<OccupancyInput, FacilityFound>({
  kind: 'occupancy',
  columns: COLUMNS,
  headerAliases: OCCUPANCY_HEADERS,
  schema: schemaFor(),
  schemaFor,
  idColumn: 'report_id',
  id: (o) =>
    sourceRowId('occ', o.source, o.report_id, [
      o.record_id,
      o.facility,
      o.date?.text,
      o.count.count,
      o.scope,
    ]),
  references: personRowReferences(false),
  table: 'occupancy_reports',
  lookup: facilityLookup((o) => o.facility),
  toRow: (o, { now, id, found }) => ({
    id,
    source_id: o.source,
    record_id: o.record_id ? recordId(o.source, o.record_id) : null,
    facility_id: found?.facilityId ?? null,
    facility_text: o.facility,
    facility_score: found?.score ?? null,
    date: o.date?.text ?? '',
    date_from: o.date?.earliest ?? '',
    date_to: o.date?.latest ?? '',
    count: o.count.count,
    count_qualifier: o.count.qualifier,
    scope: o.scope ?? 'facility',
    notes: o.notes,
    updated_at: now,
  }),
});
