import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database, FlatRows } from '../../db/index.js';
import type {
  ColumnSpec,
  ImportKind,
  InputProblem,
  ParseOptions,
  ParsedRow,
  UnresolvedPlace,
  WriteContext,
  WriteCounts,
} from './import-kind.js';
import type { Notice } from './message-codes.js';

type Trx = Transaction<Database> | Kysely<Database>;
type Schema<T> = z.ZodType<T, Record<string, string>>;
export type TableRow = Record<string, unknown>;

/** What `toRow` is told besides the row's value. */
export interface RowContext<L> {
  now: string;
  /** The row's id (`id(value)`), worked out once. */
  id: string;
  /** What the definition's `lookup` found for this row (its facility in the gazetteer). */
  found: L;
}

/**
 * Something looked up for a whole batch of rows before they become table rows (the places
 * they name, in the gazetteer); what could not be found is told, never guessed.
 */
export type RowLookup<T, L> = (
  trx: Trx,
  rows: ParsedRow<T>[],
  file: string,
) => Promise<{ found: L[]; notices: Notice[]; unresolvedPlaces: UnresolvedPlace[] }>;

/**
 * Rows of another table owned by each row and replaced with it (its citations, its aliases):
 * returns the ids of the rows whose links changed, which count as updated.
 */
export type LinkWrite<T> = (
  trx: Trx,
  rows: ParsedRow<T>[],
  ctx: WriteContext,
) => Promise<Set<string>>;

/**
 * One kind of import said once: its columns and their other names, the schema a row's cells
 * pass, how a row is identified, and which table it becomes a row of and how. The one writer
 * (`writeDefined`) does the rest the same way for every kind: look up, shape, upsert, links,
 * counts.
 */
export interface ImportDefinition<T, L = undefined, R extends TableRow = TableRow> {
  kind: string;
  /** Key of the array in a JSON file that holds an object (default: `kind`). */
  jsonKey?: string;
  columns: ColumnSpec[];
  /** Other names of columns; a kind with them also finds its header below title rows. */
  headerAliases?: Record<string, string[]>;
  schema: Schema<T>;
  /** The schema for a file's options (day order, `--source`); overrides `schema`. */
  schemaFor?: (options: ParseOptions) => Schema<T>;
  id: (value: T) => string;
  idColumn?: string;
  repeat?: ImportKind<T>['repeat'];
  references?: ImportKind<T>['references'];
  /** The table a row becomes a row of, keyed by `key` (default "id"). */
  table: keyof Database;
  key?: string;
  lookup?: RowLookup<T, L>;
  /** The table row: every row with the same keys in the same order (one object literal). */
  toRow(value: T, ctx: RowContext<L>): R;
  /** Rows not to write, each with what to tell the user (a facility merged into another). */
  skip?(trx: Trx, rows: ParsedRow<T>[]): Promise<{ row: ParsedRow<T>; notice: Notice }[]>;
  /** Fills table rows in before they are written (coordinates from the gazetteer); notices. */
  complete?(rows: R[]): Promise<Notice[]>;
  links?: LinkWrite<T>[];
  /** A change of links is a change of the row: its `updated_at` moves. */
  linksTouchRow?: boolean;
  /** What else the rows state, written after them (a person row's events). */
  after?(
    trx: Trx,
    written: { rows: ParsedRow<T>[]; table: R[]; updatedKeys: Set<string> },
    ctx: WriteContext,
  ): Promise<Omit<WriteCounts, 'inserted' | 'updated' | 'unchanged'>>;
  /** As `ImportKind.parallel`, with table, key and row shape taken from the definition. */
  parallel?: {
    module: string;
    exportName: string;
    referenceFields: readonly string[];
    after?(
      trx: Trx,
      rows: FlatRows,
      rowNumbers: number[],
      updatedKeys: Set<string>,
      ctx: WriteContext,
    ): Promise<Omit<WriteCounts, 'inserted' | 'updated' | 'unchanged'>>;
  };
}

export type { InputProblem };
