import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NewSource, Source, SourceList } from '../../../contract/index.js';
import type { Db } from '../../db/index.js';
import { addSource, listSourcesWithCounts } from './source-registry.js';

/** The source registry: what the workspace's import page chooses from, and adds to. */
export function sourcesRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  r.get(
    '/api/sources',
    {
      config: { access: 'documenter' },
      schema: {
        tags: ['sources'],
        summary: 'Registered sources with their Admiralty grading and how many records each gave',
        response: { 200: SourceList },
      },
    },
    async () => ({ sources: await listSourcesWithCounts(db.kysely) }),
  );
  r.post(
    '/api/sources',
    {
      config: { access: 'documenter' },
      schema: {
        tags: ['sources'],
        summary: "Register a source (a documenter's list, a hotline, a register) to import into",
        body: NewSource,
        response: { 201: Source },
      },
    },
    async (req, reply) => {
      const s = await addSource(db.kysely, req.body, req.session?.account.username ?? 'unknown');
      return reply.code(201).send(s);
    },
  );
}
