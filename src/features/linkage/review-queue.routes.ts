import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Page, Paging, PersonRecord } from '../../../contract/index.js';
import type { Db } from '../../db/index.js';
import { auditRead } from '../audit/index.js';
import { recordsByIds } from '../persons/index.js';
import { decidePair, listOpenPairs } from './review-queue.repository.js';

const ReviewItem = z.object({
  a: PersonRecord,
  b: PersonRecord,
  probability: z.number(),
  reason: z
    .string()
    .describe(
      'uncertain: in the band below the threshold; conflict: a guard kept them apart; ambiguous: fits two people',
    ),
  levels: z
    .record(z.string(), z.string())
    .describe('how each field compares: exact, equivalent, close, different, missing…'),
});

export function reviewQueueRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  r.get(
    '/api/review',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['linkage'],
        summary:
          'Pairs of records linkage could not decide, both records side by side (personal data; reads are audited)',
        querystring: Paging,
        response: { 200: Page(ReviewItem) },
      },
    },
    async (req) => {
      const { total, rows } = await listOpenPairs(db.kysely, req.query.limit, req.query.offset);
      const records = await recordsByIds(
        db.kysely,
        rows.flatMap((p) => [p.a_record_id, p.b_record_id]),
      );
      const items = rows.flatMap((p) => {
        const a = records.get(p.a_record_id);
        const b = records.get(p.b_record_id);
        return a && b
          ? [
              {
                a,
                b,
                probability: Number(p.probability),
                reason: p.reason,
                levels: JSON.parse(p.levels) as Record<string, string>,
              },
            ]
          : [];
      });
      await auditRead(
        db.kysely,
        { actor: req.session?.account.username ?? 'unknown', route: '/api/review' },
        [{ entity: 'record', ids: items.flatMap((i) => [i.a.id, i.b.id]) }],
      );
      return { items, total, limit: req.query.limit, offset: req.query.offset };
    },
  );
  r.post(
    '/api/review/decisions',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['linkage'],
        summary: 'Accept (match) or reject (non_match) a pair; the next linkage run honours it',
        body: z.object({ a: z.string(), b: z.string(), decision: z.enum(['match', 'non_match']) }),
      },
    },
    async (req, reply) => {
      await decidePair(
        db.kysely,
        req.body.a,
        req.body.b,
        req.body.decision,
        req.session?.account.username ?? 'unknown',
      );
      return reply.status(204).send();
    },
  );
}
