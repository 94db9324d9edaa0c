import type { Kysely } from 'kysely';

// Frozen in time. Each undecided review pair gets the priority its linkage run computed
// (how unsure the match is times how much the decision moves the estimate), so the queue
// is served most useful first. Pairs stored before this have none until the next run.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('review_pairs').addColumn('priority', 'double precision').execute();
  await db.schema
    .createIndex('review_pairs_priority')
    .on('review_pairs')
    .columns(['decision', 'priority'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('review_pairs_priority').execute();
  await db.schema.alterTable('review_pairs').dropColumn('priority').execute();
}
