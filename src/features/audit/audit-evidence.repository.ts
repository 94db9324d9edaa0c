import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';

/** Tables written only together with an audit row (person imports, `polon user add`). */
const AUDITED_TABLES = ['records', 'accounts'] as const;

/** Those of the audited tables that hold rows: they show that a log was written. */
export async function personalTablesWithRows(db: Kysely<Database>): Promise<string[]> {
  const out: string[] = [];
  for (const t of AUDITED_TABLES) {
    const row = await db.selectFrom(t).select('id').limit(1).executeTakeFirst();
    if (row) out.push(t);
  }
  return out;
}
