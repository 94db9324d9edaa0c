import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublishedEstimate, PublishEstimateRequest } from '../../../contract/index.js';
import type { Db } from '../../db/index.js';
import { listPublished, publishEstimate } from './published-estimates.js';

/** The analysts' side of the publication gate: publish an estimate, see what was published. */
export function publishRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/estimates/published',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['publication'],
        summary: 'The estimates published so far, newest first, with who published them and why',
        response: { 200: z.object({ items: z.array(PublishedEstimate) }) },
      },
    },
    async () => ({ items: await listPublished(deps.db.kysely) }),
  );
  r.post(
    '/api/estimates/publish',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['publication'],
        summary:
          'Freeze the estimate of people held as of a day (default today), with the aggregates shown beside it, as the one the public pages show; synthetic sources never count. Audited.',
        body: PublishEstimateRequest,
        response: { 201: PublishedEstimate },
      },
    },
    async (req, reply) => {
      const p = await publishEstimate(
        deps.db.kysely,
        req.body,
        req.session?.account.username ?? 'unknown',
      );
      return reply.status(201).send(p);
    },
  );
}
