import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError, shorten, type InputProblem } from '../../core/app-error.js';
import { csvReadProblem, CsvReadError, CsvRecords } from './csv-records.js';
import { checkXlsxSize } from './xlsx-guard.js';

/** A table as read from a file, before any validation: every cell is text. */
export interface RawTable {
  file: string;
  format: 'csv' | 'xlsx' | 'json';
  headers: string[];
  rows: RawRow[];
  /** Things the reader fixed on the way, worth telling the user (an encoding guessed, …). */
  notices: string[];
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

export interface ReadOptions {
  /** Key of the array in a JSON object. */
  jsonKey?: string;
  /**
   * Scores a row as a header (how many of its cells are known column names). When given,
   * the header is the first of the first 20 rows scoring 2 or more, so title rows above
   * the table are skipped; otherwise it is the first row.
   */
  headerScore?: (cells: string[]) => number;
}

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
  if (ext === '.xlsx') return readXlsx(file, bytes, options.headerScore);
  if (ext === '.csv' || ext === '.txt')
    return readCsv(file, decodeText(file, bytes), options.headerScore);
  if (ext === '.json') return readJson(file, decodeText(file, bytes), options.jsonKey);
  throw problem(
    file,
    `files ending in "${ext || '(none)'}" cannot be imported`,
    'save it as .csv (UTF-8), .xlsx or .json',
  );
}

function decodeText(file: string, bytes: Buffer): { text: string; notices: string[] } {
  const head = bytes.subarray(0, 65536);
  if (head.includes(0) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw problem(
      file,
      'the file is binary, not text',
      'if it is a spreadsheet, save it with the .xlsx ending; otherwise export it as CSV (UTF-8)',
    );
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), notices: [] };
  } catch {
    // Excel on Windows saves Cyrillic CSV in Windows-1251 unless told otherwise. Its byte
    // values are all defined, so decoding cannot fail; we say that we did it.
    const text = new TextDecoder('windows-1251').decode(bytes);
    if (/[\u0400-\u04FF]/.test(text)) {
      return {
        text,
        notices: [
          `${file} is not UTF-8; it was read as Windows-1251 (Cyrillic). Check the letters in the result, or save the file as "CSV UTF-8".`,
        ],
      };
    }
    throw problem(
      file,
      'the file is not UTF-8 text',
      'save it as "CSV UTF-8" from your spreadsheet program',
    );
  }
}

export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim();
}

function readCsv(
  file: string,
  decoded: { text: string; notices: string[] },
  headerScore?: (cells: string[]) => number,
): RawTable {
  const csv = new CsvRecords(MAX_CELL_BYTES);
  let grid: GridRow[];
  try {
    grid = [...csv.push(decoded.text), ...csv.end()].filter(
      (g) => !(g.cells.length === 1 && g.cells[0] === ''),
    );
  } catch (err) {
    if (!(err instanceof CsvReadError)) throw err;
    throw new InputError([csvReadProblem(file, err)]);
  }
  return fromGrid(file, 'csv', grid, decoded.notices, headerScore);
}

export interface GridRow {
  row: number;
  cells: string[];
}

export const isBlank = (cells: string[]): boolean => cells.every((c) => !c.trim());

export function findHeader(grid: GridRow[], headerScore?: (cells: string[]) => number): number {
  const first = grid.findIndex((g) => !isBlank(g.cells));
  if (!headerScore) return first;
  for (let i = Math.max(first, 0); i < Math.min(grid.length, 20); i++) {
    if (headerScore(grid[i]!.cells.map(normaliseHeader)) >= 2) return i;
  }
  return first;
}

function fromGrid(
  file: string,
  format: 'csv' | 'xlsx',
  grid: GridRow[],
  notices: string[],
  headerScore?: (cells: string[]) => number,
): RawTable {
  const at = findHeader(grid, headerScore);
  const header = grid[at];
  if (!header) {
    throw problem(file, 'the file has no header row', 'put the column names on the first line');
  }
  if (at > 0 && grid.slice(0, at).some((g) => !isBlank(g.cells))) {
    notices.push(
      `${file}: the table starts on row ${header.row}; rows above it (a title?) were skipped`,
    );
  }
  const headers = header.cells.map(normaliseHeader);
  const rows: RawRow[] = [];
  const problems: InputProblem[] = [];
  for (const g of grid.slice(at + 1)) {
    if (isBlank(g.cells)) continue;
    if (g.cells.length > headers.length && g.cells.slice(headers.length).some((c) => c.trim())) {
      problems.push({
        file,
        row: g.row,
        message: `the row has ${g.cells.length} cells but the header has ${headers.length} columns`,
        fix: 'remove the extra cells or put quotes around cells that contain commas',
      });
      continue;
    }
    const long = g.cells.findIndex((c) => c.length > MAX_CELL_BYTES);
    if (long >= 0) {
      problems.push(cellTooLong(file, g.row, headers[long] || `${long + 1}`));
      continue;
    }
    rows.push({ row: g.row, cells: toCells(headers, g.cells) });
  }
  if (problems.length) throw new InputError(problems);
  return { file, format, headers, rows, notices };
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

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

async function readXlsx(
  file: string,
  bytes: Buffer,
  headerScore?: (cells: string[]) => number,
): Promise<RawTable> {
  checkXlsxSize(file, bytes);
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw problem(
      file,
      `the spreadsheet cannot be opened (${shorten((err as Error).message, 80)})`,
      'open it in a spreadsheet program and save it again as .xlsx',
    );
  }
  const sheet = workbook.worksheets.find((w) => w.actualRowCount > 0);
  if (!sheet) {
    throw problem(
      file,
      'the workbook has no rows',
      'put the table on the first sheet, with column names on its first row',
    );
  }
  const grid: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    grid.push({
      row: rowNumber,
      cells: (row.values as ExcelJS.CellValue[]).slice(1).map(cellText),
    });
  });
  return fromGrid(file, 'xlsx', grid, [], headerScore);
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
  decoded: { text: string; notices: string[] },
  key?: string,
): RawTable {
  let data: unknown;
  try {
    data = JSON.parse(decoded.text);
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
  return { file, format: 'json', headers: [...headers], rows, notices: decoded.notices };
}

/**
 * ExcelJS takes a second to load: it is loaded when a workbook is read, not by every
 * command, the server and the CSV import worker that never read one.
 */
export const loadExcel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;
