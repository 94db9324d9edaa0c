import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError, shorten, type InputProblem } from '../../core/app-error.js';
import { decodeWhole } from './csv-encoding.js';
import { csvReadProblem, CsvReadError, CsvRecords } from './csv-records.js';
import { delimiterTitle } from './detect-delimiter.js';
import {
  encodingTitle,
  sampleOf,
  sniffText,
  type SniffedText,
  type TextOptions,
} from './detect-text.js';
import {
  aboveHeader,
  fillMergedDown,
  findHeader,
  normaliseHeader,
  skippedNotices,
  TableBody,
  type GridRow,
  type Merge,
} from './locate-table.js';
import {
  chooseSheet,
  excelSheets,
  MAX_XLS_BYTES,
  sheetJsSheets,
  type SheetGrid,
} from './read-workbook.js';
import { checkOdsRepeats, checkXlsxSize } from './xlsx-guard.js';
import { notice, type Notice } from './message-codes.js';
import { readJson } from './read-json.js';
import {
  cellTooLong,
  fileProblem,
  MAX_CELL_BYTES,
  type Detected,
  type RawRow,
  type RawTable,
} from './raw-table.js';

export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface ReadOptions extends TextOptions {
  /** Key of the array in a JSON object. */
  jsonKey?: string;
  /**
   * Scores a row as a header (how many of its cells are known column names). When given,
   * the header is the first of the first 20 rows scoring 2 or more, so title rows above
   * the table are skipped; otherwise it is the first row of two or more cells.
   */
  headerScore?: (cells: string[]) => number;
  /** CSV: the delimiter (",", ";", "tab", "|"), instead of the one detected. */
  delimiter?: string;
  /** CSV and JSON: the encoding (utf-8, utf-16le, utf-16be, windows-1251, koi8-u, koi8-r). */
  encoding?: string;
  /** Workbooks: the sheet to read, by name or by number from 1. */
  sheet?: string;
  /** Workbooks: what unpacks and parses them (default: here, in this thread). */
  readSheets?: SheetsReader;
}

const TEXT_ENDINGS = new Set(['.csv', '.txt', '.tsv']);
const WORKBOOK_ENDINGS = new Set(['.xlsx', '.xls', '.ods']);

export async function readTable(
  file: string,
  bytes: Buffer,
  options: ReadOptions = {},
): Promise<RawTable> {
  if (bytes.length === 0) {
    throw fileProblem(
      file,
      'the file is empty',
      'export the data again; the file has no header and no rows',
      'empty_file',
    );
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw fileProblem(
      file,
      `the file is ${Math.round(bytes.length / 2 ** 20)} MiB, over the ${MAX_FILE_BYTES / 2 ** 20} MiB limit`,
      'split it into smaller files and import them one after another',
      'file_too_large',
      { mib: Math.round(bytes.length / 2 ** 20), limit: MAX_FILE_BYTES / 2 ** 20 },
    );
  }
  const ext = extname(file).toLowerCase();
  if (WORKBOOK_ENDINGS.has(ext)) return readWorkbook(file, ext, bytes, options);
  if (TEXT_ENDINGS.has(ext) || ext === '.json') {
    const sniffed = sniffText(
      file,
      await sampleOf(bytes.length, (at, length) => bytes.subarray(at, at + length)),
      options,
      ext !== '.json',
    );
    const text = decodeWhole(file, bytes, sniffed.encoding);
    const notices = textNotices(file, sniffed);
    if (ext === '.json') return readJson(file, text, sniffed, notices, options.jsonKey);
    return readCsv(file, text, sniffed, notices, options.headerScore);
  }
  throw fileProblem(
    file,
    `files ending in "${ext || '(none)'}" cannot be imported`,
    'save it as .csv (UTF-8), .xlsx, .xls, .ods or .json',
    'unsupported_ending',
    { ending: ext || '(none)' },
  );
}

/** What to tell the user of a text file's encoding and delimiter, when they are not the usual. */
export function textNotices(file: string, sniffed: SniffedText): Notice[] {
  const notices: Notice[] = [];
  const e = sniffed.encoding;
  if (!sniffed.given.encoding && (e === 'windows-1251' || e === 'koi8-u' || e === 'koi8-r'))
    notices.push(
      notice(
        'read_as_cyrillic',
        { encoding: encodingTitle(e) },
        `${file} is not UTF-8; it was read as ${encodingTitle(e)} (Cyrillic). Check the letters in the result, or save the file as "CSV UTF-8".`,
      ),
    );
  if (!sniffed.given.delimiter && sniffed.delimiter && sniffed.delimiter !== ',')
    notices.push(
      notice(
        'delimiter',
        { delimiter: sniffed.delimiter === '\t' ? 'tab' : sniffed.delimiter },
        `${file}: cells are separated by ${delimiterTitle(sniffed.delimiter)}`,
      ),
    );
  return notices;
}

function readCsv(
  file: string,
  text: string,
  sniffed: SniffedText,
  notices: Notice[],
  headerScore?: (cells: string[]) => number,
): RawTable {
  const csv = new CsvRecords(MAX_CELL_BYTES, sniffed.delimiter);
  let grid: GridRow[];
  try {
    grid = [...csv.push(text), ...csv.end()].filter(
      (g) => !(g.cells.length === 1 && g.cells[0] === ''),
    );
  } catch (err) {
    if (!(err instanceof CsvReadError)) throw err;
    throw new InputError([csvReadProblem(file, err)]);
  }
  return fromGrid(file, grid, {
    detected: { format: 'csv', encoding: sniffed.encoding, delimiter: sniffed.delimiter },
    notices,
    headerScore,
  });
}

interface GridContext {
  detected: Detected;
  notices: Notice[];
  headerScore?: ((cells: string[]) => number) | undefined;
  merges?: Merge[];
}

/** The locate stage over rows read whole: header, body, what was skipped. */
function fromGrid(file: string, grid: GridRow[], ctx: GridContext): RawTable {
  const sheet = ctx.detected.sheet !== undefined ? { sheet: shorten(ctx.detected.sheet) } : {};
  const at = findHeader(grid, ctx.headerScore);
  const header = grid[at];
  if (!header) {
    throw new InputError([
      {
        file,
        ...sheet,
        message: 'the file has no header row',
        fix: 'put the column names on the first line',
        code: 'no_header',
      },
    ]);
  }
  if (ctx.merges?.length) fillMergedDown(grid, ctx.merges, header.row);
  const headers = header.cells.map(normaliseHeader);
  const rows: RawRow[] = [];
  const problems: InputProblem[] = [];
  const body = new TableBody((g) => {
    if (g.cells.length > headers.length && g.cells.slice(headers.length).some((c) => c.trim())) {
      problems.push({
        file,
        ...sheet,
        row: g.row,
        message: `the row has ${g.cells.length} cells but the header has ${headers.length} columns`,
        fix:
          ctx.detected.format === 'csv'
            ? `remove the extra cells or put quotes around cells that contain ${delimiterTitle(ctx.detected.delimiter ?? ',')}`
            : 'remove the extra cells, or give their column a name in the header row',
        code: 'extra_cells',
        params: {
          cells: g.cells.length,
          columns: headers.length,
          ...(ctx.detected.format === 'csv'
            ? {
                delimiter:
                  ctx.detected.delimiter === '\t' ? 'tab' : (ctx.detected.delimiter ?? ','),
              }
            : {}),
        },
      });
      return;
    }
    const long = g.cells.findIndex((c) => c.length > MAX_CELL_BYTES);
    if (long >= 0) {
      problems.push({ ...cellTooLong(file, g.row, headers[long] || `${long + 1}`), ...sheet });
      return;
    }
    rows.push({ row: g.row, cells: toCells(headers, g.cells) });
  });
  body.before(aboveHeader(grid, at));
  for (let i = at + 1; i < grid.length; i++) body.push(grid[i]!);
  body.end();
  if (problems.length) throw new InputError(problems);
  const detected = { ...ctx.detected, headerRow: header.row };
  return {
    file,
    format: detected.format,
    headers,
    rows,
    notices: [...ctx.notices, ...skippedNotices(file, body.skipped, header.row, body.skippedCount)],
    detected,
    skipped: body.skipped,
  };
}

export function toCells(headers: string[], values: (string | undefined)[]): Record<string, string> {
  const cells: Record<string, string> = {};
  headers.forEach((h, i) => {
    if (h) cells[h] = values[i] ?? '';
  });
  return cells;
}

const isZip = (b: Buffer): boolean => b.length >= 4 && b.readUInt32BE(0) === 0x504b0304;
const isCompoundFile = (b: Buffer): boolean =>
  b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;

/**
 * A workbook, whatever its ending says: a zip is an .xlsx (ExcelJS) or an .ods, a compound
 * file an .xls (both SheetJS), each under the same size guards; then the sheet to read,
 * and the same locate stage as for CSV.
 */
/** The sheets of a workbook and its format, as read (the costly, memory-hungry part). */
export interface WorkbookSheets {
  format: 'xlsx' | 'xls' | 'ods';
  sheets: SheetGrid[];
}

/** Reads a workbook's sheets: here, or (the server) on a worker thread with a memory limit. */
export type SheetsReader = (file: string, ext: string, bytes: Buffer) => Promise<WorkbookSheets>;

/** Unpacks and parses a workbook, after the guards against bombs. */
export async function workbookSheets(
  file: string,
  ext: string,
  bytes: Buffer,
): Promise<WorkbookSheets> {
  let format: 'xlsx' | 'xls' | 'ods';
  let sheets;
  if (isZip(bytes)) {
    const { names, kept } = checkXlsxSize(file, bytes, 'content.xml');
    if (names.some((n) => n.startsWith('xl/'))) format = 'xlsx';
    else if (kept) format = 'ods';
    else
      throw fileProblem(
        file,
        'the file is a zip archive but not a spreadsheet',
        'open it in a spreadsheet program and save it as .xlsx',
        'not_spreadsheet',
        { ending: ext },
      );
    if (kept && format === 'ods') checkOdsRepeats(file, kept);
    sheets =
      format === 'xlsx'
        ? await excelSheets(file, bytes, await loadExcel())
        : await sheetJsSheets(file, bytes, 'ods');
  } else if (isCompoundFile(bytes)) {
    format = 'xls';
    if (bytes.length > MAX_XLS_BYTES)
      throw fileProblem(
        file,
        `the workbook is ${Math.round(bytes.length / 2 ** 20)} MiB, over the ${MAX_XLS_BYTES / 2 ** 20} MiB limit for .xls`,
        'save it as .xlsx, or export the table as CSV (UTF-8)',
        'workbook_too_large',
        { mib: Math.round(bytes.length / 2 ** 20), limit: MAX_XLS_BYTES / 2 ** 20 },
      );
    sheets = await sheetJsSheets(file, bytes, 'xls');
  } else {
    throw fileProblem(
      file,
      `the file is named ${ext} but is not a spreadsheet (some programs save a web page or text under that name)`,
      `open it in a spreadsheet program and save it as .xlsx; if it is CSV text, rename it to .csv (or convert it: soffice --headless --convert-to xlsx ${shorten(file, 60)})`,
      'not_spreadsheet',
      { ending: ext },
    );
  }
  return { format, sheets };
}

async function readWorkbook(
  file: string,
  ext: string,
  bytes: Buffer,
  options: ReadOptions,
): Promise<RawTable> {
  const { format, sheets } = await (options.readSheets ?? workbookSheets)(file, ext, bytes);
  const { sheet, notice: chosen } = chooseSheet(file, sheets, options.sheet, options.headerScore);
  const notices: Notice[] = [];
  if (format !== ext.slice(1))
    notices.push(
      notice(
        'read_as_format',
        { format: `.${format}`, ending: ext },
        `${file}: the file is really an .${format} workbook (named ${ext}); it was read as one`,
      ),
    );
  if (chosen) notices.push(chosen);
  return fromGrid(file, sheet.rows, {
    detected: { format, sheet: sheet.name },
    notices,
    headerScore: options.headerScore,
    merges: sheet.merges,
  });
}

/**
 * ExcelJS takes a second to load: it is loaded when a workbook is read, not by every
 * command, the server and the CSV import worker that never read one.
 */
export const loadExcel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;
