import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PersonProfile, PersonSearchResult } from '../../../contract/index.js';
import type { Db } from '../../db/index.js';
import { auditRead } from '../audit/index.js';
import { personProfile } from './person-profile.js';
import { searchPersons } from './person-search.js';

/** Who read which rows (opaque ids) and through which route; never the query's words. */
const readBy = (req: FastifyRequest) => ({
  actor: req.session?.account.username ?? 'anonymous',
  route: req.routeOptions.url ?? '',
});

/** The analyst workspace's reads of persons: search in any script, and one person's page. */
export function personWorkspaceRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  r.get(
    '/api/persons/search',
    {
      config: { access: 'documenter' },
      schema: {
        tags: ['persons'],
        summary:
          'Persons whose names match, in Ukrainian, Russian or Latin letters (personal data; reads are audited)',
        querystring: z.object({
          q: z.string().min(1).max(200),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: PersonSearchResult },
      },
    },
    async (req) => {
      const result = await searchPersons(db.kysely, req.query.q, req.query.limit);
      await auditRead(db.kysely, readBy(req), [
        { entity: 'record', ids: result.items.flatMap((p) => p.records.map((r) => r.id)) },
      ]);
      return result;
    },
  );
  r.get(
    '/api/persons/:id',
    {
      config: { access: 'documenter' },
      schema: {
        tags: ['persons'],
        summary:
          "A person's records, and their events and detention episodes as one timeline (personal data; reads are audited)",
        params: z.object({ id: z.string().max(100) }),
        response: { 200: PersonProfile },
      },
    },
    async (req) => {
      const profile = await personProfile(db.kysely, req.params.id);
      await auditRead(db.kysely, readBy(req), [
        { entity: 'record', ids: profile.records.map((r) => r.id) },
        {
          entity: 'event',
          ids: profile.timeline.map((t) => (t.type === 'event' ? t.event.id : null)),
        },
        {
          entity: 'episode',
          ids: profile.timeline.map((t) => (t.type === 'episode' ? t.episode.id : null)),
        },
      ]);
      return profile;
    },
  );
}
