import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { sqliteHandle } from './create-db.js';
import type { Database } from './tables.js';

export interface UpsertOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Keys of rows inserted or updated. */
  changed: Set<string>;
  /** Keys of rows that were there before and changed. */
  updatedKeys: Set<string>;
}

type AnyDb = Kysely<Database> | Transaction<Database>;

const PARAMS_PER_STATEMENT = 30_000;

/**
 * Inserts new rows and updates changed ones, keyed by one column, and says which were which.
 * Columns in `ignore` (timestamps) do not count as a change, so re-importing the same data
 * leaves every row as it was.
 */
export async function upsertRows<TB extends keyof Database>(
  db: AnyDb,
  table: TB,
  key: Extract<keyof Database[TB], string>,
  rows: Record<string, unknown>[],
  ignore: string[] = ['updated_at'],
  onRows?: RowsDone,
): Promise<UpsertOutcome> {
  const columns = Object.keys(rows[0] ?? {});
  const values: unknown[] = [];
  for (const r of rows) for (const c of columns) values.push(r[c] ?? null);
  return upsertTable(db, table, key, { columns, values }, ignore, onRows);
}

/**
 * Told how many of the rows given have been offered for insertion, every thousand rows or
 * so, and all of them once the rows already there are compared and updated: for a
 * progress bar.
 */
export type RowsDone = (done: number) => void;

/** Rows as one flat array of values, `columns.length` to a row: cheap to pass between threads. */
export interface FlatRows {
  columns: string[];
  values: unknown[];
}

/** `upsertRows` for rows already laid out flat. */
export async function upsertTable<TB extends keyof Database>(
  db: AnyDb,
  table: TB,
  key: Extract<keyof Database[TB], string>,
  { columns, values }: FlatRows,
  ignore: string[] = ['updated_at'],
  onRows?: RowsDone,
): Promise<UpsertOutcome> {
  // Kysely's typing cannot follow a table chosen at run time; the callers' row types are
  // checked where they build the rows.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const k = db as unknown as Kysely<any>;
  const t: string = table;
  const col: string = key;
  const outcome: UpsertOutcome = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    changed: new Set(),
    updatedKeys: new Set(),
  };
  const width = columns.length;
  const at = columns.indexOf(col);
  if (width === 0 || values.length === 0) return outcome;
  if (at < 0) throw new Error(`rows for ${t} lack their key column ${col}`);
  const n = values.length / width;
  const idOf = (i: number): string => String(values[i * width + at]);
  // New rows first, in bulk, skipping keys already there: a large first import then costs
  // inserts alone. Only the rows that were there are read back and compared.
  const inserted = await insertNew(db, t, col, columns, values, onRows);
  outcome.inserted = inserted.size;
  for (const id of inserted) outcome.changed.add(id);
  const rest: number[] = [];
  for (let i = 0; i < n; i++) if (!inserted.has(idOf(i))) rest.push(i);
  const existing = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < rest.length; i += 500) {
    const ids = rest.slice(i, i + 500).map(idOf);
    const found = (await k.selectFrom(t).selectAll().where(col, 'in', ids).execute()) as Record<
      string,
      unknown
    >[];
    for (const f of found) existing.set(String(f[col]), f);
  }
  const compared = columns.map((c, j) => (ignore.includes(c) ? -1 : j)).filter((j) => j >= 0);
  for (const i of rest) {
    const id = idOf(i);
    const old = existing.get(id);
    const base = i * width;
    if (old && compared.every((j) => same(old[columns[j] ?? ''], values[base + j]))) {
      outcome.unchanged++;
      continue;
    }
    const row = Object.fromEntries(columns.map((c, j) => [c, values[base + j]]));
    await k.updateTable(t).set(row).where(col, '=', id).execute();
    outcome.updated++;
    outcome.changed.add(id);
    outcome.updatedKeys.add(id);
  }
  onRows?.(n);
  return outcome;
}

/**
 * Inserts the rows whose key is not there yet and returns the keys of those it inserted.
 * Names come from the table types, never from input; values are always bound parameters.
 */
async function insertNew(
  db: AnyDb,
  table: string,
  key: string,
  columns: string[],
  values: unknown[],
  onRows?: RowsDone,
): Promise<Set<string>> {
  const inserted = new Set<string>();
  if (values.length === 0) return inserted;
  const width = columns.length;
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  const tail = ` on conflict ("${key}") do nothing`;
  return db.getExecutor().provideConnection(async (connection) => {
    const sqlite = sqliteHandle(connection);
    if (sqlite) {
      // One prepared single-row statement, run row by row without a promise each: in SQLite
      // this is faster than rows by the thousand in one statement (whose VALUES list runs
      // as a co-routine), and what it changed says whether each row went in.
      const keyAt = columns.indexOf(key);
      const insert = sqlite.prepare(`${head}(${columns.map(() => '?').join(', ')})${tail}`);
      const row = new Array<unknown>(width);
      const insertAll = (): void => {
        for (let base = 0; base < values.length; base += width) {
          for (let j = 0; j < width; j++) row[j] = values[base + j];
          if (insert.run(row).changes) inserted.add(String(row[keyAt]));
          // Every 1,024 rows: a test of a few bits when no one asks.
          if (onRows && ((base / width) & 1023) === 1023) onRows(base / width + 1);
        }
      };
      // Inside the caller's transaction the rows go straight in: a savepoint around them
      // would copy every page they touch to a journal first (a fifth of a large import).
      // Alone, they get a transaction of their own.
      if (sqlite.inTransaction) insertAll();
      else sqlite.transaction(insertAll)();
      return inserted;
    }
    // PostgreSQL: rows by the thousand in one statement, the inserted keys returned.
    const batch = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / width));
    const texts = new Map<number, string>();
    const statement = (size: number): string => {
      let text = texts.get(size);
      if (!text) {
        let p = 0;
        const tuple = (): string => `(${columns.map(() => `$${++p}`).join(', ')})`;
        text = `${head}${Array.from({ length: size }, tuple).join(', ')}${tail} returning "${key}"`;
        texts.set(size, text);
      }
      return text;
    };
    const n = values.length / width;
    for (let i = 0; i < n; i += batch) {
      const size = Math.min(batch, n - i);
      const params = values.slice(i * width, (i + size) * width);
      const result = await connection.executeQuery<Record<string, unknown>>(
        CompiledQuery.raw(statement(size), params),
      );
      for (const r of result.rows) inserted.add(String(r[key]));
      onRows?.(i + size);
    }
    return inserted;
  });
}

function same(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return a === b;
}
