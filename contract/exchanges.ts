import { z } from 'zod';
import { IsoDay, SourceRef } from './common.js';

export const Exchange = z.object({
  id: z.string(),
  kind: z.enum(['exchange', 'stage', 'group_total', 'local_swap', 'bodies']),
  groupId: z.string().nullable(),
  agreement: z.string().nullable(),
  dateStart: z.string(),
  dateEnd: z.string().nullable(),
  dateFrom: IsoDay,
  dateTo: IsoDay,
  returned: z.number().int().nullable(),
  returnedQualifier: z.string(),
  military: z.number().int().nullable(),
  civilians: z.number().int().nullable(),
  men: z.number().int().nullable(),
  women: z.number().int().nullable(),
  seriouslyIllOrWounded: z.number().int().nullable(),
  releasedWithoutExchange: z.number().int().nullable(),
  bodiesReturned: z.number().int().nullable(),
  mediator: z.string().nullable(),
  notes: z.string().nullable(),
  sources: z.array(SourceRef),
});

const Category = z.object({ value: z.number().int(), exchangesStating: z.number().int() });

export const ExchangeStats = z.object({
  asOf: IsoDay,
  exchanges: z
    .number()
    .int()
    .describe('exchanges in the official numbering; a staged exchange counts once'),
  returned: z
    .number()
    .int()
    .describe('people returned in those exchanges; a lower bound when returnedIsLowerBound'),
  returnedIsLowerBound: z.boolean(),
  returnedIncludesApprox: z.boolean(),
  exchangesWithUndisclosedTotal: z.number().int(),
  byCategory: z.object({
    military: Category,
    civilians: Category,
    men: Category,
    women: Category,
    seriouslyIllOrWounded: Category,
    releasedWithoutExchange: Category,
  }),
  localSwaps: z.object({ events: z.number().int(), returned: z.number().int() }),
  bodiesReturned: z.number().int(),
  bodyRepatriations: z.number().int(),
  byYear: z.array(
    z.object({
      year: z.number().int(),
      exchanges: z.number().int(),
      returned: z.number().int(),
      returnedIsLowerBound: z.boolean(),
      military: z.number().int(),
      civilians: z.number().int(),
      women: z.number().int(),
      bodiesReturned: z.number().int(),
    }),
  ),
  firstExchange: IsoDay.nullable(),
  lastExchange: IsoDay.nullable(),
});
export type ExchangeStats = z.infer<typeof ExchangeStats>;
