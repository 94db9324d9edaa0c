import type { Kysely, Transaction } from 'kysely';
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
  const columns = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const batch = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / columns));
  for (let i = 0; i < toInsert.length; i += batch) {
    await k
      .insertInto(t)
      .values(toInsert.slice(i, i + batch))
      .execute();
  }
  outcome.inserted = toInsert.length;
  return outcome;
}

function same(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return a === b;
}
