import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CaptivityEstimate,
  IsoDay,
  MseResult,
  OverlapTableInput,
} from '../../../contract/index.js';
import { todayIso } from '../../core/partial-date.js';
import type { Db } from '../../db/index.js';
import type { Limits } from '../../limits-config.js';
import { perClientLimit } from '../../core/rate-limit.js';
import { estimateCaptivity } from './captivity.service.js';
import { RunQueue } from './lcmcr-queue.js';
import { lcmcrRoutes } from './lcmcr.routes.js';
import { validateOverlapTable } from '../../estimation/index.js';
import type { MseRunner } from './mse-runner.js';

/**
 * Estimates cost seconds of CPU: they run on `mse` (worker threads with a queue and a time
 * limit, answers cached by table), and the public route is limited per client.
 */
export function estimatesRoutes(
  app: FastifyInstance,
  deps: { db: Db; mse: MseRunner; limits: Limits },
): void {
  // One LCMCR run at a time, whether asked for on its own or within the captivity estimate.
  const lcmcrQueue = new RunQueue(1, 2);
  lcmcrRoutes(app, lcmcrQueue);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/estimates/captivity',
    {
      // Per-facility counts of identified persons can be small: analysts see them whole; the
      // public dashboard gets a suppressed summary.
      config: { access: 'analyst', ...perClientLimit(deps.limits.estimateRate, 'estimates') },
      schema: {
        tags: ['estimates'],
        summary:
          'People held as of a date: seen, the unseen (MSE), whereabouts and the gap, with caveats',
        querystring: z.object({
          asOf: IsoDay.optional(),
          window: z.coerce.number().int().min(1).max(3650).default(183),
          method: z.enum(['loglinear', 'lcmcr']).default('loglinear'),
        }),
        response: { 200: CaptivityEstimate },
      },
    },
    (req) => {
      const estimate = () =>
        estimateCaptivity(
          deps.db.kysely,
          req.query.asOf ?? todayIso(),
          req.query.window,
          false,
          undefined,
          undefined,
          (table, options) => deps.mse.run({ table, options: { top: options.top } }),
          req.query.method,
        );
      return req.query.method === 'lcmcr' ? lcmcrQueue.run(estimate) : estimate();
    },
  );
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/estimates/mse',
    {
      // A list-overlap table is an aggregate: estimating from one reveals no one.
      config: { access: 'public', ...perClientLimit(deps.limits.estimateRate, 'estimates') },
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
      deps.mse.run({
        table: validateOverlapTable(req.body),
        options: { criterion: req.query.criterion, top: req.query.top },
      }),
  );
}
