import type { InputProblem } from '../../core/app-error.js';
import type { OnProgress } from '../../core/progress.js';
import type { ParseOptions, ParsedRow, WriteCounts } from './import-kind.js';
import type { CsvEncoding } from './csv-encoding.js';
import type { Detected, SkippedRow } from './raw-table.js';
import type { SheetsReader } from './read-table.js';
import type { Notice } from './message-codes.js';

/**
 * What an import is given and what it gives back, and the events a CSV read yields on the
 * way. The runner for files read whole, the streaming runner and the row readers all speak
 * these; here, in a module of their own, none of them imports another to learn them.
 */

/** Problems listed in one report; beyond it they are counted, not listed. */
export const MAX_PROBLEMS = 1000;

export interface ImportOptions extends ParseOptions {
  /** Stream a CSV file (default: when it is larger than 16 MiB). */
  stream?: boolean;
  dryRun?: boolean;
  /** Header in the file → column, for files whose headers Polon does not recognise. */
  mapping?: Record<string, string>;
  actor?: string;
  now?: Date;
  /** CSV: the delimiter (",", ";", "tab", "|"); detected when not given. */
  delimiter?: string;
  /** CSV and JSON: the encoding (utf-8, utf-16le, utf-16be, windows-1251, koi8-u, koi8-r); detected when not given. */
  encoding?: string;
  /** Workbooks: the sheet, by name or number from 1; needed when several sheets hold a table. */
  sheet?: string;
  /** Workbooks: what unpacks and parses them (the server: a worker thread with a memory limit). */
  readSheets?: SheetsReader;
  /**
   * Told how far the import has got: a file read whole is read ("reading", bytes), checked
   * ("checking", rows) and written ("writing", rows); a streamed CSV does all three in one
   * pass ("importing", bytes of the file, with the rows checked and written).
   */
  onProgress?: OnProgress;
}

export interface ImportResult extends WriteCounts {
  kind: string;
  file: string;
  rows: number;
  dryRun: boolean;
  notices: Notice[];
  /** The source named for the whole file (`--source`), when one was. */
  source?: string;
  /** Format, encoding, delimiter, sheet and header row, as read. */
  detected: Detected;
  /** Rows left out: above the header, totals, notes under the table. */
  skippedRows: SkippedRow[];
}

/** How a CSV is read: what the import was given, and the encoding and delimiter settled on. */
export type CsvReadOptions = Pick<ImportOptions, 'mapping' | 'dateOrder' | 'source'> & {
  encoding?: CsvEncoding;
  delimiter?: string;
  /** Yield `progress` events as the file is read. */
  progress?: boolean;
};

/** What reading and validating a CSV yields, in file order, for a writer to act on. */
export type RowEvent<T> =
  | { type: 'problems'; problems: InputProblem[] }
  | { type: 'notices'; notices: Notice[] }
  /** How the file names the kind's columns, for messages about rows found later. */
  | { type: 'header'; shownAs: Record<string, string> }
  /** The header's line, once found. */
  | { type: 'detected'; headerRow: number }
  /** Rows left out (above the header, totals, notes under the table), at the end. */
  | { type: 'skipped'; rows: SkippedRow[] }
  | { type: 'batch'; rows: ParsedRow<T>[] }
  /** How far the reader has got: bytes of the file read, data rows checked (when asked). */
  | { type: 'progress'; bytes: number; rows: number };

export interface CsvSummary {
  /** Data rows read (header, title, blank and total rows not counted). */
  rows: number;
  sha256: string;
}
