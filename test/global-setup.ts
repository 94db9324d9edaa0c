import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL URL for database tests, or null when no server could be reached. */
    pgUrl: string | null;
    /** Prefix of this run's PostgreSQL schemas, so concurrent runs never drop each other's. */
    pgSchemaPrefix: string;
  }
}

const url = process.env.POLON_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const required = process.env.POLON_REQUIRE_PG === '1';

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const STALE_MS = 6 * 3600 * 1000;

/** Drops this run's schemas, and those of runs that died more than six hours ago. */
async function dropTestSchemas(prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      "select nspname from pg_namespace where nspname like 'polon\\_t\\_%'",
    );
    for (const { nspname } of rows) {
      const started = parseInt(nspname.split('_')[2] ?? '', 36);
      const stale = Number.isFinite(started) && Date.now() - started > STALE_MS;
      if (nspname.startsWith(prefix) || stale) {
        await client.query(`drop schema if exists "${nspname}" cascade`);
      }
    }
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const prefix = `polon_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}_`;
  project.provide('pgSchemaPrefix', prefix);
  const problem = await reachable();
  if (problem) {
    if (required) {
      throw new Error(
        `POLON_REQUIRE_PG=1 but PostgreSQL at ${url} is not reachable (${problem}). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
      );
    }
    process.stdout.write(
      `\n*** PostgreSQL at ${url} is not reachable (${problem}).\n*** SKIPPING the PostgreSQL runs of the database tests; only SQLite is tested.\n*** Set POLON_TEST_DATABASE_URL or start PostgreSQL to run them.\n\n`,
    );
    project.provide('pgUrl', null);
    return;
  }
  process.stdout.write(`\nDatabase tests run on SQLite and on PostgreSQL (${url}).\n\n`);
  project.provide('pgUrl', url);
  await dropTestSchemas(prefix);
  return () => dropTestSchemas(prefix);
}
