import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Claim, IsoDay } from '../../../contract/index.js';
import type { Db } from '../../db/index.js';
import { loadClaims } from './claims.repository.js';

export function claimsRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/claims',
    {
      config: { access: 'public' },
      schema: {
        tags: ['claims'],
        summary: 'Official and published figures, each with its sources',
        querystring: z.object({ metric: z.string().optional(), asOf: IsoDay.optional() }),
        response: { 200: z.object({ claims: z.array(Claim) }) },
      },
    },
    async (req) => ({ claims: await loadClaims(deps.db.kysely, req.query) }),
  );
}
