import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Facility as FacilitySchema,
  FacilityCount,
  FacilityGeoJson,
} from '../../../contract/index.js';
import { facilitiesToGeoJson } from './facility-export.js';
import { searchFacilities } from './facility-search.js';
import { AppError } from '../../core/app-error.js';
import type { Db } from '../../db/index.js';
import { countFacilities, findFacility, loadFacilities } from './facilities.repository.js';
import { matchFacilityText } from './facility-match.service.js';
import { listMerges, mergeFacilities, unmergeFacilities } from './facility-merge.js';
import { FACILITY_TYPES, TERRITORIES } from './facility.js';

export function facilitiesRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/facilities',
    {
      config: { access: 'public' },
      schema: {
        tags: ['facilities'],
        summary: 'Places of detention, filtered by territory, region and type',
        querystring: z.object({
          territory: z.enum(TERRITORIES).optional(),
          region: z
            .string()
            .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
            .optional(),
          type: z.enum(FACILITY_TYPES).optional(),
          q: z
            .string()
            .max(200)
            .optional()
            .describe('words in any name, alias, settlement or region, in any script'),
          format: z.enum(['json', 'geojson']).default('json'),
        }),
        response: {
          200: z.union([z.object({ facilities: z.array(FacilitySchema) }), FacilityGeoJson]),
        },
      },
    },
    async (req, reply) => {
      const all = await loadFacilities(deps.db.kysely, {
        territory: req.query.territory,
        regionCode: req.query.region,
        type: req.query.type,
      });
      const facilities = req.query.q ? searchFacilities(all, req.query.q) : all;
      if (req.query.format === 'geojson') {
        return reply.type('application/geo+json').send(facilitiesToGeoJson(facilities));
      }
      return { facilities };
    },
  );
  r.get(
    '/api/facilities/counts',
    {
      config: { access: 'public' },
      schema: {
        tags: ['facilities'],
        summary: 'Facilities per territory, region and type',
        response: { 200: z.object({ counts: z.array(FacilityCount) }) },
      },
    },
    async () => ({ counts: await countFacilities(deps.db.kysely) }),
  );
  r.get(
    '/api/facilities/match',
    {
      config: { access: 'public' },
      schema: {
        tags: ['facilities'],
        summary:
          'Which facilities a free-text mention may name, with a score and the reason; none when nothing matches well enough',
        querystring: z.object({
          q: z.string().min(1).max(500),
          limit: z.coerce.number().int().min(1).max(20).default(5),
        }),
        response: {
          200: z.object({
            query: z.string(),
            candidates: z.array(
              z.object({
                id: z.string(),
                nameEn: z.string(),
                score: z.number(),
                reason: z.string(),
              }),
            ),
          }),
        },
      },
    },
    (req) => matchFacilityText(deps.db.kysely, req.query.q, req.query.limit),
  );
  const Merge = z.object({
    id: z.string(),
    survivorId: z.string(),
    mergedId: z.string(),
    reason: z.string(),
    actor: z.string(),
    at: z.string(),
    undoneAt: z.string().nullable(),
    moved: z.object({
      episodes: z.number(),
      events: z.number(),
      occupancy: z.number(),
      aliasesAdded: z.number(),
      sourcesAdded: z.number(),
    }),
  });
  r.get(
    '/api/facilities/merges',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['facilities'],
        summary: 'Merges of facility records, undone ones included',
        response: { 200: z.object({ merges: z.array(Merge) }) },
      },
    },
    async () => ({ merges: await listMerges(deps.db.kysely) }),
  );
  r.post(
    '/api/facilities/merges',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['facilities'],
        summary: 'Record that two facility records are one place (reversible)',
        body: z.object({
          survivorId: z.string(),
          mergedId: z.string(),
          reason: z.string().min(1).max(2000),
        }),
        response: { 201: Merge },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await mergeFacilities(
            deps.db.kysely,
            req.body.survivorId,
            req.body.mergedId,
            req.body.reason,
            req.session?.account.username ?? 'unknown',
          ),
        ),
  );
  r.delete(
    '/api/facilities/merges/:id',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['facilities'],
        summary: 'Undo a merge',
        params: z.object({ id: z.string() }),
        response: { 200: Merge },
      },
    },
    (req) =>
      unmergeFacilities(deps.db.kysely, req.params.id, req.session?.account.username ?? 'unknown'),
  );
  r.get(
    '/api/facilities/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['facilities'],
        params: z.object({ id: z.string() }),
        response: { 200: FacilitySchema },
      },
    },
    async (req) => {
      const f = await findFacility(deps.db.kysely, req.params.id);
      if (!f) throw new AppError('not_found', `no facility with id ${req.params.id}`);
      return f;
    },
  );
}
