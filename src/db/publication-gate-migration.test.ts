import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/databases.js';
import { down, up } from './migrations/2026-12-05-015-publication-gate.js';

describeEachDb('migration 015: the publication gate', (get) => {
  it('marks the sources `polon synth` wrote before the flag existed, and no other', async () => {
    const { db } = get();
    await down(db.kysely);
    const row = (id: string) =>
      sql`insert into sources (id, title, reliability, credibility, updated_at)
          values (${id}, 'x', 'F', 6, 'now')`.execute(db.kysely);
    await row('synth-ua_register');
    await row('hotline');
    await up(db.kysely);
    const rows = await db.kysely
      .selectFrom('sources')
      .select(['id', 'synthetic'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.id, Number(r.synthetic)])).toEqual([
      ['hotline', 0],
      ['synth-ua_register', 1],
    ]);
    expect(await db.kysely.selectFrom('published_estimates').selectAll().execute()).toEqual([]);
  });
});
