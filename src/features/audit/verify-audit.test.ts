import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/databases.js';
import { appendAudit, auditHash } from './audit.repository.js';
import { verifyAudit } from './verify-audit.js';

describeEachDb('audit verification', (get) => {
  async function seed() {
    const { db } = get();
    for (let i = 1; i <= 5; i++)
      await appendAudit(db.kysely, {
        actor: 'tester',
        action: 'import',
        entity: 'exchanges',
        details: { rows: i },
      });
    const rows = await db.kysely.selectFrom('audit_log').select('seq').orderBy('seq').execute();
    return { db, seqs: rows.map((r) => Number(r.seq)) };
  }

  it('accepts an untouched log and gives its head hash', async () => {
    const { db } = await seed();
    const v = await verifyAudit(db.kysely);
    expect(v).toMatchObject({ rows: 5, ok: true, problems: [] });
    expect(v.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds a changed row and says which', async () => {
    const { db, seqs } = await seed();
    await db.kysely
      .updateTable('audit_log')
      .set({ actor: 'someone-else' })
      .where('seq', '=', seqs[2]!)
      .execute();
    const v = await verifyAudit(db.kysely);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ seq: seqs[2], kind: 'changed' })]);
  });

  it('finds a removed row at the row after it', async () => {
    const { db, seqs } = await seed();
    await db.kysely.deleteFrom('audit_log').where('seq', '=', seqs[1]!).execute();
    const v = await verifyAudit(db.kysely);
    expect(v.problems.map((p) => [p.kind, p.seq])).toEqual([
      ['gap', seqs[2]],
      ['chain_broken', seqs[2]],
      ['truncated', seqs[4]],
    ]);
  });

  it('finds a forged row slipped in, even with a correct hash of its own', async () => {
    const { db, seqs } = await seed();
    const second = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', seqs[1]!)
      .executeTakeFirstOrThrow();
    const forged = { actor: 'forger', action: 'import', entity: 'exchanges', entityId: null };
    const at = second.at;
    await db.kysely
      .insertInto('audit_log')
      .values({
        seq: seqs[4]! + 10,
        at,
        actor: forged.actor,
        action: forged.action,
        entity: forged.entity,
        entity_id: null,
        details: '{}',
        prev_hash: second.hash,
        hash: auditHash(second.hash, at, forged, '{}'),
      })
      .execute();
    const v = await verifyAudit(db.kysely);
    expect(v.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ seq: seqs[4]! + 10, kind: 'chain_broken' }),
      ]),
    );
  });
});
