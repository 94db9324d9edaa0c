import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Facility as FacilitySchema, FacilityCount } from '../../../contract/index.js';
import { AppError } from '../../core/app-error.js';
import type { Db } from '../../db/index.js';
import { countFacilities, findFacility, loadFacilities } from './facilities.repository.js';
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
        }),
        response: { 200: z.object({ facilities: z.array(FacilitySchema) }) },
      },
    },
    async (req) => ({
      facilities: await loadFacilities(deps.db.kysely, {
        territory: req.query.territory,
        regionCode: req.query.region,
        type: req.query.type,
      }),
    }),
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
