import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from './tables.js';

export interface UpsertOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Keys of rows inserted or updated. */
  changed: Set<string>;
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
): Promise<UpsertOutcome> {
  const columns = Object.keys(rows[0] ?? {});
  const values: unknown[] = [];
  for (const r of rows) for (const c of columns) values.push(r[c] ?? null);
  return upsertTable(db, table, key, { columns, values }, ignore);
}

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
): Promise<UpsertOutcome> {
  // Kysely's typing cannot follow a table chosen at run time; the callers' row types are
  // checked where they build the rows.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const k = db as unknown as Kysely<any>;
  const t: string = table;
  const col: string = key;
  const outcome: UpsertOutcome = { inserted: 0, updated: 0, unchanged: 0, changed: new Set() };
  const width = columns.length;
  const at = columns.indexOf(col);
  if (width === 0 || values.length === 0) return outcome;
  if (at < 0) throw new Error(`rows for ${t} lack their key column ${col}`);
  const n = values.length / width;
  const idOf = (i: number): string => String(values[i * width + at]);
  // New rows first, in bulk, skipping keys already there: a large first import then costs
  // inserts alone. Only the rows that were there are read back and compared.
  const inserted = await insertNew(db, t, col, columns, values);
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
  }
  return outcome;
}

/**
 * Multi-row inserts written as SQL text once per batch size: building and compiling a query
 * tree for every thousand rows cost more than the database's own work on large imports.
 * Names come from the table types, never from input; values are always bound parameters.
 * Rows whose key exists are skipped; the keys of the rows inserted come back.
 */
async function insertNew(
  db: AnyDb,
  table: string,
  key: string,
  columns: string[],
  values: unknown[],
): Promise<Set<string>> {
  const width = columns.length;
  const inserted = new Set<string>();
  if (values.length === 0) return inserted;
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
  const batch = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / width));
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  const tail = ` on conflict ("${key}") do nothing`;
  const returning = ` returning "${key}"`;
  const texts = new Map<number, string>();
  const statement = (size: number): string => {
    let text = texts.get(size);
    if (!text) {
      let p = 0;
      const tuple = (): string => `(${columns.map(() => (pg ? `$${++p}` : '?')).join(', ')})`;
      text = head + Array.from({ length: size }, tuple).join(', ') + tail;
      texts.set(size, text);
    }
    return text;
  };
  const run = (text: string, params: unknown[] = []) =>
    db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params));
  const n = values.length / width;
  const keyAt = columns.indexOf(key);
  for (let i = 0; i < n; i += batch) {
    const size = Math.min(batch, n - i);
    const params = values.slice(i * width, (i + size) * width);
    if (pg) {
      const result = await run(statement(size) + returning, params);
      for (const r of result.rows) inserted.add(String(r[key]));
      continue;
    }
    // SQLite builds a result row for every key returned, which cost a third of the insert.
    // Counting the changes says which rows went in when none or all did (a re-import, a new
    // file); only a batch that is partly new is undone and run again with the keys returned.
    await run('savepoint polon_insert_new');
    const changed = Number((await run(statement(size), params)).numAffectedRows ?? 0);
    if (changed === size) {
      for (let r = 0; r < size; r++) inserted.add(String(params[r * width + keyAt]));
    } else if (changed > 0) {
      await run('rollback to polon_insert_new');
      const result = await run(statement(size) + returning, params);
      for (const r of result.rows) inserted.add(String(r[key]));
    }
    await run('release polon_insert_new');
  }
  return inserted;
}

function same(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return a === b;
}
