import { expect, it } from 'vitest';
import { loginAs } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import { loadConfig } from '../../config.js';
import type { Db } from '../../db/index.js';
import { buildApp } from '../../server/index.js';

/** Twelve made-up records and six open pairs between them, as a linkage run leaves them. */
async function seed(db: Db): Promise<void> {
  const now = '2026-12-05T00:00:00.000Z';
  await db.kysely
    .insertInto('sources')
    .values(
      ['list_a', 'list_b'].map((id) => ({ id, reliability: 'B', credibility: 2, updated_at: now })),
    )
    .execute();
  await db.kysely
    .insertInto('records')
    .values(
      Array.from({ length: 12 }, (_, i) => ({
        id: `rec_b${String(i).padStart(2, '0')}`,
        source_id: i % 2 === 0 ? 'list_a' : 'list_b',
        source_record_id: `S${i}`,
        // The first pair: a Latin full name against Cyrillic parts.
        family_name: i === 0 ? null : i === 1 ? 'Савчук' : `Тестенко${i}`,
        given_name: i === 1 ? 'Дмитро' : null,
        full_name: i === 0 ? 'Savchuk Dmytro' : null,
        updated_at: now,
      })),
    )
    .execute();
  const pairs: [number, number, number, string, number][] = [
    [0, 1, 0.99, 'ambiguous', 0.04],
    [2, 3, 0.97, 'uncertain', 0.12],
    [4, 5, 0.999, 'conflict', 0.01],
    [6, 7, 0.96, 'ambiguous', 0.15],
    [6, 8, 0.955, 'ambiguous', 0.17],
    [9, 10, 0.6, 'uncertain', 0.96],
  ];
  await db.kysely
    .insertInto('review_pairs')
    .values(
      pairs.map(([a, b, probability, reason, priority]) => ({
        a_record_id: `rec_b${String(a).padStart(2, '0')}`,
        b_record_id: `rec_b${String(b).padStart(2, '0')}`,
        probability,
        reason,
        priority,
        levels: '{}',
        created_at: now,
        decision: null,
        decided_by: null,
        decided_at: null,
      })),
    )
    .execute();
}

interface Pair {
  a: string;
  b: string;
}

describeEachDb('batch accept of near-certain review pairs', (get) => {
  it('accepts what the reviewer was shown, refuses a pair decided meanwhile, and audits each pair', async () => {
    const { db } = get();
    await seed(db);
    const app = await buildApp({ db, config: loadConfig({}) });
    const s = await loginAs(app, db, 'analyst');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };

    // The queue serves the most useful decision first, not the surest pair.
    const queue = (await app.inject({ url: '/api/review?limit=10', headers })).json<{
      items: (Pair & { a: { id: string }; priority: number; names: unknown })[];
    }>();
    expect(queue.items.map((i) => i.priority)).toEqual([0.96, 0.17, 0.15, 0.12, 0.04, 0.01]);
    // Name parts compared across scripts, the full name's words read into the parts.
    expect(queue.items[4]?.names).toEqual({
      family: { level: 'agree', a: 'Savchuk', b: 'Савчук' },
      given: { level: 'agree', a: 'Dmytro', b: 'Дмитро' },
      patronymic: { level: 'missing', a: null, b: null },
    });

    const shown = (await app.inject({ url: '/api/review/near-certain?min=0.95', headers })).json<{
      pairs: (Pair & { probability: number })[];
    }>();
    // No guard conflict, and rec_b06 fits two persons: those wait for one-by-one review.
    expect(shown.pairs.map((p) => `${p.a}|${p.b}`)).toEqual(['rec_b00|rec_b01', 'rec_b02|rec_b03']);

    // Someone else rejects one of them while the confirmation is open.
    const other = await loginAs(app, db, 'admin');
    const rejected = await app.inject({
      method: 'POST',
      url: '/api/review/decisions',
      headers: { cookie: other.cookie, 'x-csrf-token': other.csrf },
      payload: { a: 'rec_b02', b: 'rec_b03', decision: 'non_match' },
    });
    expect(rejected.statusCode).toBe(204);

    const before = await auditRows(db);
    const res = await app.inject({
      method: 'POST',
      url: '/api/review/batch',
      headers,
      payload: {
        min: 0.95,
        pairs: [...shown.pairs.map(({ a, b }) => ({ a, b })), { a: 'rec_b07', b: 'rec_b06' }],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      accepted: 1,
      refused: [
        { a: 'rec_b02', b: 'rec_b03', why: 'decided' },
        { a: 'rec_b07', b: 'rec_b06', why: 'changed' },
      ],
    });
    const decided = await db.kysely
      .selectFrom('review_pairs')
      .select(['a_record_id', 'decision', 'decided_by'])
      .where('decision', 'is not', null)
      .orderBy('a_record_id')
      .execute();
    expect(decided).toEqual([
      { a_record_id: 'rec_b00', decision: 'match', decided_by: 'test-analyst' },
      { a_record_id: 'rec_b02', decision: 'non_match', decided_by: 'test-admin' },
    ]);
    const audit = (await auditRows(db)).slice(before.length);
    expect(audit).toEqual([
      { actor: 'test-analyst', action: 'review.decide', entity_id: 'rec_b00|rec_b01' },
    ]);

    // Sent again, nothing is overwritten or audited twice.
    const again = await app.inject({
      method: 'POST',
      url: '/api/review/batch',
      headers,
      payload: { min: 0.95, pairs: [{ a: 'rec_b00', b: 'rec_b01' }] },
    });
    expect(again.json<{ accepted: number }>().accepted).toBe(0);
    expect((await auditRows(db)).length).toBe(before.length + 1);

    // A pair a guard kept apart only when asked for; then it is accepted like the others.
    const guarded = (
      await app.inject({ url: '/api/review/near-certain?min=0.99&includeGuarded=true', headers })
    ).json<{ pairs: Pair[] }>();
    expect(guarded.pairs.map((p) => `${p.a}|${p.b}`)).toEqual(['rec_b04|rec_b05']);
    const notAsked = await app.inject({
      method: 'POST',
      url: '/api/review/batch',
      headers,
      payload: { min: 0.99, pairs: [{ a: 'rec_b04', b: 'rec_b05' }] },
    });
    expect(notAsked.json<{ refused: { why: string }[] }>().refused).toEqual([
      { a: 'rec_b04', b: 'rec_b05', why: 'changed' },
    ]);
    const asked = await app.inject({
      method: 'POST',
      url: '/api/review/batch',
      headers,
      payload: { min: 0.99, includeGuarded: true, pairs: [{ a: 'rec_b04', b: 'rec_b05' }] },
    });
    expect(asked.json()).toEqual({ accepted: 1, refused: [] });
  });

  it('is for analysts: a documenter may not accept pairs in bulk', async () => {
    const { db } = get();
    await seed(db);
    const app = await buildApp({ db, config: loadConfig({}) });
    const s = await loginAs(app, db, 'documenter');
    const res = await app.inject({
      method: 'POST',
      url: '/api/review/batch',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { min: 0.95, pairs: [{ a: 'rec_b00', b: 'rec_b01' }] },
    });
    expect(res.statusCode).toBe(403);
    const open = await db.kysely
      .selectFrom('review_pairs')
      .select('a_record_id')
      .where('decision', 'is', null)
      .execute();
    expect(open).toHaveLength(6);
  });
});

async function auditRows(db: Db) {
  return db.kysely
    .selectFrom('audit_log')
    .select(['actor', 'action', 'entity_id'])
    .where('action', '=', 'review.decide')
    .orderBy('seq')
    .execute();
}
