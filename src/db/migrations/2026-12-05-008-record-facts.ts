import type { Kysely } from 'kysely';

// Frozen in time. What a flat person sheet says beside the name, kept on the record as the
// source wrote it (the place of detention, its dates, release, death, disappearance, a
// status word), so the record stays the faithful copy of one source's row; the import also
// turns these into events and a detention episode.

const COLUMNS = [
  'held_place',
  'held_from',
  'held_to',
  'release_date',
  'release_exchange',
  'death_date',
  'missing_date',
  'status',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const c of COLUMNS) await db.schema.alterTable('records').addColumn(c, 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of [...COLUMNS].reverse())
    await db.schema.alterTable('records').dropColumn(c).execute();
}
