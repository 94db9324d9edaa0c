import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { TestDb } from '../databases.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The environment that points a `polon` process at the test's database. */
export function dbEnv(t: TestDb, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, POLON_LOG_LEVEL: 'silent', ...extra };
  delete env.DATABASE_URL;
  delete env.POLON_PG_SCHEMA;
  if (t.config.databaseUrl) {
    env.DATABASE_URL = t.config.databaseUrl;
    if (t.config.pgSchema) env.POLON_PG_SCHEMA = t.config.pgSchema;
  } else env.POLON_DB = t.config.dbPath;
  return env;
}

/** `polon ARGS` from the sources, as one process (no npx or tsx wrapper to outlive a kill). */
export function spawnPolon(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function exitOf(child: ChildProcess): Promise<Exit> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

export const runPolon = (args: string[], env: NodeJS.ProcessEnv): Promise<Exit> =>
  exitOf(spawnPolon(args, env));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the child is writing inside its transaction, then SIGKILLs it. SQLite: a
 * second connection that must not wait cannot take the write lock. PostgreSQL: the child's
 * session (found by its application name) holds a transaction id, which a session gets on
 * its first write. Returns false when the child ended first.
 */
export async function killWhenWriting(
  t: TestDb,
  child: ChildProcess,
  appName: string,
): Promise<boolean> {
  const writing = await waitUntilWriting(t, child, appName);
  if (writing) child.kill('SIGKILL');
  return writing;
}

/** Waits until the child is writing inside its transaction; false when it ended first. */
export async function waitUntilWriting(
  t: TestDb,
  child: ChildProcess,
  appName: string,
): Promise<boolean> {
  let ended = child.exitCode !== null;
  child.once('exit', () => (ended = true));
  const probe = t.dialect === 'sqlite' ? new SQLite(t.config.dbPath, { timeout: 0 }) : undefined;
  try {
    while (!ended) {
      if (probe ? sqliteBusy(probe) : await pgWriting(t, appName)) return true;
      await sleep(5);
    }
    return false;
  } finally {
    probe?.close();
  }
}

function sqliteBusy(probe: SQLite.Database): boolean {
  try {
    probe.exec('begin immediate');
    probe.exec('rollback');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  }
}

async function pgWriting(t: TestDb, appName: string): Promise<boolean> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity
    where application_name = ${appName} and backend_xid is not null`.execute(t.db.kysely);
  return (r.rows[0]?.n ?? 0) > 0;
}

export async function integrityCheck(t: TestDb): Promise<string> {
  if (t.dialect !== 'sqlite') return 'ok';
  const r = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(t.db.kysely);
  return r.rows.map((x) => x.integrity_check).join('; ');
}
