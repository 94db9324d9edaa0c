import { InputError, shorten, type InputProblem } from '../../core/app-error.js';
import type { FileProblemCode, MessageParams, Notice } from './message-codes.js';

/**
 * What the read stage gives: a table as read from a file, before any validation, what was
 * found out about the file, and the rows left out. Its own module so that the readers of
 * each format and the locate stage share it without importing one another.
 */

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
  notices: Notice[];
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

/** A problem of the whole file, as every reader reports it. */
export const fileProblem = (
  file: string,
  message: string,
  fix: string,
  code: FileProblemCode,
  params?: MessageParams,
): InputError => new InputError([{ file, message, fix, code, ...(params ? { params } : {}) }]);

/** A CSV row over the limit fails in the parser; XLSX and JSON cells are checked one by one. */
export const cellTooLong = (file: string, row: number, column: string): InputProblem => ({
  file,
  row,
  column: shorten(column),
  message: `the cell is longer than ${MAX_CELL_BYTES / 2 ** 20} MiB`,
  fix: 'shorten the text or leave it out; long documents belong in a source, not a cell',
  code: 'cell_too_long' satisfies FileProblemCode,
  params: { mib: MAX_CELL_BYTES / 2 ** 20 },
});
