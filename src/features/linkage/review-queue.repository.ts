import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../core/app-error.js';
import type { Database } from '../../db/index.js';
import type { ReviewDecision, ReviewPair } from '../../linkage/index.js';
import { appendAudit } from '../audit/index.js';

type AnyDb = Kysely<Database> | Transaction<Database>;

/** Reviewers' decisions so far: the next linkage run must honour every one. */
export async function storedDecisions(db: AnyDb): Promise<ReviewDecision[]> {
  const rows = await db
    .selectFrom('review_pairs')
    .select(['a_record_id', 'b_record_id', 'decision'])
    .where('decision', 'is not', null)
    .execute();
  return rows.map((r) => ({
    a: r.a_record_id,
    b: r.b_record_id,
    decision: r.decision as ReviewDecision['decision'],
  }));
}

/** Replaces the undecided pairs with a run's new ones; decided pairs stay as they are. */
export async function replaceOpenPairs(
  trx: AnyDb,
  pairs: readonly ReviewPair[],
  now: string,
): Promise<void> {
  await trx.deleteFrom('review_pairs').where('decision', 'is', null).execute();
  const decided = new Set((await storedDecisions(trx)).map((d) => `${d.a}\u0000${d.b}`));
  const rows = pairs
    .map((p) => (p.a < p.b ? p : { ...p, a: p.b, b: p.a }))
    .filter((p) => !decided.has(`${p.a}\u0000${p.b}`))
    .map((p) => ({
      a_record_id: p.a,
      b_record_id: p.b,
      probability: p.probability,
      reason: p.reason,
      levels: JSON.stringify(p.levels),
      created_at: now,
      decision: null,
      decided_by: null,
      decided_at: null,
    }));
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('review_pairs')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function listOpenPairs(db: Kysely<Database>, limit: number, offset: number) {
  const total = await db
    .selectFrom('review_pairs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('decision', 'is', null)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('review_pairs')
    .selectAll()
    .where('decision', 'is', null)
    .orderBy('probability', 'desc')
    .orderBy('a_record_id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(total.n), rows };
}

export async function decidePair(
  db: Kysely<Database>,
  a: string,
  b: string,
  decision: 'match' | 'non_match',
  actor: string,
): Promise<void> {
  const [x, y] = a < b ? [a, b] : [b, a];
  await db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('review_pairs')
      .select('decision')
      .where('a_record_id', '=', x)
      .where('b_record_id', '=', y)
      .executeTakeFirst();
    if (!found)
      throw new AppError(
        'not_found',
        'no such pair in the review queue; list the queue again, a later linkage run may have settled it',
      );
    const now = new Date().toISOString();
    await trx
      .updateTable('review_pairs')
      .set({ decision, decided_by: actor, decided_at: now })
      .where('a_record_id', '=', x)
      .where('b_record_id', '=', y)
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'review.decide',
      entity: 'review_pair',
      entityId: `${x}|${y}`,
      details: { decision },
    });
  });
}
