import type ExcelJS from 'exceljs';
import type * as SheetJS from '@e965/xlsx';
import { InputError, shorten } from '../../core/app-error.js';
import { headerCandidate, isBlank, TableBody, type GridRow, type Merge } from './locate-table.js';
import { notice, type Notice } from './message-codes.js';

/** One sheet of a workbook as rows of cell text. */
export interface SheetGrid {
  name: string;
  /** 1-based position in the workbook, as `sheet` may name it. */
  number: number;
  hidden: boolean;
  rows: GridRow[];
  merges: Merge[];
}

/** What all the sheets of a workbook may lay out as cells, holes between them included. */
export const MAX_WORKBOOK_CELLS = 10_000_000;

const cannotOpen = (file: string, err: unknown, as: string): InputError =>
  new InputError([
    {
      file,
      message: `the spreadsheet cannot be opened (${shorten(err instanceof Error ? err.message : String(err), 80)})`,
      fix: `open it in a spreadsheet program and save it again as ${as}`,
      code: 'workbook_cannot_open',
      params: { format: as },
    },
  ]);

/**
 * Rows of all the sheets of a workbook. 300,000 rows of 13 columns take 1.9 GB of heap to
 * read (ExcelJS holds the whole workbook): larger tables go as CSV, which is streamed.
 */
export const MAX_WORKBOOK_ROWS = 400_000;

/** Cells as rows are built, so a sheet of a few cells far apart cannot lay out billions. */
class CellBudget {
  private used = 0;
  private rows = 0;
  constructor(private readonly file: string) {}
  spend(sheet: string, row: number, cells: number): void {
    this.used += cells;
    if (++this.rows > MAX_WORKBOOK_ROWS)
      throw new InputError([
        {
          file: this.file,
          sheet: shorten(sheet),
          row,
          message: `the workbook holds more than ${MAX_WORKBOOK_ROWS.toLocaleString('en')} rows`,
          fix: 'export the table as CSV (UTF-8), which is imported in a stream, or split it into smaller files',
          code: 'workbook_too_many_rows',
          params: { max: MAX_WORKBOOK_ROWS },
        },
      ]);
    if (this.used > MAX_WORKBOOK_CELLS)
      throw new InputError([
        {
          file: this.file,
          sheet: shorten(sheet),
          row,
          message: `the workbook holds more than ${MAX_WORKBOOK_CELLS.toLocaleString('en')} cells (counting the empty ones between them)`,
          fix: 'delete what lies far below or to the right of the table, or export the table as CSV (UTF-8)',
          code: 'workbook_too_many_cells',
          params: { max: MAX_WORKBOOK_CELLS },
        },
      ]);
  }
}

/** A row's cells from 0 to its last filled one, '' in the holes. */
function dense(values: Map<number, string>, width: number): string[] {
  const cells = new Array<string>(width).fill('');
  for (const [c, v] of values) cells[c] = v;
  return cells;
}

/** An ExcelJS cell value as text: a formula's cached result, a link's text, a date's day. */
export function excelText(value: ExcelJS.CellValue, depth = 0): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object' || depth > 3) return '';
  const v = value as unknown as Record<string, unknown>;
  if ('error' in v) return '';
  if ('formula' in v || 'sharedFormula' in v || 'result' in v)
    return excelText(v.result as ExcelJS.CellValue, depth + 1);
  if (Array.isArray(v.richText))
    return (v.richText as unknown[])
      .map((t) =>
        t && typeof t === 'object' && typeof (t as { text?: unknown }).text === 'string'
          ? (t as { text: string }).text
          : '',
      )
      .join('');
  if ('text' in v) return excelText(v.text as ExcelJS.CellValue, depth + 1);
  return '';
}

/** The day a date cell shows (its time of day dropped); '' for a date out of range. */
function isoDay(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** The sheets of an .xlsx, by ExcelJS. */
export async function excelSheets(
  file: string,
  bytes: Buffer,
  excel: typeof ExcelJS,
): Promise<SheetGrid[]> {
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw cannotOpen(file, err, '.xlsx');
  }
  const budget = new CellBudget(file);
  const MERGE = excel.ValueType.Merge;
  try {
    return workbook.worksheets.map((sheet, i) => {
      const rows: GridRow[] = [];
      const ranges = new Map<string, Merge>();
      sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const values = new Map<number, string>();
        let width = 0;
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col < 1 || col > 16384) return;
          if (cell.type === MERGE) {
            // The value belongs to the range's top-left cell; its other cells stay empty.
            const top = Number(cell.master.row);
            const left = Number(cell.master.col) - 1;
            const key = `${top}:${left}`;
            const m = ranges.get(key) ?? { top, bottom: top, left, right: left };
            m.bottom = Math.max(m.bottom, rowNumber);
            m.right = Math.max(m.right, col - 1);
            ranges.set(key, m);
            return;
          }
          const text = excelText(cell.value);
          if (text === '') return;
          values.set(col - 1, text);
          width = Math.max(width, col);
        });
        budget.spend(sheet.name, rowNumber, width);
        rows.push({ row: rowNumber, cells: dense(values, width) });
      });
      return {
        name: String(sheet.name),
        number: i + 1,
        hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden',
        rows,
        merges: [...ranges.values()],
      };
    });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw cannotOpen(file, err, '.xlsx');
  }
}

/** The largest .xls read: the format holds at most 65,536 rows of 256 columns. */
export const MAX_XLS_BYTES = 50 * 1024 * 1024;

/**
 * SheetJS takes a moment to load and is needed only for .xls and .ods: loaded when one is
 * read. For .xls its codepage tables come along, for files of Excel 95 and older written
 * in a Cyrillic codepage.
 */
export const loadSheetJs = async (format: 'xls' | 'ods'): Promise<typeof SheetJS> => {
  const xlsx = await import('@e965/xlsx');
  if (format === 'xls') xlsx.set_cptable(await import('@e965/xlsx/dist/cpexcel.full.mjs'));
  return xlsx;
};

/**
 * SheetJS writes its doubts about a file's number formats ("ODS number format may be
 * incorrect") to the console, where they would land amid the command's output and the
 * server's log. The read is synchronous, so nothing else writes meanwhile.
 */
function quietly<T>(read: () => T): T {
  /* eslint-disable no-console -- silencing a library's console output, not writing to it */
  const { error, warn } = console;
  console.error = () => undefined;
  console.warn = () => undefined;
  try {
    return read();
  } finally {
    console.error = error;
    console.warn = warn;
  }
  /* eslint-enable no-console */
}

/** A SheetJS cell as text: a formula's cached result, a date's day, '' for an error. */
function sheetJsText(cell: SheetJS.CellObject | null | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  switch (cell.t) {
    case 'e':
    case 'z':
      return '';
    case 'd':
      return v instanceof Date ? isoDay(v) : typeof v === 'string' ? v : '';
    default:
      if (v === null || v === undefined) return '';
      if (v instanceof Date) return isoDay(v);
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : '';
  }
}

/** The sheets of an .xls or .ods, by SheetJS. */
export async function sheetJsSheets(
  file: string,
  bytes: Buffer,
  format: 'xls' | 'ods',
): Promise<SheetGrid[]> {
  const xlsx = await loadSheetJs(format);
  let workbook: SheetJS.WorkBook;
  try {
    workbook = quietly(() =>
      xlsx.read(bytes, {
        type: 'buffer',
        dense: true,
        cellDates: true,
        cellFormula: false,
        cellHTML: false,
        cellNF: false,
        cellStyles: false,
        cellText: false,
        bookVBA: false,
        WTF: false,
      }),
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(message))
      throw new InputError([
        {
          file,
          message: 'the workbook is protected by a password',
          fix: 'open it, remove the password (File → Info → Protect Workbook), and save it again',
          code: 'workbook_password',
        },
      ]);
    throw cannotOpen(file, err, format === 'xls' ? '.xlsx' : '.ods or .xlsx');
  }
  const budget = new CellBudget(file);
  try {
    const names = Array.isArray(workbook.SheetNames) ? workbook.SheetNames : [];
    return names.map((name, i) => {
      const sheet = workbook.Sheets[name];
      const data = (sheet?.['!data'] ?? []) as (SheetJS.CellObject | null)[][];
      const rows: GridRow[] = [];
      data.forEach((row, r) => {
        if (!Array.isArray(row)) return;
        const values = new Map<number, string>();
        let width = 0;
        row.forEach((cell, c) => {
          if (c > 16383) return;
          const text = sheetJsText(cell);
          if (text === '') return;
          values.set(c, text);
          width = Math.max(width, c + 1);
        });
        budget.spend(name, r + 1, width);
        if (width) rows.push({ row: r + 1, cells: dense(values, width) });
      });
      const merges = (Array.isArray(sheet?.['!merges']) ? sheet['!merges'] : [])
        .filter((m) => m?.s && m.e)
        .map((m) => ({ top: m.s.r + 1, bottom: m.e.r + 1, left: m.s.c, right: m.e.c }));
      const hidden = workbook.Workbook?.Sheets?.[i]?.Hidden;
      return { name: String(name), number: i + 1, hidden: Boolean(hidden), rows, merges };
    });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw cannotOpen(file, err, '.xlsx');
  }
}

/** Rows of data under a sheet's header (blank rows, totals and notes not counted). */
function dataRows(s: SheetGrid, headerScore?: (cells: string[]) => number): number {
  const at = headerCandidate(s.rows, headerScore)?.index ?? -1;
  let n = 0;
  const body = new TableBody(() => n++);
  for (const g of s.rows.slice(at + 1)) body.push(g);
  body.end();
  return n;
}

/** The sheets' names alone, for the words of another language. */
const named = (sheets: SheetGrid[]): string =>
  `${sheets
    .slice(0, 6)
    .map((s) => `"${shorten(s.name, 40)}"`)
    .join(', ')}${sheets.length > 6 ? ', …' : ''}`;

const described = (sheets: SheetGrid[], headerScore?: (cells: string[]) => number): string => {
  const shown = sheets
    .slice(0, 6)
    .map((s) => `"${shorten(s.name, 40)}" (${s.number}, ${dataRows(s, headerScore)} rows)`)
    .join(', ');
  return sheets.length > 6 ? `${shown} and ${sheets.length - 6} more` : shown;
};

/**
 * The sheet to read: the one named (by name, or by its number from 1), else the only
 * visible sheet that holds a table (a header row can be found in it; with the kind's
 * scorer, one that knows the kind's column names is preferred). Several candidates and
 * none named: an error listing them, never a guess. Hidden sheets are read only when named.
 */
export function chooseSheet(
  file: string,
  sheets: SheetGrid[],
  wanted: string | undefined,
  headerScore?: (cells: string[]) => number,
): { sheet: SheetGrid; notice?: Notice } {
  if (wanted !== undefined) {
    const w = wanted.trim();
    const sheet =
      sheets.find((s) => s.name === wanted) ??
      sheets.find((s) => s.name.trim().toLowerCase() === w.toLowerCase()) ??
      (/^\d{1,4}$/.test(w) ? sheets.find((s) => s.number === Number(w)) : undefined);
    if (!sheet)
      throw new InputError([
        {
          file,
          message: `the workbook has no sheet "${shorten(wanted, 40)}"; its sheets: ${described(sheets, headerScore) || 'none'}`,
          fix: 'name one of its sheets, by name or by number (1 is the first)',
          code: 'no_such_sheet',
          params: { sheet: shorten(wanted, 40), sheets: named(sheets) || '—' },
        },
      ]);
    return { sheet };
  }
  const visible = sheets.filter((s) => !s.hidden);
  const withRows = visible.filter((s) => s.rows.some((g) => !isBlank(g.cells)));
  const candidates = withRows
    .map((s) => ({ s, c: headerCandidate(s.rows, headerScore) }))
    .filter((x) => x.c !== undefined);
  const recognised = candidates.filter((x) => x.c!.recognised);
  // Sheets of one column have no header to tell a table by: then any sheet with rows counts.
  const pool = recognised.length
    ? recognised
    : candidates.length
      ? candidates
      : withRows.map((s) => ({ s, c: undefined }));
  if (pool.length > 1)
    throw new InputError([
      {
        file,
        message: `the workbook has ${pool.length} sheets with a table: ${described(
          pool.map((x) => x.s),
          headerScore,
        )}`,
        fix: 'say which one to import: --sheet NAME|N on the command line, the "sheet" parameter in the API',
        code: 'several_sheets',
        params: {
          count: pool.length,
          sheets: named(pool.map((x) => x.s)),
        },
      },
    ]);
  const chosen = pool[0]?.s;
  if (!chosen) {
    const hidden = sheets.filter((s) => s.hidden && s.rows.some((g) => !isBlank(g.cells)));
    throw new InputError([
      {
        file,
        message: hidden.length
          ? `the workbook's visible sheets are empty; hidden sheets: ${described(hidden, headerScore)}`
          : 'the workbook has no rows',
        fix: hidden.length
          ? 'name the hidden sheet to import (--sheet NAME|N), or unhide it'
          : 'put the table on the first sheet, with column names on its first row',
        ...(hidden.length
          ? {
              code: 'only_hidden_sheets',
              params: { sheets: named(hidden) },
            }
          : { code: 'workbook_empty' }),
      },
    ]);
  }
  const others = sheets.filter((s) => s !== chosen);
  return {
    sheet: chosen,
    ...(others.length
      ? {
          notice: notice(
            'sheet_chosen',
            { sheet: shorten(chosen.name, 40), count: sheets.length },
            `${file}: read the sheet "${shorten(chosen.name, 40)}", the only one with a table (the workbook has ${sheets.length} sheets)`,
          ),
        }
      : {}),
  };
}
