import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/databases.js';
import { migrateToLatest } from './migrate.js';

describeEachDb('migrations', (get) => {
  it('creates every table, and running again applies nothing', async () => {
    const { db, config } = get();
    const again = await migrateToLatest(db, config.pgSchema);
    expect(again.applied).toEqual([]);
    const tables = await db.kysely.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const t of [
      'sources',
      'exchanges',
      'claims',
      'facilities',
      'audit_log',
      'body_repatriations',
    ]) {
      expect(names).toContain(t);
    }
  });

  it('refuses a negative count and an unknown territory', async () => {
    const { db } = get();
    await expect(
      sql`insert into exchanges (id, kind, date_start, date_from, date_to, returned, returned_qualifier, updated_at)
          values ('x', 'exchange', '2024-01-01', '2024-01-01', '2024-01-01', -3, 'exact', 'now')`.execute(
        db.kysely,
      ),
    ).rejects.toThrow();
    await expect(
      sql`insert into facilities (id, name_en, type, territory, held, status, certainty, updated_at)
          values ('f', 'F', 'sizo', 'XX', 'both', 'active', 'reported', 'now')`.execute(db.kysely),
    ).rejects.toThrow();
  });

  it('keeps citations pointing at known sources only', async () => {
    const { db } = get();
    await sql`insert into exchanges (id, kind, date_start, date_from, date_to, returned_qualifier, updated_at)
        values ('x', 'exchange', '2024-01-01', '2024-01-01', '2024-01-01', 'unknown', 'now')`.execute(
      db.kysely,
    );
    await expect(
      db.kysely
        .insertInto('exchange_sources')
        .values({ exchange_id: 'x', source_id: 'nope', position: 0, note: null })
        .execute(),
    ).rejects.toThrow();
  });
});
