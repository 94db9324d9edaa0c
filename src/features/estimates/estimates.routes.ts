import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MseResult, OverlapTableInput } from '../../../contract/index.js';
import { estimateMse, validateOverlapTable } from '../../estimation/index.js';

export function estimatesRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/estimates/mse',
    {
      // A list-overlap table is an aggregate: estimating from one reveals no one.
      config: { access: 'public' },
      schema: {
        tags: ['estimates'],
        summary: 'Multiple systems estimation from a list-overlap table (2–6 lists)',
        body: OverlapTableInput,
        querystring: z.object({
          criterion: z.enum(['aic', 'bic']).default('bic'),
          top: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: MseResult },
      },
    },
    (req) =>
      estimateMse(validateOverlapTable(req.body), {
        criterion: req.query.criterion,
        top: req.query.top,
      }),
  );
}
