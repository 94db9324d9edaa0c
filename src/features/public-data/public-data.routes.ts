import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EvidenceAdded, NewEvidenceRow } from '../../../contract/index.js';
import type { Db } from '../../db/index.js';
import { addEvidenceRow, type EvidenceKind } from './evidence-entry.js';

/** The workspace form that adds an exchange, a body repatriation or an official figure. */
export function publicDataRoutes(app: FastifyInstance, deps: { db: Db; tolerance: number }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const route = (kind: EvidenceKind, summary: string) =>
    r.post(
      `/api/${kind}`,
      {
        config: { access: 'analyst' },
        schema: {
          tags: [kind],
          summary,
          body: NewEvidenceRow,
          response: { 201: EvidenceAdded },
        },
      },
      async (req, reply) => {
        const added = await addEvidenceRow(deps.db, kind, req.body.row, {
          actor: req.session?.account.username ?? 'unknown',
          tolerance: deps.tolerance,
        });
        return reply.code(201).send(added);
      },
    );
  route(
    'exchanges',
    'Add one exchange or body repatriation, a row of exchanges.csv, checked as the import checks it',
  );
  route('claims', 'Add one official figure, a row of claims.csv, checked as the import checks it');
}
