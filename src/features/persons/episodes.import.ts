import type { z } from 'zod';
import type { DayOrder } from '../../core/partial-date.js';
import { upsertRows } from '../../db/index.js';
import { field, headerScorer, type ImportKind, type ParseOptions } from '../imports/index.js';
import { resolveFacilityCells, writtenWithPlaces } from './facility-cells.js';
import { EPISODE_HEADERS } from './person-vocabulary.js';
import { derivedId, recordId } from './record-id.js';
import { personRowReferences, sourceCell } from './source-check.js';

const schemaFor = (order?: DayOrder, source?: string) =>
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

const COLUMNS = [
  {
    name: 'source',
    required: true,
    orOption: 'source' as const,
    description: 'registered source id',
  },
  {
    name: 'record_id',
    required: true,
    description: "the source's id of the person record",
    personal: true,
  },
  {
    name: 'episode_id',
    required: false,
    description: "the source's id of the episode (default: derived from the row)",
  },
  {
    name: 'facility',
    required: true,
    description: 'where the person was held: facility id or name',
  },
  { name: 'from', required: false, description: 'start: day, month or year' },
  { name: 'to', required: false, description: 'end: day, month or year' },
  { name: 'cell', required: false, description: 'cell or block' },
  { name: 'notes', required: false, description: 'free text', personal: true },
];

const episodeId = (e: EpisodeInput): string =>
  e.episode_id
    ? derivedId('epi', [e.source, e.episode_id])
    : derivedId('epi', [e.source, e.record_id, e.facility, e.from?.text, e.to?.text]);

export const episodesImport: ImportKind<EpisodeInput> = {
  kind: 'episodes',
  jsonKey: 'episodes',
  columns: COLUMNS,
  headerAliases: EPISODE_HEADERS,
  headerScore: headerScorer(COLUMNS, EPISODE_HEADERS),
  schema: schemaFor(),
  schemaFor: (o: ParseOptions) => schemaFor(o.dateOrder, o.source),
  idColumn: 'episode_id',
  idOf: episodeId,
  references: personRowReferences(true),
  async write(trx, rows, ctx) {
    const { resolved, notices, unresolved } = await resolveFacilityCells(
      trx,
      rows.map((r) => ({ row: r.row, text: r.value.facility })),
      ctx.file,
    );
    const out = await upsertRows(
      trx,
      'episodes',
      'id',
      rows.map(({ value: e }, i) => ({
        id: episodeId(e),
        record_id: recordId(e.source, e.record_id),
        facility_id: resolved[i]?.facilityId ?? null,
        facility_text: e.facility,
        facility_score: resolved[i]?.score ?? null,
        start_date: e.from?.text ?? null,
        start_from: e.from?.earliest ?? null,
        start_to: e.from?.latest ?? null,
        end_date: e.to?.text ?? null,
        end_from: e.to?.earliest ?? null,
        end_to: e.to?.latest ?? null,
        cell: e.cell,
        notes: e.notes,
        updated_at: ctx.now,
      })),
    );
    return writtenWithPlaces(out, notices, unresolved);
  },
};
