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
  // Kysely's typing cannot follow a table chosen at run time; the callers' row types are
  // checked where they build the rows.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const k = db as unknown as Kysely<any>;
  const t: string = table;
  const col: string = key;
  const outcome: UpsertOutcome = { inserted: 0, updated: 0, unchanged: 0, changed: new Set() };
  if (rows.length === 0) return outcome;
  const existing = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => String(r[key]));
    const found = (await k.selectFrom(t).selectAll().where(col, 'in', ids).execute()) as Record<
      string,
      unknown
    >[];
    for (const f of found) existing.set(String(f[key]), f);
  }
  const toInsert: Record<string, unknown>[] = [];
  for (const row of rows) {
    const id = String(row[key]);
    const old = existing.get(id);
    if (!old) {
      toInsert.push(row);
      outcome.changed.add(id);
      continue;
    }
    const differs = Object.keys(row).some((c) => !ignore.includes(c) && !same(old[c], row[c]));
    if (!differs) {
      outcome.unchanged++;
      continue;
    }
    await k.updateTable(t).set(row).where(col, '=', id).execute();
    outcome.updated++;
    outcome.changed.add(id);
  }
  await insertRaw(db, t, toInsert);
  outcome.inserted = toInsert.length;
  return outcome;
}

/**
 * Multi-row inserts written as SQL text once per batch size: building and compiling a query
 * tree for every thousand rows cost more than the database's own work on large imports.
 * Names come from the table types, never from input; values are always bound parameters.
 */
async function insertRaw(db: AnyDb, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {});
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
  const batch = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / columns.length));
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  const texts = new Map<number, string>();
  for (let i = 0; i < rows.length; i += batch) {
    const slice = rows.slice(i, i + batch);
    let text = texts.get(slice.length);
    if (!text) {
      let n = 0;
      const tuple = (): string => `(${columns.map(() => (pg ? `$${++n}` : '?')).join(', ')})`;
      text = head + slice.map(tuple).join(', ');
      texts.set(slice.length, text);
    }
    const params: unknown[] = [];
    for (const r of slice) for (const c of columns) params.push(r[c] ?? null);
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}

function same(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return a === b;
}
