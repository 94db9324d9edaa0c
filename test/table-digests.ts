import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../src/db/index.js';

/** Every table of the database (Kysely's own aside), found in the catalogue. */
async function allTables(db: Db): Promise<string[]> {
  const r =
    db.dialect === 'sqlite'
      ? await sql<{ name: string }>`
          select name from sqlite_master where type = 'table'
          and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(
          db.kysely,
        )
      : await sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'
          and table_name not like 'kysely_%' order by table_name`.execute(db.kysely);
  return r.rows.map((t) => t.name);
}

/**
 * Each table's row count and a hash of its rows (sorted, so the order rows come back in does
 * not matter; numbers and strings as JSON), comparable across SQLite and PostgreSQL. Tables
 * are read from the catalogue, so one added by a later migration is compared too.
 */
export async function tableDigests(
  db: Db,
): Promise<Record<string, { rows: number; sha256: string }>> {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const table of await allTables(db)) {
    const r = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      db.kysely,
    );
    const lines = r.rows
      .map((row) =>
        JSON.stringify(
          Object.keys(row)
            .sort()
            .map((k) => [k, row[k] === undefined ? null : row[k]]),
        ),
      )
      .sort();
    out[table] = {
      rows: r.rows.length,
      sha256: createHash('sha256').update(lines.join('\n')).digest('hex'),
    };
  }
  return out;
}
