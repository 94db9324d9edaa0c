import type { Kysely } from 'kysely';

// Frozen in time. A merge of two facility records found to be one place, kept whole so it
// can be undone: the merged row as it was, and every reference that moved.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('facility_merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survivor_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('merged_id', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('moved', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema
    .createIndex('facility_merges_merged')
    .on('facility_merges')
    .column('merged_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('facility_merges').execute();
}
