import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ImportHeaders, ImportResult } from '../../../contract/index.js';
import type { Access } from '../../core/access.js';
import { AppError } from '../../core/app-error.js';
import type { Db } from '../../db/index.js';
import { encodingNamed, ENCODING_NAMES } from './detect-text.js';
import { delimiterNamed } from './detect-delimiter.js';
import type { ImportKind } from './import-kind.js';
import { mapHeaders } from './header-map.js';
import { readTable, type SheetsReader } from './read-table.js';
import { OneAtATime } from './workbook-reader.js';
import { importReport } from './import-report.js';
import { importBytes } from './run-import.js';
import type { ImportResult as ImportRun } from './import-options.js';

const respond = (r: ImportRun) => importReport(r);

const SourceParam = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._:-]{0,127}$/i, 'a registered source id')
  .optional()
  .describe('the registered source of rows that name none (files seldom have a source column)');

/** The largest spreadsheet the workspace may upload; larger files go through `polon import`. */
export const FILE_LIMIT_BYTES = 20 * 1024 * 1024;

const FILE_NAME = /^[^/\\\p{Cc}]{1,200}\.(csv|tsv|txt|xlsx|xls|ods|json)$/iu;
const FILE_NAME_RULE = 'a file name ending in .csv, .tsv, .txt, .xlsx, .xls, .ods or .json';

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

/** How a file is read when the detection should not decide: as `--delimiter`, `--encoding`, `--sheet`. */
const ReadParams = {
  delimiter: z
    .string()
    .max(16)
    .refine(
      (v) => delimiterNamed(v) !== undefined,
      'one of "," ";" "|" "tab" (comma, semicolon, pipe)',
    )
    .optional()
    .describe('CSV: the delimiter, when the one detected is wrong: , ; | tab'),
  encoding: z
    .string()
    .max(32)
    .refine((v) => encodingNamed(v) !== undefined, `one of ${ENCODING_NAMES.join(', ')}`)
    .optional()
    .describe(
      `CSV and JSON: the encoding, when the one detected is wrong: ${ENCODING_NAMES.join(', ')}`,
    ),
  sheet: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('workbooks: the sheet to import, by name or number (1 is the first)'),
};

/**
 * Imports through the API: rows as JSON objects with the columns of the kind's files. The
 * same validation, all-or-nothing write and audit as `polon import`; a repeated row with
 * changed values updates it. Errors come back as `details.problems`, one per bad cell.
 */
export function importsRoutes(
  app: FastifyInstance,
  deps: {
    db: Db;
    kinds: Record<string, { kind: ImportKind<unknown>; access: Access }>;
    /** Where workbooks are unpacked and parsed: a worker thread with a memory limit. */
    readSheets?: SheetsReader;
  },
): void {
  const { readSheets } = deps;
  const oneAtATime = new OneAtATime();
  const account = (req: FastifyRequest): string => req.session?.account.username ?? req.ip;
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
          response: { 200: ImportResult },
        },
      },
      (req) =>
        oneAtATime.run(account(req), async () =>
          respond(
            await importBytes(
              deps.db,
              kind,
              `${name}.json`,
              Buffer.from(JSON.stringify(req.body)),
              {
                dryRun: req.query.dryRun === 'true',
                dateOrder: req.query.dateFormat,
                source: req.query.source,
                actor: req.session?.account.username ?? 'api',
              },
            ),
          ),
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
            summary: `Import a ${name} file (CSV, XLSX, XLS, ODS or JSON) sent as application/octet-stream`,
            querystring: z.object({
              name: z
                .string()
                .regex(FILE_NAME, FILE_NAME_RULE)
                .describe('the file name: its ending says how to read it'),
              dryRun: z.enum(['true', 'false']).default('false'),
              dateFormat: z.enum(['DMY', 'MDY']).optional(),
              mapping: MappingParam,
              source: SourceParam,
              ...ReadParams,
            }),
            response: { 200: ImportResult },
          },
        },
        (req) =>
          oneAtATime.run(account(req), async () =>
            respond(
              await importBytes(deps.db, kind, req.query.name, fileBody(req.body), {
                dryRun: req.query.dryRun === 'true',
                dateOrder: req.query.dateFormat,
                mapping: parseMapping(req.query.mapping),
                source: req.query.source,
                delimiter: req.query.delimiter,
                encoding: req.query.encoding,
                sheet: req.query.sheet,
                readSheets,
                actor: req.session?.account.username ?? 'api',
              }),
            ),
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
              name: z.string().regex(FILE_NAME, FILE_NAME_RULE),
              mapping: MappingParam,
              ...ReadParams,
            }),
            response: { 200: ImportHeaders },
          },
        },
        async (req) => {
          const table = await oneAtATime.run(account(req), () =>
            readTable(req.query.name, fileBody(req.body), {
              jsonKey: kind.jsonKey,
              headerScore: kind.headerScore,
              delimiter: req.query.delimiter,
              encoding: req.query.encoding,
              sheet: req.query.sheet,
              readSheets,
            }),
          );
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
            detected: table.detected,
          };
        },
      );
    }
    done();
  });
}
