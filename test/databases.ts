import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, inject } from 'vitest';
import {
  createDb,
  migrateToLatest,
  type Db,
  type DbConfig,
  type DialectName,
} from '../src/db/index.js';

export interface TestDb {
  db: Db;
  config: DbConfig;
  dialect: DialectName;
}

/** A fresh, migrated database: a temporary SQLite file, or a new PostgreSQL schema. */
export async function openTestDb(
  dialect: DialectName,
): Promise<TestDb & { dispose(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'polon-test-'));
    const config: DbConfig = { dbPath: join(dir, 'polon.db') };
    const db = createDb(config);
    await migrateToLatest(db);
    return {
      db,
      config,
      dialect,
      dispose: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = inject('pgUrl');
  if (!url) throw new Error('PostgreSQL is not available to this test run');
  const schema = await workerSchema(url);
  const config: DbConfig = { dbPath: '', databaseUrl: url, pgSchema: schema };
  const db = createDb(config);
  await truncateAll(db, schema);
  return { db, config, dialect, dispose: () => db.close() };
}

let schemaOfThisWorker: Promise<string> | undefined;

/**
 * One migrated schema per test worker, emptied before each test. Dropping a schema per test
 * raced with Kysely's migrator, which reads the catalogue of every schema; the run's
 * schemas are dropped together when it ends.
 */
function workerSchema(url: string): Promise<string> {
  schemaOfThisWorker ??= (async () => {
    const schema = `${inject('pgSchemaPrefix')}${randomBytes(4).toString('hex')}`;
    const db = createDb({ dbPath: '', databaseUrl: url, pgSchema: schema });
    try {
      await migrateToLatest(db, schema);
    } finally {
      await db.close();
    }
    return schema;
  })();
  return schemaOfThisWorker;
}

async function truncateAll(db: Db, schema: string): Promise<void> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = ${schema} and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(
    db.kysely,
  );
  if (rows.length === 0) return;
  await sql`truncate table ${sql.join(rows.map((r) => sql.id(schema, r.table_name)))} restart identity cascade`.execute(
    db.kysely,
  );
}

/**
 * Runs the same tests on SQLite and on PostgreSQL, each test on a fresh database.
 * PostgreSQL runs are skipped (and the run says so) only when no server is reachable.
 */
export function describeEachDb(title: string, body: (get: () => TestDb) => void): void {
  const dialects: DialectName[] = ['sqlite', 'postgres'];
  for (const dialect of dialects) {
    const available = dialect === 'sqlite' || inject('pgUrl') !== null;
    (available ? describe : describe.skip)(`${title} [${dialect}]`, () => {
      let current: (TestDb & { dispose(): Promise<void> }) | undefined;
      beforeEach(async () => {
        current = await openTestDb(dialect);
      });
      afterEach(async () => {
        await current?.dispose();
        current = undefined;
      });
      body(() => {
        if (!current) throw new Error('test database not open');
        return current;
      });
    });
  }
}
