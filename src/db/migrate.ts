import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { AppError } from '../core/app-error.js';
import { asUnavailable } from './unavailable.js';
import type { Db } from './create-db.js';
import * as m001 from './migrations/2026-11-26-001-evidence-registry.js';
import * as m002 from './migrations/2026-11-26-002-persons-and-testimonies.js';
import * as m003 from './migrations/2026-11-26-003-accounts.js';
import * as m004 from './migrations/2026-11-26-004-facility-merges.js';
import * as m005 from './migrations/2026-11-26-005-facility-operator.js';
import * as m006 from './migrations/2026-11-26-006-review-pairs.js';
import * as m007 from './migrations/2026-11-26-007-account-totp.js';
import * as m008 from './migrations/2026-12-05-008-record-facts.js';
import * as m013 from './migrations/2026-12-05-013-audit-seal-and-id-key.js';
import * as m015 from './migrations/2026-12-05-015-publication-gate.js';
import * as m018 from './migrations/2026-12-05-018-review-priority.js';

// Listed by hand rather than read from the folder, so the compiled CLI and tests see the
// same set and a bundler cannot drop one.
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-26-001-evidence-registry': m001,
  '2026-11-26-002-persons-and-testimonies': m002,
  '2026-11-26-003-accounts': m003,
  '2026-11-26-004-facility-merges': m004,
  '2026-11-26-005-facility-operator': m005,
  '2026-11-26-006-review-pairs': m006,
  '2026-11-26-007-account-totp': m007,
  '2026-12-05-008-record-facts': m008,
  '2026-12-05-013-audit-seal-and-id-key': m013,
  '2026-12-05-015-publication-gate': m015,
  '2026-12-05-018-review-priority': m018,
};

/** The migrations this Polon knows, in order. */
export const knownMigrations = (): string[] => Object.keys(MIGRATIONS);

class StaticProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(MIGRATIONS);
  }
}

export interface MigrateResult {
  applied: string[];
  current: string[];
}

/**
 * Brings the database to the latest migration, or only up to `upTo` (a restore loads an
 * older backup into the schema it was made with, then migrates the rows forward).
 */
export async function migrateToLatest(
  db: Db,
  pgSchema?: string,
  { upTo }: { upTo?: string } = {},
): Promise<MigrateResult> {
  if (db.dialect === 'postgres' && pgSchema) {
    await sql`create schema if not exists ${sql.id(pgSchema)}`.execute(db.kysely);
  }
  const migrator = new Migrator({
    db: db.kysely,
    provider: new StaticProvider(),
    ...(db.dialect === 'postgres' && pgSchema ? { migrationTableSchema: pgSchema } : {}),
  });
  const { error, results } = await (upTo ? migrator.migrateTo(upTo) : migrator.migrateToLatest());
  if (error) {
    // A server that cannot be reached is not a failed migration: say what it is.
    const down = asUnavailable(error);
    if (down) throw down;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError(
      'internal',
      `migration ${failed} failed on ${db.location}: ${(error as Error).message}. The database was left at the last good migration.`,
    );
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return { applied, current: Object.keys(MIGRATIONS) };
}
