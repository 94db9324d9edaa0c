import type { Kysely } from 'kysely';
import { AppError } from '../../core/app-error.js';
import type { Database } from '../../db/index.js';
import { loadFacilities } from './facilities.repository.js';
import {
  createFacilityMatcher,
  type FacilityMatch,
  type FacilityMatcher,
} from './facility-matcher.js';
import { toMatchable } from './facility-resolver.js';

let cached: { db: Kysely<Database>; version: string; matcher: FacilityMatcher } | undefined;

/**
 * The matcher for the gazetteer as it is now. Building one indexes every name, so it is
 * kept until the gazetteer changes: every change of a facility, its names included, moves
 * its updated_at.
 */
async function currentMatcher(db: Kysely<Database>): Promise<FacilityMatcher> {
  const v = await db
    .selectFrom('facilities')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')])
    .executeTakeFirstOrThrow();
  const version = `${Number(v.n)}|${String(v.latest)}`;
  if (cached && cached.db === db && cached.version === version) return cached.matcher;
  const facilities = await loadFacilities(db);
  if (facilities.length === 0) {
    throw new AppError(
      'not_found',
      'the gazetteer is empty: load it first with `polon load-public` or `polon import facilities FILE`',
    );
  }
  const matcher = createFacilityMatcher(facilities.map(toMatchable));
  cached = { db, version, matcher };
  return matcher;
}

/** Ranked facilities a free-text mention may name, against the gazetteer in the database. */
export async function matchFacilityText(
  db: Kysely<Database>,
  text: string,
  limit = 5,
): Promise<FacilityMatch> {
  return (await currentMatcher(db)).match(text, limit);
}

export function formatFacilityMatch(m: FacilityMatch): string {
  if (m.candidates.length === 0) return `No facility matches "${m.query}" well enough.`;
  return [
    `Facilities that "${m.query}" may name, best first:`,
    ...m.candidates.map(
      (c, i) =>
        `  ${i + 1}. ${c.id}  ${(c.score * 100).toFixed(0)}%  ${c.nameEn}\n     ${c.reason}`,
    ),
  ].join('\n');
}
