import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Page, Paging, PersonRecord } from '../../../contract/index.js';
import type { Db } from '../../db/index.js';
import { auditRead } from '../audit/index.js';
import { recordsByIds } from '../persons/index.js';
import { compareNameParts } from './compare-name-parts.js';
import {
  acceptNearCertain,
  decidePair,
  listNearCertainPairs,
  listOpenPairs,
} from './review-queue.repository.js';

const MinProbability = z.coerce
  .number()
  .min(0.5)
  .max(1)
  .describe('the least match probability of a pair in the batch, 0.5 to 1');

const IncludeGuarded = z
  .preprocess((v) => v === true || v === 'true' || v === '1', z.boolean())
  .default(false)
  .describe('also pairs a guard kept apart (a record of one person contradicts one of the other)');

const PairIds = z.object({ a: z.string().max(100), b: z.string().max(100) });

const ReviewItem = z.object({
  a: PersonRecord,
  b: PersonRecord,
  probability: z.number(),
  priority: z
    .number()
    .nullable()
    .describe(
      "how unsure the match is times how much the decision moves the estimate (the queue's order); null before a linkage run computed it",
    ),
  reason: z
    .string()
    .describe(
      'uncertain: in the band below the threshold; conflict: a guard kept them apart; ambiguous: fits two people',
    ),
  levels: z
    .record(z.string(), z.string())
    .describe('how each field compares: exact, equivalent, close, different, missing…'),
  names: z
    .record(
      z.enum(['family', 'given', 'patronymic']),
      z.object({
        level: z.enum(['agree', 'partial', 'disagree', 'missing']),
        a: z.string().nullable(),
        b: z.string().nullable(),
      }),
    )
    .describe(
      'each name part compared in any script; a record with only a full name gives the word that reads best as that part, in either word order',
    ),
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
                priority: p.priority === null ? null : Number(p.priority),
                reason: p.reason,
                levels: JSON.parse(p.levels) as Record<string, string>,
                names: compareNameParts(a, b),
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
  r.get(
    '/api/review/near-certain',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['linkage'],
        summary:
          'The undecided pairs a batch may accept: probability at least `min`, no guard conflict, no record in two of them (ids only)',
        querystring: z.object({
          min: MinProbability.default(0.95),
          includeGuarded: IncludeGuarded,
        }),
        response: {
          200: z.object({
            min: z.number(),
            includeGuarded: z.boolean(),
            pairs: z.array(PairIds.extend({ probability: z.number() })),
          }),
        },
      },
    },
    async (req) => {
      const pairs = await listNearCertainPairs(db.kysely, req.query.min, req.query.includeGuarded);
      return {
        min: req.query.min,
        includeGuarded: req.query.includeGuarded,
        pairs: pairs.map((p) => ({ a: p.a, b: p.b, probability: p.probability })),
      };
    },
  );
  r.post(
    '/api/review/batch',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['linkage'],
        summary:
          'Accept (match) the near-certain pairs the reviewer was shown; a pair decided, gone or changed since is refused, never overwritten; one audit entry per pair',
        body: z.object({
          min: MinProbability,
          includeGuarded: IncludeGuarded,
          pairs: z.array(PairIds).min(1).max(10_000),
        }),
        response: {
          200: z.object({
            accepted: z.number().int(),
            refused: z.array(PairIds.extend({ why: z.enum(['decided', 'gone', 'changed']) })),
          }),
        },
      },
    },
    async (req) =>
      acceptNearCertain(
        db.kysely,
        req.body.pairs,
        req.body.min,
        req.session?.account.username ?? 'unknown',
        req.body.includeGuarded,
      ),
  );
}
