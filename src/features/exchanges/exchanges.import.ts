import type { z } from 'zod';
import { defineImport, field } from '../imports/index.js';
import {
  citationLinks,
  citationsField,
  citedSourceProblems,
  SOURCES_COLUMN,
} from '../sources/index.js';
import { EXCHANGE_KINDS, RETURNED_QUALIFIERS } from './exchange.js';

const UNKNOWN_TOTAL = new Set(['not_disclosed', 'unknown']);

const schema = field
  .row({
    id: field.id(),
    date_start: field.date(),
    date_end: field.optionalDate(),
    kind: field.oneOf(EXCHANGE_KINDS),
    group_id: field.text(),
    agreement: field.text(),
    returned: field.count(),
    returned_qualifier: field.optionalOneOf(RETURNED_QUALIFIERS),
    military: field.count(),
    civilians: field.count(),
    men: field.count(),
    women: field.count(),
    seriously_ill_or_wounded: field.count(),
    released_without_exchange: field.count(),
    bodies_returned: field.count(),
    mediator: field.name('mediator'),
    notes: field.text(),
    sources: citationsField(),
  })
  .superRefine((r, ctx) => {
    const issue = (column: string, message: string, fix: string, input: unknown) =>
      ctx.addIssue({ code: 'custom', path: [column], message, input, params: { fix } });
    if ((r.kind === 'stage' || r.kind === 'group_total') && !r.group_id) {
      issue(
        'group_id',
        `a ${r.kind} row needs a group id`,
        'give the stages of one exchange and their total the same group_id',
        r.group_id,
      );
    }
    if (r.date_end && r.date_end.latest < r.date_start.earliest) {
      issue(
        'date_end',
        'is before date_start',
        'swap the dates, or leave date_end blank for a one-day event',
        r.date_end.text,
      );
    }
    const q = r.returned_qualifier;
    if (r.returned === null && q && !UNKNOWN_TOTAL.has(q)) {
      issue(
        'returned_qualifier',
        `says "${q}" but returned is blank`,
        'write the number in returned, or set the qualifier to not_disclosed',
        q,
      );
    }
    if (r.returned !== null && q && UNKNOWN_TOTAL.has(q)) {
      issue(
        'returned_qualifier',
        `says "${q}" but returned has a number`,
        'use exact, approx, more_than or derived, or clear returned',
        q,
      );
    }
  })
  .transform((r) => ({
    ...r,
    returned_qualifier: r.returned_qualifier ?? (r.returned === null ? 'unknown' : 'exact'),
  }));

export type ExchangeInput = z.infer<typeof schema>;

export const exchangesImport = defineImport<ExchangeInput>({
  kind: 'exchanges',
  columns: [
    { name: 'id', required: true, description: 'stable id, e.g. 2024-12-30-exchange' },
    {
      name: 'date_start',
      required: true,
      description: 'YYYY-MM-DD, or YYYY-MM / YYYY where the source gives no day',
    },
    {
      name: 'date_end',
      required: false,
      description: 'last day of an event held over several days',
    },
    { name: 'kind', required: true, description: EXCHANGE_KINDS.join(', ') },
    {
      name: 'group_id',
      required: false,
      description: 'ties the stages of one exchange and their total',
    },
    { name: 'agreement', required: false, description: 'agreement the exchange was held under' },
    { name: 'returned', required: true, description: 'people returned; blank where not disclosed' },
    { name: 'returned_qualifier', required: false, description: RETURNED_QUALIFIERS.join(', ') },
    { name: 'military', required: false, description: 'military among those returned' },
    { name: 'civilians', required: false, description: 'civilians among those returned' },
    { name: 'men', required: false, description: 'men among those returned' },
    { name: 'women', required: false, description: 'women among those returned' },
    {
      name: 'seriously_ill_or_wounded',
      required: false,
      description: 'seriously ill or wounded among those returned',
    },
    {
      name: 'released_without_exchange',
      required: false,
      description: 'released without an exchange',
    },
    { name: 'bodies_returned', required: false, description: 'bodies repatriated' },
    { name: 'mediator', required: false, description: 'mediating state or body' },
    { name: 'notes', required: false, description: 'what the sources say beyond the numbers' },
    SOURCES_COLUMN,
  ],
  schema,
  id: (e) => e.id,
  references: citedSourceProblems,
  table: 'exchanges',
  toRow: (e, { now }) => ({
    id: e.id,
    kind: e.kind,
    group_id: e.group_id,
    agreement: e.agreement,
    date_start: e.date_start.text,
    date_end: e.date_end?.text ?? null,
    date_from: e.date_start.earliest,
    date_to: (e.date_end ?? e.date_start).latest,
    returned: e.returned,
    returned_qualifier: e.returned_qualifier,
    military: e.military,
    civilians: e.civilians,
    men: e.men,
    women: e.women,
    seriously_ill_or_wounded: e.seriously_ill_or_wounded,
    released_without_exchange: e.released_without_exchange,
    bodies_returned: e.bodies_returned,
    mediator: e.mediator,
    notes: e.notes,
    updated_at: now,
  }),
  links: [citationLinks({ table: 'exchange_sources', owner: 'exchange_id' })],
});
