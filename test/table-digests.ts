import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../src/db/index.js';
import { tableCounts } from './table-counts.js';

/**
 * Each table's row count and a hash of its rows (sorted, so the order rows come back in does
 * not matter; numbers and strings as JSON), comparable across SQLite and PostgreSQL.
 */
export async function tableDigests(
  db: Db,
): Promise<Record<string, { rows: number; sha256: string }>> {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const [table, rows] of Object.entries(await tableCounts(db))) {
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
    out[table] = { rows, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
  }
  return out;
}
