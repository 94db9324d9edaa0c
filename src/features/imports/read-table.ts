import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError, shorten, type InputProblem } from '../../core/app-error.js';
import { decodeWhole } from './csv-encoding.js';
import { csvReadProblem, CsvReadError, CsvRecords } from './csv-records.js';
import {
  delimiterTitle,
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
import { chooseSheet, excelSheets, MAX_XLS_BYTES, sheetJsSheets } from './read-workbook.js';
import { checkOdsRepeats, checkXlsxSize } from './xlsx-guard.js';

export { findHeader, isBlank, normaliseHeader, type GridRow } from './locate-table.js';

/** What the reader found out about a file by itself (or was told), for the user to check. */
export interface Detected {
  format: 'csv' | 'xlsx' | 'xls' | 'ods' | 'json';
  /** Text formats: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-u' | 'koi8-r'. */
  encoding?: string;
  /** CSV: ',' ';' '\t' '|'. */
  delimiter?: string;
  /** Workbooks: the sheet read. */
  sheet?: string;
  /** 1-based row (line) of the header as the user sees it. */
  headerRow?: number;
}

/**
 * A row of the file left out, and why in plain English. The reason never quotes a row of
 * data; a total's or a note's text is shortened to 40 characters.
 */
export interface SkippedRow {
  row: number;
  reason: string;
}

/** A table as read from a file, before any validation: every cell is text. */
export interface RawTable {
  file: string;
  format: Detected['format'];
  headers: string[];
  rows: RawRow[];
  /** Things the reader fixed on the way, worth telling the user (an encoding guessed, …). */
  notices: string[];
  detected: Detected;
  /** Rows above the header, totals and notes under the table (blank rows are not listed). */
  skipped: SkippedRow[];
}

export interface RawRow {
  /** Row as the user finds it: the line in a CSV, the row in a sheet, the record in JSON. */
  row: number;
  cells: Record<string, string>;
}

export const MAX_CELL_BYTES = 1024 * 1024;
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const problem = (file: string, message: string, fix: string, row?: number): InputError =>
  new InputError([{ file, ...(row !== undefined ? { row } : {}), message, fix }]);

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
}

const TEXT_ENDINGS = new Set(['.csv', '.txt', '.tsv']);
const WORKBOOK_ENDINGS = new Set(['.xlsx', '.xls', '.ods']);

export async function readTable(
  file: string,
  bytes: Buffer,
  options: ReadOptions = {},
): Promise<RawTable> {
  if (bytes.length === 0) {
    throw problem(
      file,
      'the file is empty',
      'export the data again; the file has no header and no rows',
    );
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw problem(
      file,
      `the file is ${Math.round(bytes.length / 2 ** 20)} MiB, over the ${MAX_FILE_BYTES / 2 ** 20} MiB limit`,
      'split it into smaller files and import them one after another',
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
  throw problem(
    file,
    `files ending in "${ext || '(none)'}" cannot be imported`,
    'save it as .csv (UTF-8), .xlsx, .xls, .ods or .json',
  );
}

/** What to tell the user of a text file's encoding and delimiter, when they are not the usual. */
export function textNotices(file: string, sniffed: SniffedText): string[] {
  const notices: string[] = [];
  const e = sniffed.encoding;
  if (!sniffed.given.encoding && (e === 'windows-1251' || e === 'koi8-u' || e === 'koi8-r'))
    notices.push(
      `${file} is not UTF-8; it was read as ${encodingTitle(e)} (Cyrillic). Check the letters in the result, or save the file as "CSV UTF-8".`,
    );
  if (!sniffed.given.delimiter && sniffed.delimiter && sniffed.delimiter !== ',')
    notices.push(`${file}: cells are separated by ${delimiterTitle(sniffed.delimiter)}`);
  return notices;
}

function readCsv(
  file: string,
  text: string,
  sniffed: SniffedText,
  notices: string[],
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
  notices: string[];
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

/** A CSV row over the limit fails in the parser; XLSX and JSON cells are checked one by one. */
const cellTooLong = (file: string, row: number, column: string): InputProblem => ({
  file,
  row,
  column: shorten(column),
  message: `the cell is longer than ${MAX_CELL_BYTES / 2 ** 20} MiB`,
  fix: 'shorten the text or leave it out; long documents belong in a source, not a cell',
});

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
async function readWorkbook(
  file: string,
  ext: string,
  bytes: Buffer,
  options: ReadOptions,
): Promise<RawTable> {
  let format: 'xlsx' | 'xls' | 'ods';
  let sheets;
  if (isZip(bytes)) {
    const { names, kept } = checkXlsxSize(file, bytes, 'content.xml');
    if (names.some((n) => n.startsWith('xl/'))) format = 'xlsx';
    else if (kept) format = 'ods';
    else
      throw problem(
        file,
        'the file is a zip archive but not a spreadsheet',
        'open it in a spreadsheet program and save it as .xlsx',
      );
    if (kept && format === 'ods') checkOdsRepeats(file, kept);
    sheets =
      format === 'xlsx'
        ? await excelSheets(file, bytes, await loadExcel())
        : await sheetJsSheets(file, bytes, 'ods');
  } else if (isCompoundFile(bytes)) {
    format = 'xls';
    if (bytes.length > MAX_XLS_BYTES)
      throw problem(
        file,
        `the workbook is ${Math.round(bytes.length / 2 ** 20)} MiB, over the ${MAX_XLS_BYTES / 2 ** 20} MiB limit for .xls`,
        'save it as .xlsx, or export the table as CSV (UTF-8)',
      );
    sheets = await sheetJsSheets(file, bytes, 'xls');
  } else {
    throw problem(
      file,
      `the file is named ${ext} but is not a spreadsheet (some programs save a web page or text under that name)`,
      `open it in a spreadsheet program and save it as .xlsx; if it is CSV text, rename it to .csv (or convert it: soffice --headless --convert-to xlsx ${shorten(file, 60)})`,
    );
  }
  const { sheet, notice } = chooseSheet(file, sheets, options.sheet, options.headerScore);
  const notices: string[] = [];
  if (format !== ext.slice(1))
    notices.push(
      `${file}: the file is really an .${format} workbook (named ${ext}); it was read as one`,
    );
  if (notice) notices.push(notice);
  return fromGrid(file, sheet.rows, {
    detected: { format, sheet: sheet.name },
    notices,
    headerScore: options.headerScore,
    merges: sheet.merges,
  });
}

/**
 * A JSON value as cell text: a list of plain values joined with " ; ", anything else as
 * JSON. Deeper structure is refused (undefined) rather than walked: a hostile file nested a
 * million levels deep would otherwise overflow the stack.
 */
function jsonCell(v: unknown, depth = 0): string | undefined {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (depth > 0) return undefined;
  if (Array.isArray(v)) {
    const parts = v.map((x) => jsonCell(x, depth + 1));
    return parts.every((p) => p !== undefined) ? parts.join(' ; ') : undefined;
  }
  if (typeof v === 'object' && Object.values(v).every((x) => jsonCell(x, 1) !== undefined))
    return JSON.stringify(v);
  return undefined;
}

function readJson(
  file: string,
  text: string,
  sniffed: SniffedText,
  notices: string[],
  key?: string,
): RawTable {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw problem(
      file,
      `the JSON cannot be read: ${shorten((err as Error).message, 120)}`,
      'check the file with a JSON validator',
    );
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object'
      ? ((key && (data as Record<string, unknown>)[key]) ?? (data as Record<string, unknown>).rows)
      : undefined;
  if (!Array.isArray(list)) {
    throw problem(
      file,
      'the JSON holds no list of rows',
      `give an array of objects, or an object with a "${key ?? 'rows'}" array`,
    );
  }
  const headers = new Set<string>();
  const rows: RawRow[] = [];
  const problems: InputProblem[] = [];
  list.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({
        file,
        row: i + 1,
        message: 'this record is not an object',
        fix: 'write each row as {"column": value, …}',
      });
      return;
    }
    const cells: Record<string, string> = {};
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      headers.add(k);
      const text = jsonCell(v);
      if (text === undefined) {
        problems.push({
          file,
          row: i + 1,
          column: shorten(k),
          message: 'the value is nested too deeply to be a cell',
          fix: 'give a text, a number, or a list of them',
        });
        return;
      }
      if (text.length > MAX_CELL_BYTES) {
        problems.push(cellTooLong(file, i + 1, k));
        return;
      }
      cells[k] = text;
    }
    rows.push({ row: i + 1, cells });
  });
  if (problems.length) throw new InputError(problems);
  return {
    file,
    format: 'json',
    headers: [...headers],
    rows,
    notices,
    detected: { format: 'json', encoding: sniffed.encoding },
    skipped: [],
  };
}

/**
 * ExcelJS takes a second to load: it is loaded when a workbook is read, not by every
 * command, the server and the CSV import worker that never read one.
 */
export const loadExcel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;
