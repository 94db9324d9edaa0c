import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { InputProblem } from '../../core/app-error.js';
import type { Database, FlatRows } from '../../db/index.js';
import type { Notice } from './message-codes.js';

export interface ColumnSpec {
  name: string;
  required: boolean;
  description: string;
  /** Personal data: its values are never echoed in error messages. */
  personal?: boolean;
  /** A required column that an import option may stand in for (`--source` for "source"). */
  orOption?: keyof ParseOptions;
}

export interface ParsedRow<T> {
  row: number;
  value: T;
  /** The kind's id of the row (`idOf`), when validation has worked it out already. */
  id?: string;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** What the user should know about rows that were written (an unresolved facility). */
  notices?: Notice[];
  /** Rows of other tables written from the same rows: a person row's events and episode. */
  facts?: { events: TableCounts; episodes: TableCounts };
  /** Places of detention the gazetteer does not know, kept as written. */
  unresolvedPlaces?: UnresolvedPlace[];
  /** Where the rows' ids came from: the file's id column, or the identifying content. */
  recordIds?: { fromFile: number; fromContent: number };
  /** The ids of the rows added and changed, where ids are public (the public dataset). */
  ids?: { inserted: string[]; updated: string[] };
}

export interface TableCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows stated by an earlier copy of the file and no longer by this one. */
  removed: number;
}

/** A place of detention the gazetteer does not know, with the matcher's best guesses. */
export interface UnresolvedPlace {
  row: number;
  text: string;
  candidates: { id: string; nameEn: string; score: number }[];
}

export interface ParseOptions {
  /** How to read slashed dates such as 5/3/2024; without it they are an error. */
  dateOrder?: 'DMY' | 'MDY';
  /**
   * The registered source of every row that names none: real files carry no source column,
   * so the user names it for the whole file (`--source ID`); a row's own cell still wins.
   */
  source?: string;
}

export interface WriteContext {
  file: string;
  now: string;
  /**
   * How many of the rows of this call are written so far, for a progress bar: a kind that
   * writes many rows may call it as it goes (person records do); others need not.
   */
  onRows?: (done: number) => void;
}

/**
 * One kind of thing that can be imported (sources, exchanges, …): its columns, the schema
 * that turns a row of text cells into a record, and how records are written. `write` runs
 * inside the import's transaction and may throw an InputError (an unknown source id, say);
 * the whole import then rolls back.
 */
export interface ImportKind<T> {
  kind: string;
  /** Key of the array in a JSON file that holds an object rather than a bare array. */
  jsonKey: string;
  columns: ColumnSpec[];
  /** Other names a column may go by (Прізвище, Фамилия, Surname, detention/facility …), by column. */
  headerAliases?: Record<string, string[]>;
  /** Scores a row as this kind's header; set for kinds whose files come with title rows. */
  headerScore?: (cells: string[]) => number;
  schema: z.ZodType<T, Record<string, string>>;
  /** Builds the schema for options a file needs (the day order of 5/3/2024); overrides `schema`. */
  schemaFor?(options: ParseOptions): z.ZodType<T, Record<string, string>>;
  idOf(value: T): string;
  /**
   * The n-th (2, 3, …) row whose id repeats an earlier row's, when the id was worked out
   * from the row's content and the row is a record of its own; undefined when a repeated id
   * is a mistake in the file (the default).
   */
  repeat?(value: T, n: number): T | undefined;
  /** The column that identifies a row, for messages about repeated rows (default "id"). */
  idColumn?: string;
  /** Problems with references to other records (an unknown source id), found before writing so they are reported with the rest. */
  references?(db: Kysely<Database>, rows: ParsedRow<T>[], file: string): Promise<InputProblem[]>;
  write(
    trx: Transaction<Database> | Kysely<Database>,
    rows: ParsedRow<T>[],
    ctx: WriteContext,
  ): Promise<WriteCounts>;
  /**
   * Set for kinds whose rows each become one row of one table (person records): a large CSV
   * of such a kind is then read, validated and shaped into table rows on a worker thread
   * while this thread writes, so the two halves of the work share the machine's cores.
   * `write` must do exactly what `upsertTable(table, key, rows.map(toRow))` does.
   */
  parallel?: ParallelImport<T>;
}

export interface ParallelImport<T> {
  /** `import.meta.url` of the module that exports the kind, for the worker to import. */
  module: string;
  exportName: string;
  table: keyof Database;
  key: string;
  /**
   * The table row: every row with the same keys in the same order (one object literal).
   * `id` is `idOf(value)` when known, so that a hashed id is not hashed again.
   */
  toRow(value: T, now: string, id?: string): Record<string, unknown>;
  /**
   * The fields `references` reads: only these travel back to the writing thread, and
   * `references` must judge a row by them alone, for rows with the same values are checked
   * once.
   */
  referenceFields: readonly string[];
  /**
   * What else the rows state, written after them in the same transaction (a person row's
   * events and detention episode); `rowNumbers` are the rows' lines in the file.
   */
  after?(
    trx: Transaction<Database> | Kysely<Database>,
    rows: FlatRows,
    rowNumbers: number[],
    updatedKeys: Set<string>,
    ctx: WriteContext,
  ): Promise<Omit<WriteCounts, 'inserted' | 'updated' | 'unchanged'>>;
}

export type AnyImportKind = ImportKind<unknown>;

export type { InputProblem };
