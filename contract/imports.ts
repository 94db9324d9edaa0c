import { z } from 'zod';

/** How the server read a file: format, encoding, delimiter, sheet, header row. */
export const ImportDetected = z.object({
  format: z.enum(['csv', 'xlsx', 'xls', 'ods', 'json']),
  /** 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-u' | 'koi8-r' */
  encoding: z.string().optional(),
  /** ',' ';' '\t' '|' */
  delimiter: z.string().optional(),
  sheet: z.string().optional(),
  /** 1-based row (line) of the header, as the user sees it. */
  headerRow: z.number().int().optional(),
});
export type ImportDetected = z.infer<typeof ImportDetected>;

/** A row of the file left out (above the header, a total, a note under the table), and why. */
export const ImportSkippedRow = z.object({ row: z.number().int(), reason: z.string() });
export type ImportSkippedRow = z.infer<typeof ImportSkippedRow>;

const ImportCounts = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows an earlier copy of the file stated and this one no longer does. */
  removed: z.number().int().optional(),
});

/** A place of detention the gazetteer does not know, kept as written, with best guesses. */
export const UnresolvedPlace = z.object({
  row: z.number().int(),
  text: z.string(),
  candidates: z.array(z.object({ id: z.string(), nameEn: z.string(), score: z.number() })),
});

/**
 * The answer to an import, of rows or of a file, dry run or not: the import's report, with
 * the kind's own counts at the top as well (`records` for persons, `written` for kinds
 * other than persons, events and episodes).
 */
export const ImportResult = z.object({
  kind: z.string(),
  file: z.string(),
  rows: z.number().int(),
  dryRun: z.boolean(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** English sentences, for the command line and for people reading the JSON. */
  notices: z.array(z.string()),
  /** The notices in the same order by a stable code and its parameters, for other languages. */
  noticeCodes: z.array(
    z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
  ),
  source: z.string().nullable(),
  detected: ImportDetected,
  records: ImportCounts.optional(),
  events: ImportCounts.optional(),
  episodes: ImportCounts.optional(),
  written: ImportCounts.optional(),
  recordIds: z
    .object({
      from: z.enum(['file', 'content', 'both']),
      fromFile: z.number().int(),
      fromContent: z.number().int(),
    })
    .optional(),
  skippedRows: z.array(ImportSkippedRow),
  unresolvedPlaces: z.array(UnresolvedPlace),
  problems: z.array(z.never()),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** How a file's headers are read, and the columns they may stand for. */
export const ImportHeaders = z.object({
  headers: z.array(z.object({ header: z.string(), column: z.string().nullable() })),
  columns: z.array(z.object({ name: z.string(), required: z.boolean(), description: z.string() })),
  detected: ImportDetected,
});
export type ImportHeaders = z.infer<typeof ImportHeaders>;
