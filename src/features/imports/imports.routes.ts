import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../../core/access.js';
import { AppError } from '../../core/app-error.js';
import type { Db } from '../../db/index.js';
import type { ImportKind } from './import-kind.js';
import { mapHeaders } from './header-map.js';
import { readTable } from './read-table.js';
import { importReport } from './import-report.js';
import { importBytes, type ImportResult } from './run-import.js';

const Counts = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int().optional(),
});

/** The import's report (`importReport`), with the kind's own counts at the top as before. */
const Result = z.object({
  kind: z.string(),
  file: z.string(),
  rows: z.number().int(),
  dryRun: z.boolean(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  notices: z.array(z.string()),
  source: z.string().nullable(),
  detected: z.record(z.string(), z.unknown()),
  records: Counts.optional(),
  events: Counts.optional(),
  episodes: Counts.optional(),
  written: Counts.optional(),
  recordIds: z
    .object({
      from: z.enum(['file', 'content', 'both']),
      fromFile: z.number().int(),
      fromContent: z.number().int(),
    })
    .optional(),
  skippedRows: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  unresolvedPlaces: z.array(
    z.object({
      row: z.number().int(),
      text: z.string(),
      candidates: z.array(z.object({ id: z.string(), nameEn: z.string(), score: z.number() })),
    }),
  ),
  problems: z.array(z.never()),
});

const respond = (r: ImportResult) => ({
  ...importReport(r),
  inserted: r.inserted,
  updated: r.updated,
  unchanged: r.unchanged,
});

const SourceParam = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._:-]{0,127}$/i, 'a registered source id')
  .optional()
  .describe('the registered source of rows that name none (files seldom have a source column)');

/** The largest spreadsheet the workspace may upload; larger files go through `polon import`. */
export const FILE_LIMIT_BYTES = 20 * 1024 * 1024;

/** Endings the workspace may send; the readers decide which of them they can read. */
const FILE_NAME = /^[^/\\\p{Cc}]{1,200}\.(csv|txt|xlsx|xls|ods|json)$/iu;

const Mapping = z
  .record(z.string().max(200), z.string().max(64))
  .refine((m) => Object.keys(m).length <= 500, 'at most 500 headers');

/**
 * `mapping`: the file's headers → the kind's columns, as JSON ({"Фамилия бойца":
 * "family_name"}); a header mapped to "" is left out. As `--mapping` on the command line.
 */
function parseMapping(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = Mapping.safeParse(value);
  if (!parsed.success)
    throw new AppError(
      'invalid_input',
      'the mapping is not a JSON object of the file\'s headers to column names, e.g. {"Фамилия бойца":"family_name"}',
    );
  return parsed.data;
}

function fileBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError(
      'invalid_input',
      'send the file as the request body with content-type application/octet-stream',
    );
  return body;
}

const MappingParam = z
  .string()
  .max(50_000)
  .optional()
  .describe('JSON: the file\'s headers → column names; "" leaves a header out');

const HeadersResult = z.object({
  headers: z.array(z.object({ header: z.string(), column: z.string().nullable() })),
  columns: z.array(z.object({ name: z.string(), required: z.boolean(), description: z.string() })),
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
            source: SourceParam,
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
      async (req) =>
        respond(
          await importBytes(deps.db, kind, `${name}.json`, Buffer.from(JSON.stringify(req.body)), {
            dryRun: req.query.dryRun === 'true',
            dateOrder: req.query.dateFormat,
            source: req.query.source,
            actor: req.session?.account.username ?? 'api',
          }),
        ),
    );
  }
  void app.register((scope, _options, done) => {
    // The file's bytes as they are: the server reads them exactly as `polon import` does,
    // so a preview and its confirmation see what the command line would.
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: FILE_LIMIT_BYTES },
      (_req, body, done) => done(null, body),
    );
    // An error thrown here reaches the application's handler, which knows every other kind.
    scope.setErrorHandler((err: FastifyError, _req, reply) => {
      if (err.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw err;
      return reply.status(413).send({
        error: {
          code: 'invalid_input',
          message: `the file is larger than ${FILE_LIMIT_BYTES / 1024 / 1024} MB; split it, or import it with \`polon import\` on the server`,
        },
      });
    });
    for (const [name, { kind, access }] of Object.entries(deps.kinds)) {
      scope.withTypeProvider<ZodTypeProvider>().post(
        `/api/imports/${name}/file`,
        {
          config: { access },
          bodyLimit: FILE_LIMIT_BYTES,
          schema: {
            tags: ['imports'],
            summary: `Import a ${name} file (CSV, TXT, XLSX, XLS, ODS or JSON) sent as application/octet-stream`,
            querystring: z.object({
              name: z
                .string()
                .regex(FILE_NAME, 'a file name ending in .csv, .txt, .xlsx, .xls, .ods or .json')
                .describe('the file name: its ending says how to read it'),
              dryRun: z.enum(['true', 'false']).default('false'),
              dateFormat: z.enum(['DMY', 'MDY']).optional(),
              mapping: MappingParam,
              source: SourceParam,
            }),
            response: { 200: Result },
          },
        },
        async (req) =>
          respond(
            await importBytes(deps.db, kind, req.query.name, fileBody(req.body), {
              dryRun: req.query.dryRun === 'true',
              dateOrder: req.query.dateFormat,
              mapping: parseMapping(req.query.mapping),
              source: req.query.source,
              actor: req.session?.account.username ?? 'api',
            }),
          ),
      );
      scope.withTypeProvider<ZodTypeProvider>().post(
        `/api/imports/${name}/headers`,
        {
          config: { access },
          bodyLimit: FILE_LIMIT_BYTES,
          schema: {
            tags: ['imports'],
            summary: `How the headers of a ${name} file are read, and the columns they may stand for`,
            querystring: z.object({
              name: z
                .string()
                .regex(FILE_NAME, 'a file name ending in .csv, .txt, .xlsx, .xls, .ods or .json'),
              mapping: MappingParam,
            }),
            response: { 200: HeadersResult },
          },
        },
        async (req) => {
          const table = await readTable(req.query.name, fileBody(req.body), {
            jsonKey: kind.jsonKey,
            headerScore: kind.headerScore,
          });
          const map = mapHeaders(
            table.headers,
            kind.columns,
            kind.headerAliases,
            parseMapping(req.query.mapping),
          );
          return {
            headers: table.headers
              .filter((h) => h)
              .map((header) => ({ header, column: map.toColumn.get(header) ?? null })),
            columns: kind.columns.map((c) => ({
              name: c.name,
              required: c.required,
              description: c.description,
            })),
          };
        },
      );
    }
    done();
  });
}
