import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ExchangeStats, Exchange as ExchangeSchema, IsoDay } from '../../../contract/index.js';
import { AppError } from '../../core/app-error.js';
import { todayIso } from '../../core/partial-date.js';
import type { Db } from '../../db/index.js';
import { EXCHANGE_KINDS } from './exchange.js';
import { exchangeStats } from './exchange-stats.js';
import { findExchange, loadExchanges } from './exchanges.repository.js';

export function exchangesRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/exchanges',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exchanges'],
        summary: 'Exchanges, stages, local swaps and body repatriations, oldest first',
        querystring: z.object({
          kind: z.enum(EXCHANGE_KINDS).optional(),
          from: IsoDay.optional(),
          asOf: IsoDay.optional(),
        }),
        response: { 200: z.object({ exchanges: z.array(ExchangeSchema) }) },
      },
    },
    async (req) => ({ exchanges: await loadExchanges(deps.db.kysely, req.query) }),
  );
  r.get(
    '/api/exchanges/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exchanges'],
        params: z.object({ id: z.string() }),
        response: { 200: ExchangeSchema },
      },
    },
    async (req) => {
      const e = await findExchange(deps.db.kysely, req.params.id);
      if (!e) throw new AppError('not_found', `no exchange with id ${req.params.id}`);
      return e;
    },
  );
  r.get(
    '/api/stats/exchanges',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exchanges'],
        summary: 'Exchanges held and people returned as of a date, per year and category',
        querystring: z.object({ asOf: IsoDay.optional() }),
        response: { 200: ExchangeStats },
      },
    },
    async (req) => {
      const asOf = req.query.asOf ?? todayIso();
      return exchangeStats(await loadExchanges(deps.db.kysely, { asOf }), asOf);
    },
  );
}
