import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';

/**
 * Workbooks written for tests the way documenters' spreadsheets come: cells of every kind,
 * merged ranges, hidden sheets; one model written by ExcelJS (.xlsx) or SheetJS (.xls, .ods).
 */

export type ModelCell =
  | string
  | number
  | boolean
  | Date
  | { formula: string; result: string | number | { error: string } }
  | { text: string; hyperlink: string }
  | { richText: string[] }
  | null;

export interface SheetModel {
  name: string;
  hidden?: boolean;
  /** Row n of the sheet is rows[n - 1]; undefined: a row with nothing in it. */
  rows: (ModelCell[] | undefined)[];
  /** Rows from 1, columns from 0, as the reader numbers them. */
  merges?: { top: number; bottom: number; left: number; right: number }[];
}

/** The text the reader should give a cell. */
export function cellText(c: ModelCell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'object') {
    if ('formula' in c) return typeof c.result === 'object' ? '' : cellText(c.result);
    if ('hyperlink' in c) return c.text;
    return c.richText.join('');
  }
  return String(c);
}

const column = (c: number): string => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** An .xlsx of the sheets, by ExcelJS. */
export async function xlsxOf(sheets: SheetModel[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    s.rows.forEach((cells, r) => {
      cells?.forEach((c, i) => {
        if (c === null) return;
        const cell = sheet.getCell(r + 1, i + 1);
        if (typeof c === 'object' && !(c instanceof Date) && 'richText' in c)
          cell.value = { richText: c.richText.map((text) => ({ text })) };
        else if (typeof c === 'object' && !(c instanceof Date) && 'formula' in c)
          cell.value = {
            formula: c.formula,
            result: c.result as ExcelJS.CellFormulaValue['result'],
          };
        else cell.value = c;
      });
    });
    for (const m of s.merges ?? [])
      sheet.mergeCells(`${column(m.left)}${m.top}:${column(m.right)}${m.bottom}`);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const ERRORS: Record<string, number> = { '#DIV/0!': 0x07, '#N/A': 0x2a, '#REF!': 0x17 };

function sheetJsCell(c: ModelCell): XLSX.CellObject | undefined {
  if (c === null) return undefined;
  if (c instanceof Date)
    return { t: 'n', v: (c.getTime() - EXCEL_EPOCH) / 86_400_000, z: 'm/d/yy' };
  if (typeof c === 'string') return { t: 's', v: c };
  if (typeof c === 'number') return { t: 'n', v: c };
  if (typeof c === 'boolean') return { t: 'b', v: c };
  if ('formula' in c) {
    const r = c.result;
    if (typeof r === 'object') return { t: 'e', v: ERRORS[r.error] ?? 0x07, f: c.formula };
    return typeof r === 'number' ? { t: 'n', v: r, f: c.formula } : { t: 's', v: r, f: c.formula };
  }
  if ('hyperlink' in c) return { t: 's', v: c.text, l: { Target: c.hyperlink } };
  return { t: 's', v: c.richText.join('') };
}

/** An .xls (BIFF8) or .ods of the sheets, by SheetJS. */
export function sheetJsOf(sheets: SheetModel[], bookType: 'xls' | 'ods'): Buffer {
  const workbook = XLSX.utils.book_new();
  for (const s of sheets) {
    const sheet: XLSX.WorkSheet = {};
    let rows = 0;
    let cols = 0;
    s.rows.forEach((cells, r) => {
      cells?.forEach((c, i) => {
        const cell = sheetJsCell(c);
        if (!cell) return;
        sheet[XLSX.utils.encode_cell({ r, c: i })] = cell;
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, i + 1);
      });
    });
    sheet['!ref'] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: Math.max(rows - 1, 0), c: Math.max(cols - 1, 0) },
    });
    if (s.merges?.length)
      sheet['!merges'] = s.merges.map((m) => ({
        s: { r: m.top - 1, c: m.left },
        e: { r: m.bottom - 1, c: m.right },
      }));
    XLSX.utils.book_append_sheet(workbook, sheet, s.name);
  }
  workbook.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) };
  return XLSX.write(workbook, { bookType, type: 'buffer' }) as Buffer;
}

/** The sheets as a workbook of the format. */
export async function workbookOf(
  sheets: SheetModel[],
  format: 'xlsx' | 'xls' | 'ods',
): Promise<Buffer> {
  return format === 'xlsx' ? xlsxOf(sheets) : sheetJsOf(sheets, format);
}
