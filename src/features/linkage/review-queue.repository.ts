import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../../core/app-error.js';
import type { Database } from '../../db/index.js';
import type { ReviewDecision, ReviewPair } from '../../linkage/index.js';
import { appendAudit } from '../audit/index.js';
import { nearCertainPairs } from './review-priority.js';

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

/**
 * Replaces the undecided pairs with a run's new ones, each with its priority (same order as
 * `pairs`); decided pairs stay as they are.
 */
export async function replaceOpenPairs(
  trx: AnyDb,
  pairs: readonly ReviewPair[],
  now: string,
  priorities: readonly number[] = [],
): Promise<void> {
  await trx.deleteFrom('review_pairs').where('decision', 'is', null).execute();
  const decided = new Set((await storedDecisions(trx)).map((d) => `${d.a}\u0000${d.b}`));
  const rows = pairs
    .map((p, i) => ({ ...(p.a < p.b ? p : { ...p, a: p.b, b: p.a }), priority: priorities[i] }))
    .filter((p) => !decided.has(`${p.a}\u0000${p.b}`))
    .map((p) => ({
      a_record_id: p.a,
      b_record_id: p.b,
      probability: p.probability,
      reason: p.reason,
      levels: JSON.stringify(p.levels),
      priority: p.priority ?? null,
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
    // Pairs stored before priorities existed (null) come after every ranked one; both
    // dialects sort nulls differently, so the expression says it.
    .orderBy(sql`coalesce(priority, -1)`, 'desc')
    .orderBy('probability', 'desc')
    .orderBy('a_record_id')
    .orderBy('b_record_id')
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
    await recordDecision(trx, actor, x, y, decision, new Date().toISOString(), {});
  });
}

/**
 * One decision on one pair, and its audit entry: single and batch decisions alike. A reviewer
 * may change a single decision; a batch only ever decides pairs still open.
 */
async function recordDecision(
  trx: Transaction<Database>,
  actor: string,
  x: string,
  y: string,
  decision: 'match' | 'non_match',
  now: string,
  details: Record<string, unknown>,
): Promise<void> {
  let update = trx
    .updateTable('review_pairs')
    .set({ decision, decided_by: actor, decided_at: now })
    .where('a_record_id', '=', x)
    .where('b_record_id', '=', y);
  if (details.batch === true) update = update.where('decision', 'is', null);
  await update.execute();
  await appendAudit(trx, {
    actor,
    action: 'review.decide',
    entity: 'review_pair',
    entityId: `${x}|${y}`,
    details: { decision, ...details },
  });
}

/** The undecided pairs a batch may accept at `min` (see nearCertainPairs), surest first. */
export async function listNearCertainPairs(db: AnyDb, min: number, includeGuarded = false) {
  const rows = await db
    .selectFrom('review_pairs')
    .select(['a_record_id as a', 'b_record_id as b', 'probability', 'reason'])
    .where('decision', 'is', null)
    .where('probability', '>=', min)
    .orderBy('probability', 'desc')
    .orderBy('a_record_id')
    .orderBy('b_record_id')
    .execute();
  return nearCertainPairs(
    rows.map((r) => ({ ...r, probability: Number(r.probability) })),
    min,
    includeGuarded,
  );
}

export type BatchRefusal = 'decided' | 'gone' | 'changed';

/**
 * Accepts a batch of pairs the reviewer was shown as near-certain at `min`. A pair is
 * accepted only if it is still undecided and still in the near-certain set; one decided,
 * removed by a linkage run, or no longer near-certain since is refused, never overwritten.
 * Each accepted pair is audited as a single decision would be.
 */
export async function acceptNearCertain(
  db: Kysely<Database>,
  pairs: readonly { a: string; b: string }[],
  min: number,
  actor: string,
  includeGuarded = false,
): Promise<{ accepted: number; refused: { a: string; b: string; why: BatchRefusal }[] }> {
  const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  return db.transaction().execute(async (trx) => {
    const eligible = new Set(
      (await listNearCertainPairs(trx, min, includeGuarded)).map((p) => key(p.a, p.b)),
    );
    const wanted = [...new Map(pairs.map((p) => [key(p.a, p.b), p])).entries()];
    const stored = new Map<string, string | null>();
    const firsts = [...new Set(wanted.map(([k]) => k.split('\u0000')[0] as string))];
    for (let i = 0; i < firsts.length; i += 500) {
      const rows = await trx
        .selectFrom('review_pairs')
        .select(['a_record_id', 'b_record_id', 'decision'])
        .where('a_record_id', 'in', firsts.slice(i, i + 500))
        .execute();
      for (const r of rows) stored.set(key(r.a_record_id, r.b_record_id), r.decision);
    }
    const refused: { a: string; b: string; why: BatchRefusal }[] = [];
    const now = new Date().toISOString();
    let accepted = 0;
    for (const [k, p] of wanted) {
      const [x, y] = k.split('\u0000') as [string, string];
      const decision = stored.get(k);
      if (decision === undefined) refused.push({ ...p, why: 'gone' });
      else if (decision !== null) refused.push({ ...p, why: 'decided' });
      else if (!eligible.has(k)) refused.push({ ...p, why: 'changed' });
      else {
        await recordDecision(trx, actor, x, y, 'match', now, {
          batch: true,
          minProbability: min,
          includeGuarded,
        });
        accepted++;
      }
    }
    return { accepted, refused };
  });
}
