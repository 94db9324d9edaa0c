import { sql, type Kysely } from 'kysely';
import { AppError } from '../core/app-error.js';
import type { Database } from './tables.js';

/** How long SQLite waits for another writer before giving up (its busy_timeout). */
export const SQLITE_BUSY_MS = 5000;

// Network failures reaching PostgreSQL, as Node reports them.
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// PostgreSQL's own: class 08 (connection exception), the server shutting down or starting
// (57P01–57P03) and too many connections (53300).
const SERVER = /^(08...|57P0[123]|53300)$/;
// node-postgres reports a dropped connection with a message and no code.
const DROPPED =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Client was closed/;

const codeOf = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * The database could not serve the request — PostgreSQL is unreachable, or SQLite stayed
 * locked by another writer beyond its busy timeout — as an `unavailable` error with what to
 * do; undefined for any other error. The pool reconnects by itself, so the next request
 * after the server returns succeeds.
 */
export function asUnavailable(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err.code === 'unavailable' ? err : undefined;
  if (!(err instanceof Error)) return undefined;
  const code = codeOf(err);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code?.startsWith('SQLITE_BUSY_')) {
    return new AppError(
      'unavailable',
      `the database is busy with another write and stayed so for ${SQLITE_BUSY_MS / 1000} s; try again in a moment (a long import may be running)`,
    );
  }
  const nested = err instanceof AggregateError ? err.errors.map(codeOf) : [];
  if (
    (code && (NETWORK.has(code) || SERVER.test(code))) ||
    nested.some((c) => c && NETWORK.has(c)) ||
    DROPPED.test(err.message)
  ) {
    return new AppError(
      'unavailable',
      'the database is unreachable; retrying on the next request. Try again in a moment; if it lasts, check that PostgreSQL is running and DATABASE_URL is right',
    );
  }
  return undefined;
}

/** Asks the database for nothing, to learn whether it answers (for the health route). */
export async function pingDb(db: { kysely: Kysely<Database> }): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}
