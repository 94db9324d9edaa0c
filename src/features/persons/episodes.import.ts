import type { z } from 'zod';
import { defineImport, field, type ParseOptions } from '../imports/index.js';
import { facilityLookup, type FacilityFound } from './facility-cells.js';
import { EPISODE_HEADERS } from './person-vocabulary.js';
import { ownIdColumn, RECORD_ID_COLUMN, SOURCE_COLUMN, sourceRowId } from './person-rows.js';
import { recordId } from './record-id.js';
import { personRowReferences, sourceCell } from './source-check.js';

const schemaFor = ({ dateOrder: order, source }: ParseOptions = {}) =>
  field
    .row({
      source: sourceCell(source),
      record_id: field.requiredText("source's id of the person record"),
      episode_id: field.text(),
      facility: field.requiredName('facility id or name as the source gives it'),
      from: field.recordDate(order),
      to: field.recordDate(order),
      cell: field.text(),
      notes: field.text(),
    })
    .superRefine((e, ctx) => {
      if (e.from && e.to && e.to.latest < e.from.earliest) {
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: 'is before from',
          input: e.to.text,
          params: { fix: 'swap the dates, or leave "to" blank if the stay has no known end' },
        });
      }
    });

export type EpisodeInput = z.infer<ReturnType<typeof schemaFor>>;

export const episodesImport = defineImport<EpisodeInput, FacilityFound>({
  kind: 'episodes',
  columns: [
    SOURCE_COLUMN,
    RECORD_ID_COLUMN,
    ownIdColumn('episode_id', 'episode'),
    {
      name: 'facility',
      required: true,
      description: 'where the person was held: facility id or name',
    },
    { name: 'from', required: false, description: 'start: day, month or year' },
    { name: 'to', required: false, description: 'end: day, month or year' },
    { name: 'cell', required: false, description: 'cell or block' },
    { name: 'notes', required: false, description: 'free text', personal: true },
  ],
  headerAliases: EPISODE_HEADERS,
  schema: schemaFor(),
  schemaFor,
  idColumn: 'episode_id',
  id: (e) =>
    sourceRowId('epi', e.source, e.episode_id, [e.record_id, e.facility, e.from?.text, e.to?.text]),
  references: personRowReferences(true),
  table: 'episodes',
  lookup: facilityLookup((e) => e.facility),
  toRow: (e, { now, id, found }) => ({
    id,
    record_id: recordId(e.source, e.record_id),
    facility_id: found?.facilityId ?? null,
    facility_text: e.facility,
    facility_score: found?.score ?? null,
    start_date: e.from?.text ?? null,
    start_from: e.from?.earliest ?? null,
    start_to: e.from?.latest ?? null,
    end_date: e.to?.text ?? null,
    end_from: e.to?.earliest ?? null,
    end_to: e.to?.latest ?? null,
    cell: e.cell,
    notes: e.notes,
    updated_at: now,
  }),
});
