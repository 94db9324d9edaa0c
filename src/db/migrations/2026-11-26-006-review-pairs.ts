import { sql, type Kysely } from 'kysely';

// Frozen in time. Pairs of records linkage could not decide, and reviewers' decisions on
// them, which every later linkage run honours.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_pairs')
    .addColumn('a_record_id', 'text', (c) =>
      c.notNull().references('records.id').onDelete('cascade'),
    )
    .addColumn('b_record_id', 'text', (c) =>
      c.notNull().references('records.id').onDelete('cascade'),
    )
    .addColumn('probability', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('review_pairs_pk', ['a_record_id', 'b_record_id'])
    .addCheckConstraint(
      'review_pairs_decision',
      sql`decision is null or decision in ('match','non_match')`,
    )
    .execute();
  await db.schema
    .createIndex('review_pairs_open')
    .on('review_pairs')
    .columns(['decision', 'probability'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_pairs').execute();
}
