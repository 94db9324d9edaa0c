import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PublicFacilities, PublicSummary } from '../../../contract/index.js';
import { todayIso } from '../../core/partial-date.js';
import type { Db } from '../../db/index.js';
import { dataVersion } from './publication.repository.js';
import { loadPersonEvidence, publicFacilities, publicSummary } from './publication.service.js';

interface Published {
  summary: PublicSummary;
  facilities: PublicFacilities;
}

/**
 * The public responses are the same for every visitor until data changes, and the estimate
 * behind them reads every person record: they are computed once per data version and day,
 * and a failed computation is not kept.
 */
export function createPublicationCache(db: Db, threshold: number) {
  let entry: { key: string; value: Promise<Published> } | undefined;
  const compute = async (asOf: string): Promise<Published> => {
    const evidence = await loadPersonEvidence(db.kysely, asOf);
    const options = { asOf, threshold, evidence };
    const [summary, facilities] = await Promise.all([
      publicSummary(db.kysely, options),
      publicFacilities(db.kysely, options),
    ]);
    return { summary, facilities };
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
