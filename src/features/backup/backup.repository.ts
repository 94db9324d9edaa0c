import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/index.js';

type Conn = Kysely<Database> | Transaction<Database>;
type Dialect = 'sqlite' | 'postgres';
export type Row = Record<string, unknown>;

/**
 * Tables a backup leaves out. Sessions are live logins: a restored database starts with
 * everyone logged out. Kysely's own tables are rebuilt by the migrations.
 */
const SKIPPED = new Set(['sessions', 'kysely_migration', 'kysely_migration_lock']);

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Tables its foreign keys point to (itself excluded). */
  parents: string[];
}

/**
 * Every table of the database, parents before children, found from the catalogue so that a
 * table added by a later migration is backed up without anyone remembering to list it.
 */
export async function listTables(db: Conn, dialect: Dialect): Promise<TableInfo[]> {
  const tables: TableInfo[] = [];
  if (dialect === 'sqlite') {
    const names = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
      order by name`.execute(db);
    for (const { name } of names.rows) {
      if (SKIPPED.has(name)) continue;
      const cols = await sql<{ name: string; pk: number }>`
        select name, pk from pragma_table_info(${name}) order by cid`.execute(db);
      const fks = await sql<{ table: string }>`
        select "table" from pragma_foreign_key_list(${name})`.execute(db);
      tables.push({
        name,
        columns: cols.rows.map((c) => c.name),
        primaryKey: cols.rows
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        parents: [...new Set(fks.rows.map((f) => f.table))].filter((t) => t !== name),
      });
    }
  } else {
    const names = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
      order by table_name`.execute(db);
    const pks = await sql<{ table: string; column: string }>`
      select tc.table_name as table, kcu.column_name as column
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
      where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY'
      order by kcu.ordinal_position`.execute(db);
    const fks = await sql<{ table: string; parent: string }>`
      select distinct tc.table_name as table, ccu.table_name as parent
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu
        on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.table_schema
      where tc.table_schema = current_schema() and tc.constraint_type = 'FOREIGN KEY'`.execute(db);
    const cols = await sql<{ table: string; column: string }>`
      select table_name as table, column_name as column from information_schema.columns
      where table_schema = current_schema() order by ordinal_position`.execute(db);
    for (const { name } of names.rows) {
      if (SKIPPED.has(name)) continue;
      tables.push({
        name,
        columns: cols.rows.filter((c) => c.table === name).map((c) => c.column),
        primaryKey: pks.rows.filter((p) => p.table === name).map((p) => p.column),
        parents: fks.rows.filter((f) => f.table === name && f.parent !== name).map((f) => f.parent),
      });
    }
  }
  return parentsFirst(tables);
}

function parentsFirst(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const out: TableInfo[] = [];
  const done = new Set<string>();
  const visit = (t: TableInfo, path: Set<string>): void => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const p of t.parents) {
      const parent = byName.get(p);
      if (parent) visit(parent, path);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

/** The migrations a database has had, by name; none for a database never migrated. */
export async function appliedMigrations(db: Conn, dialect: Dialect): Promise<string[]> {
  const exists =
    dialect === 'sqlite'
      ? sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'kysely_migration'`
      : sql<{ n: number }>`select count(*) as n from information_schema.tables
          where table_schema = current_schema() and table_name = 'kysely_migration'`;
  if (!Number((await exists.execute(db)).rows[0]?.n)) return [];
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    db,
  );
  return r.rows.map((m) => m.name);
}

/**
 * A table's rows in primary-key order, a batch at a time: a single-column key pages by
 * value (fast on a million records); other tables, which are small, by offset.
 */
export async function* readRows(db: Conn, t: TableInfo, batch = 2000): AsyncGenerator<Row> {
  // Without a primary key, every column orders the rows, so offsets stay stable.
  const order = t.primaryKey.length ? t.primaryKey : t.columns;
  const orderBy = sql.join(order.map((c) => sql.ref(c)));
  const key = t.primaryKey.length === 1 ? t.primaryKey[0] : undefined;
  let last: unknown = undefined;
  let offset = 0;
  for (;;) {
    const where =
      key !== undefined && last !== undefined ? sql`where ${sql.ref(key)} > ${last}` : sql``;
    const page = key !== undefined ? sql`limit ${batch}` : sql`limit ${batch} offset ${offset}`;
    const r =
      await sql<Row>`select * from ${sql.table(t.name)} ${where} order by ${orderBy} ${page}`.execute(
        db,
      );
    for (const row of r.rows) yield row;
    if (r.rows.length < batch) return;
    offset += r.rows.length;
    if (key !== undefined) last = r.rows[r.rows.length - 1]?.[key];
  }
}

export async function insertRows(db: Conn, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {});
  // Both databases cap the parameters of one statement (SQLite 32766, PostgreSQL 65535).
  const per = Math.max(1, Math.floor(30_000 / Math.max(1, columns.length)));
  for (let i = 0; i < rows.length; i += per) {
    const values = rows
      .slice(i, i + per)
      .map((r) => sql`(${sql.join(columns.map((c) => r[c] ?? null))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(
      db,
    );
  }
}

export async function countRows(db: Conn, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export async function deleteRows(db: Conn, table: string): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(db);
}

/**
 * After rows were inserted with their own ids, PostgreSQL's sequences must move past them,
 * or the next audit row would reuse a number. SQLite's AUTOINCREMENT follows by itself.
 */
export async function advanceSequences(db: Conn, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  const cols = await sql<{ table: string; column: string }>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = current_schema() and column_default like 'nextval(%'`.execute(db);
  for (const c of cols.rows) {
    await sql`select setval(pg_get_serial_sequence(${c.table}, ${c.column}), coalesce((select max(${sql.ref(c.column)}) from ${sql.table(c.table)}), 0) + 1, false)`.execute(
      db,
    );
  }
}

/** SQLite checks foreign keys at commit, so rows may arrive in any order within a table. */
export async function deferForeignKeys(db: Conn, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(db);
}
