import type { z } from 'zod';
import { defineImport, field } from '../imports/index.js';
import {
  citationLinks,
  citationsField,
  citedSourceProblems,
  SOURCES_COLUMN,
} from '../sources/index.js';
import { CLAIM_QUALIFIERS, CLAIM_UNITS, KNOWN_METRICS } from './claim.js';

const metric = () =>
  field.cell((v, ctx) => {
    const s = (v ?? '').trim().toLowerCase();
    if (/^[a-z][a-z0-9_]{1,63}$/.test(s)) return s;
    return field.fail(
      ctx,
      v,
      s ? 'is not a metric name' : 'is empty',
      `write a snake_case metric such as ${KNOWN_METRICS.slice(0, 6).join(', ')} (see data/README.md), or "other" with a description`,
    );
  });

const schema = field
  .row({
    id: field.id(),
    metric: metric(),
    value: field.requiredNumber('write the figure as a number (a share as 0.4, not 40%)'),
    unit: field.oneOf(CLAIM_UNITS),
    qualifier: field.oneOf(CLAIM_QUALIFIERS, 'exact'),
    period_start: field.optionalDate(),
    as_of: field.date(),
    scope: field.text(),
    description: field.text(),
    who: field.name('name of who made the claim'),
    notes: field.text(),
    sources: citationsField(),
  })
  .superRefine((c, ctx) => {
    const issue = (column: string, message: string, fix: string, input: unknown) =>
      ctx.addIssue({ code: 'custom', path: [column], message, input, params: { fix } });
    if (c.unit === 'share' && c.value > 1)
      issue(
        'value',
        'is a share above 1',
        'write shares as a fraction between 0 and 1 (40% → 0.4)',
        String(c.value),
      );
    if (c.unit !== 'share' && !Number.isInteger(c.value))
      issue(
        'value',
        `is not a whole number of ${c.unit}`,
        'write a whole number, or use unit "share"',
        String(c.value),
      );
    if (c.period_start && c.period_start.earliest > c.as_of.latest)
      issue(
        'period_start',
        'is after as_of',
        'the period runs from period_start to as_of; swap them',
        c.period_start.text,
      );
    if (c.metric === 'other' && !c.description)
      issue('description', 'is empty for metric "other"', 'say what the figure counts', '');
  });

export type ClaimInput = z.infer<typeof schema>;

export const claimsImport = defineImport<ClaimInput>({
  kind: 'claims',
  columns: [
    { name: 'id', required: true, description: 'stable id' },
    {
      name: 'metric',
      required: true,
      description: 'what is counted, e.g. returned, exchanges_held, held_pow',
    },
    { name: 'value', required: true, description: 'the figure' },
    { name: 'unit', required: true, description: CLAIM_UNITS.join(', ') },
    {
      name: 'qualifier',
      required: false,
      description: `${CLAIM_QUALIFIERS.join(', ')} (blank: exact)`,
    },
    {
      name: 'period_start',
      required: false,
      description: 'start of the period counted; blank: since 24 Feb 2022',
    },
    {
      name: 'as_of',
      required: true,
      description: 'date the figure is valid for (day, month or year)',
    },
    {
      name: 'scope',
      required: false,
      description: 'what the figure covers, where the metric does not say',
    },
    { name: 'description', required: false, description: 'what the source says' },
    { name: 'who', required: false, description: 'who said it' },
    { name: 'notes', required: false, description: 'remarks' },
    SOURCES_COLUMN,
  ],
  schema,
  id: (c) => c.id,
  references: citedSourceProblems,
  table: 'claims',
  toRow: (c, { now }) => ({
    id: c.id,
    metric: c.metric,
    value: c.value,
    unit: c.unit,
    qualifier: c.qualifier,
    period_start: c.period_start?.text ?? null,
    as_of: c.as_of.text,
    as_of_from: c.as_of.earliest,
    as_of_to: c.as_of.latest,
    scope: c.scope,
    description: c.description,
    who: c.who,
    notes: c.notes,
    updated_at: now,
  }),
  links: [citationLinks({ table: 'claim_sources', owner: 'claim_id' })],
});
