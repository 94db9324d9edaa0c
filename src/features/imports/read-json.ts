import { InputError, shorten, type InputProblem } from '../../core/app-error.js';
import type { Notice } from './message-codes.js';
import type { SniffedText } from './detect-text.js';
import {
  cellTooLong,
  fileProblem,
  MAX_CELL_BYTES,
  type RawRow,
  type RawTable,
} from './raw-table.js';

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

export function readJson(
  file: string,
  text: string,
  sniffed: SniffedText,
  notices: Notice[],
  key?: string,
): RawTable {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw fileProblem(
      file,
      `the JSON cannot be read: ${shorten((err as Error).message, 120)}`,
      'check the file with a JSON validator',
      'json_unreadable',
    );
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object'
      ? ((key && (data as Record<string, unknown>)[key]) ?? (data as Record<string, unknown>).rows)
      : undefined;
  if (!Array.isArray(list)) {
    throw fileProblem(
      file,
      'the JSON holds no list of rows',
      `give an array of objects, or an object with a "${key ?? 'rows'}" array`,
      'json_no_rows',
      { key: key ?? 'rows' },
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
        code: 'json_not_object',
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
          code: 'json_nested',
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
