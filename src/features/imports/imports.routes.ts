import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../../core/access.js';
import type { Db } from '../../db/index.js';
import type { ImportKind } from './import-kind.js';
import { importBytes } from './run-import.js';

const Result = z.object({
  kind: z.string(),
  file: z.string(),
  rows: z.number().int(),
  dryRun: z.boolean(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  notices: z.array(z.string()),
});

/**
 * Imports through the API: rows as JSON objects with the columns of the kind's files. The
 * same validation, all-or-nothing write and audit as `polon import`; a repeated row with
 * changed values updates it. Errors come back as `details.problems`, one per bad cell.
 */
export function importsRoutes(
  app: FastifyInstance,
  deps: { db: Db; kinds: Record<string, { kind: ImportKind<unknown>; access: Access }> },
): void {
  for (const [name, { kind, access }] of Object.entries(deps.kinds)) {
    app.withTypeProvider<ZodTypeProvider>().post(
      `/api/imports/${name}`,
      {
        config: { access },
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          tags: ['imports'],
          summary: `Import ${name} rows (columns: ${kind.columns.map((c) => c.name).join(', ')})`,
          querystring: z.object({
            dryRun: z.enum(['true', 'false']).default('false'),
            dateFormat: z.enum(['DMY', 'MDY']).optional(),
          }),
          body: z.object({
            rows: z
              .array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])))
              .min(1)
              .max(100_000),
          }),
          response: { 200: Result },
        },
      },
      (req) =>
        importBytes(deps.db, kind, `${name}.json`, Buffer.from(JSON.stringify(req.body)), {
          dryRun: req.query.dryRun === 'true',
          dateOrder: req.query.dateFormat,
          actor: req.session?.account.username ?? 'api',
        }),
    );
  }
}
