import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Conflicts another writer causes, which the same transaction run again resolves: a SQLite
 * snapshot gone stale because another process committed first, PostgreSQL's serialization
 * failures and deadlocks, and a unique key another transaction inserted first (two imports
 * of the same file at once). A plain SQLITE_BUSY is not among them: it comes after SQLite
 * has already waited its 5 s bound, and the user is better told than kept waiting.
 */
const RETRYABLE = /^(SQLITE_BUSY_SNAPSHOT|40001|40P01|23505)$/;
export const WRITE_ATTEMPTS = 5;

/**
 * Runs a whole write transaction, again after a conflict, at most WRITE_ATTEMPTS times with
 * a growing, jittered pause; then the last error goes up (mapped to "unavailable" at the
 * edge). `fn` must be safe to repeat: it must start its own transaction.
 */
export async function retryWrite<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      if (attempt >= WRITE_ATTEMPTS || typeof code !== 'string' || !RETRYABLE.test(code)) throw err;
      await sleep(25 * 2 ** attempt * (0.5 + Math.random()));
    }
  }
}
