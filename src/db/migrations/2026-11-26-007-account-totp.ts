import type { Kysely } from 'kysely';

// Frozen in time. An optional second factor: the TOTP secret (base32) of an account that
// enrolled, and the last time step a code was accepted for, so a code cannot be used twice.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('totp_last_step', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('totp_last_step').execute();
  await db.schema.alterTable('accounts').dropColumn('totp_secret').execute();
}
