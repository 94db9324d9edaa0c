import type { z } from 'zod';
import { defineImport, field, type ParseOptions } from '../imports/index.js';
import { facilityLookup, type FacilityFound } from './facility-cells.js';
import { CONFIRMER_WORDS, EVENT_HEADERS, EVENT_WORDS } from './person-vocabulary.js';
import { ownIdColumn, RECORD_ID_COLUMN, SOURCE_COLUMN, sourceRowId } from './person-rows.js';
import { recordId } from './record-id.js';
import { personRowReferences, sourceCell } from './source-check.js';

/** "5 years", "5 р.", "18 міс", "60" (months) → months. */
const term = () =>
  field.cell((v, ctx) => {
    const s = (v ?? '').trim().toLowerCase();
    if (!s) return null;
    const m =
      /^(\d+(?:[.,]\d+)?)\s*(years?|yrs?|y|роки|років|рік|р\.?|лет|года|год|г\.?|months?|mos?|місяців|місяці|міс\.?|месяцев|месяца|мес\.?)?$/.exec(
        s,
      );
    if (!m)
      return field.fail(
        ctx,
        v,
        'is not a term',
        'write the term as "5 years", "18 months" or a number of months',
      );
    const n = Number((m[1] ?? '').replace(',', '.'));
    const unit = m[2] ?? 'months';
    return Math.round(/^(y|р|рік|роки|років|л|г)/.test(unit) ? n * 12 : n);
  });

const schemaFor = ({ dateOrder: order, source }: ParseOptions = {}) =>
  field
    .row({
      source: sourceCell(source),
      record_id: field.requiredText("source's id of the person record"),
      event_id: field.text(),
      kind: field.vocabulary(EVENT_WORDS, 'event kind'),
      date: field.recordDate(order),
      confirmed_by: field.vocabulary(CONFIRMER_WORDS, 'confirmation'),
      facility: field.name('facility id or name'),
      exchange_id: field.text(),
      court: field.text(),
      article: field.text(),
      term: term(),
      place: field.name('place'),
      notes: field.text(),
    })
    .superRefine((e, ctx) => {
      if (!e.kind)
        ctx.addIssue({
          code: 'custom',
          path: ['kind'],
          message: 'is empty',
          input: '',
          params: { fix: `write one of: ${Object.keys(EVENT_WORDS).join(', ')}` },
        });
    });

export type EventInput = z.infer<ReturnType<typeof schemaFor>>;

const COLUMNS = [
  SOURCE_COLUMN,
  RECORD_ID_COLUMN,
  ownIdColumn('event_id', 'event'),
  { name: 'kind', required: true, description: Object.keys(EVENT_WORDS).join(', ') },
  { name: 'date', required: false, description: 'day, month or year' },
  { name: 'confirmed_by', required: false, description: Object.keys(CONFIRMER_WORDS).join(', ') },
  {
    name: 'facility',
    required: false,
    description: 'facility id or name (transferred to, sentenced in, died in)',
  },
  { name: 'exchange_id', required: false, description: 'for released: the id of the exchange' },
  { name: 'court', required: false, description: 'for sentenced: the court' },
  { name: 'article', required: false, description: 'for sentenced: the article' },
  { name: 'term', required: false, description: 'for sentenced: "5 years", "18 months"' },
  { name: 'place', required: false, description: 'place as written' },
  { name: 'notes', required: false, description: 'free text', personal: true },
];

export const eventsImport = defineImport<EventInput, FacilityFound>({
  kind: 'events',
  columns: COLUMNS,
  headerAliases: EVENT_HEADERS,
  schema: schemaFor(),
  schemaFor,
  idColumn: 'event_id',
  id: (e) =>
    sourceRowId('evt', e.source, e.event_id, [
      e.record_id,
      e.kind,
      e.date?.text,
      e.facility,
      e.exchange_id,
    ]),
  async references(db, rows, file) {
    const problems = await personRowReferences(true)(db, rows, file);
    const exchangeIds = [
      ...new Set(rows.map((r) => r.value.exchange_id).filter((x): x is string => Boolean(x))),
    ];
    const known = new Set<string>();
    for (let i = 0; i < exchangeIds.length; i += 500) {
      for (const e of await db
        .selectFrom('exchanges')
        .select('id')
        .where('id', 'in', exchangeIds.slice(i, i + 500))
        .execute())
        known.add(e.id);
    }
    for (const r of rows) {
      const x = r.value.exchange_id;
      if (x && !known.has(x)) {
        problems.push({
          file,
          row: r.row,
          column: 'exchange_id',
          value: x,
          message: `no exchange has the id "${x}"`,
          fix: 'use an id from `polon stats exchanges` / GET /api/exchanges, or leave it blank',
        });
      }
    }
    return problems;
  },
  table: 'events',
  lookup: facilityLookup((e) => e.facility),
  toRow: (e, { now, id, found }) => ({
    id,
    record_id: recordId(e.source, e.record_id),
    kind: e.kind ?? 'captured',
    date: e.date?.text ?? null,
    date_from: e.date?.earliest ?? null,
    date_to: e.date?.latest ?? null,
    confirmed_by: e.confirmed_by,
    facility_id: found?.facilityId ?? null,
    facility_text: e.facility,
    exchange_id: e.exchange_id,
    court: e.court,
    article: e.article,
    term_months: e.term,
    place: e.place,
    notes: e.notes,
    updated_at: now,
  }),
});
