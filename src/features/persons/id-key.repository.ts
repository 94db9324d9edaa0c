import type { Kysely } from 'kysely';
import { AppError } from '../../core/app-error.js';
import { idKeyCheck, useIdKey } from '../../core/id-key.js';
import type { Database } from '../../db/index.js';

const PERSON_TABLES = ['records', 'events', 'episodes', 'occupancy_reports'] as const;

/**
 * Uses POLON_ID_KEY for this database's ids, once sure they are all of one kind: a fresh
 * database takes the key it is first given (keeping a check value of it); one whose ids were
 * made with a key needs the same key again; one whose ids were made without stays unkeyed.
 */
export async function useIdKeyOf(db: Kysely<Database>, key: string | undefined): Promise<void> {
  const kept = await db.selectFrom('id_key').select('key_check').executeTakeFirst();
  if (kept) {
    if (!key)
      throw new AppError(
        'invalid_input',
        "this database's ids were made with POLON_ID_KEY: set it (it is kept apart from the database and its backups)",
      );
    if (kept.key_check !== idKeyCheck(key))
      throw new AppError(
        'invalid_input',
        "POLON_ID_KEY is not the key this database's ids were made with: set the one it was created with",
      );
  } else if (key) {
    for (const t of PERSON_TABLES) {
      if (await db.selectFrom(t).select('id').limit(1).executeTakeFirst())
        throw new AppError(
          'invalid_input',
          `${t} of this database were imported without POLON_ID_KEY: unset it (keyed ids need a new database)`,
        );
    }
    await db
      .insertInto('id_key')
      .values({ id: 1, key_check: idKeyCheck(key) })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  useIdKey(key);
}
