import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CheckReport } from '../../../contract/index.js';
import type { Db } from '../../db/index.js';
import { runChecks } from './consistency.service.js';

export function consistencyRoutes(app: FastifyInstance, deps: { db: Db; tolerance: number }): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/check',
    {
      config: { access: 'public' },
      schema: {
        tags: ['consistency'],
        summary:
          'Where the figures disagree: breakdowns, claims against records, probable duplicates',
        response: { 200: CheckReport },
      },
    },
    async () => runChecks(deps.db.kysely, { tolerance: deps.tolerance }),
  );
}
