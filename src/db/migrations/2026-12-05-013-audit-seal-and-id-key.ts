import { sql, type Kysely } from 'kysely';

// Frozen in time. What the audit log needs to show a truncation: one row (`audit_meta`)
// with how many rows were ever written, the highest seq and the head hash, so that rows cut
// off the end, or the whole log deleted, show; and a seal (`mac`, an HMAC under a key the
// database does not hold) on each row and on that count, so that a recomputed chain shows.
// Gaps in seq below `gaps_from` were left by rolled-back transactions on PostgreSQL, whose
// sequences do not roll back; from here on seq is given by the writer, without gaps.
// And `id_key`: a check value of the key (POLON_ID_KEY) that keyed this database's ids, never
// the key, so that a run with another key, or none, cannot mix two kinds of ids.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('id_key')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('key_check', 'text', (c) => c.notNull())
    .addCheckConstraint('id_key_one_row', sql`id = 1`)
    .execute();
  await db.schema.alterTable('audit_log').addColumn('mac', 'text').execute();
  await db.schema
    .createTable('audit_meta')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('rows', 'bigint', (c) => c.notNull())
    .addColumn('head_seq', 'bigint', (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('gaps_from', 'bigint', (c) => c.notNull())
    .addColumn('mac', 'text')
    .addCheckConstraint('audit_meta_one_row', sql`id = 1`)
    .execute();
  const head = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!head) return;
  const counted = await db
    .selectFrom('audit_log')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('at').as('first')])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('audit_meta')
    .values({
      id: 1,
      rows: Number(counted.n),
      head_seq: Number(head.seq),
      head_hash: head.hash,
      first_at: counted.first,
      gaps_from: Number(head.seq),
      mac: null,
    })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('id_key').execute();
  await db.schema.dropTable('audit_meta').execute();
  await db.schema.alterTable('audit_log').dropColumn('mac').execute();
}
