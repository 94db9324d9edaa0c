import { sql, type Kysely } from 'kysely';

// Frozen in time. Who runs a facility: FSIN, FSB, the Ministry of Defence, occupation
// authorities; unknown until a source says.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('facilities')
    .addColumn('operator', 'text', (c) => c.notNull().defaultTo('unknown'))
    .execute();
  // SQLite cannot add a CHECK to an existing table; the import validates the value on both.
  if (db.getExecutor().adapter.constructor.name === 'PostgresAdapter') {
    await sql`alter table facilities add constraint facilities_operator check (operator in ('fsin','fsb','mod','occupation_authorities','police','other','unknown'))`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('facilities').dropColumn('operator').execute();
}
