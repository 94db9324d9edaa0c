import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PublicFacilities, PublicSummary } from '../../../contract/index.js';
import { todayIso } from '../../core/partial-date.js';
import type { Db } from '../../db/index.js';
import { countRecords, dataVersion } from './publication.repository.js';
import { computePublished, type Published } from './published.js';
import { computePublishedOffThread } from './published-off-thread.js';
import { publishRoutes } from './publish.routes.js';

/** Person records above which the public figures are computed on a worker thread. */
export const OFF_THREAD_ABOVE_RECORDS = 20_000;

/**
 * The public responses are the same for every visitor until data changes, and the estimate
 * behind them reads every person record: they are computed once per data version and day,
 * and a failed computation is not kept. With many records the work runs on a worker thread
 * so the server keeps answering meanwhile.
 */
export function createPublicationCache(
  db: Db,
  threshold: number,
  offThreadAbove = OFF_THREAD_ABOVE_RECORDS,
) {
  let entry: { key: string; value: Promise<Published> } | undefined;
  const compute = async (asOf: string): Promise<Published> => {
    if (db.reopen && (await countRecords(db.kysely)) > offThreadAbove)
      return computePublishedOffThread(db.reopen, asOf, threshold);
    return computePublished(db.kysely, asOf, threshold);
  };
  return async (): Promise<Published> => {
    const asOf = todayIso();
    const key = `${asOf}:${await dataVersion(db.kysely)}`;
    if (entry?.key !== key) {
      const value = compute(asOf);
      entry = { key, value };
      value.catch(() => {
        if (entry?.value === value) entry = undefined;
      });
    }
    return entry.value;
  };
}

export function publicationRoutes(
  app: FastifyInstance,
  deps: { db: Db; smallCountThreshold: number },
): void {
  const published = createPublicationCache(deps.db, deps.smallCountThreshold);
  publishRoutes(app, deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/summary',
    {
      config: { access: 'public' },
      schema: {
        tags: ['publication'],
        summary:
          "The dashboard's figures as of today: headline numbers with sources, the estimate, published figures of people held, the exchange timeline and priority groups",
        response: { 200: PublicSummary },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return (await published()).summary;
    },
  );
  r.get(
    '/api/public/facilities',
    {
      config: { access: 'public' },
      schema: {
        tags: ['publication'],
        summary:
          'Places of detention with names in three languages, place, sources and the counts person records give (small counts suppressed)',
        response: { 200: PublicFacilities },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return (await published()).facilities;
    },
  );
  // Compute before the first visitor asks; a failure here is retried on the first request.
  app.addHook('onReady', () => {
    published().catch(() => undefined);
    return Promise.resolve();
  });
}
