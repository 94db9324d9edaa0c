import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../../core/app-error.js';
import {
  createDb,
  knownMigrations,
  migrateToLatest,
  type Database,
  type Db,
  type DbConfig,
} from '../../db/index.js';
import { appendAudit, verifyAudit } from '../audit/index.js';
import { openBackupFile, writeBackupFile } from './backup-file.js';
import {
  advanceSequences,
  appliedMigrations,
  countRows,
  deferForeignKeys,
  deleteRows,
  insertRows,
  listTables,
  readRows,
  type Row,
  type TableInfo,
} from './backup.repository.js';

export interface BackupSummary {
  file: string;
  bytes: number;
  sha256: string;
  encrypted: boolean;
  createdAt: string;
  dialect: string;
  tables: Record<string, number>;
  rows: number;
}

type Manifest = Record<string, { rows: number; sha256: string }>;
interface RowLine {
  t: string;
  r: Row;
}

/**
 * `polon backup`: every table (sessions aside) in one consistent snapshot — a read
 * transaction on SQLite, REPEATABLE READ on PostgreSQL — while the database stays in use.
 * The file is portable: a backup of SQLite restores into PostgreSQL and back.
 */
export async function createBackup(
  db: Db,
  file: string,
  o: { key: string | undefined; reason: string; actor: string },
): Promise<BackupSummary> {
  if (!o.reason.trim())
    throw new AppError('invalid_input', 'say why with --reason: a backup copies personal data');
  if (!existsSync(dirname(resolve(file))))
    throw new AppError(
      'invalid_input',
      `there is no folder ${dirname(resolve(file))} to write ${basename(file)} into; create it first`,
    );
  // Logged before the snapshot, so the backup carries the record of its own making.
  await appendAudit(db.kysely, {
    actor: o.actor,
    action: 'backup',
    entity: 'database',
    details: { reason: o.reason, encrypted: Boolean(o.key), file: basename(file) },
  });
  const createdAt = new Date().toISOString();
  return inSnapshot(db, async (trx) => {
    const tables = await listTables(trx, db.dialect);
    const migrations = await appliedMigrations(trx, db.dialect);
    const manifest: Manifest = {};
    async function* lines(): AsyncGenerator<string> {
      for (const t of tables) {
        const hash = createHash('sha256');
        let rows = 0;
        for await (const r of readRows(trx, t)) {
          const json = JSON.stringify(r);
          hash.update(`${json}\n`);
          rows++;
          yield `{"t":${JSON.stringify(t.name)},"r":${json}}`;
        }
        manifest[t.name] = { rows, sha256: hash.digest('hex') };
      }
      yield JSON.stringify({ manifest });
    }
    const written = await writeBackupFile(
      resolve(file),
      { format: 'polon-backup', version: 1, createdAt, dialect: db.dialect, migrations },
      lines(),
      o.key,
    );
    const counts = Object.fromEntries(Object.entries(manifest).map(([t, m]) => [t, m.rows]));
    return {
      file: resolve(file),
      ...written,
      encrypted: Boolean(o.key),
      createdAt,
      dialect: db.dialect,
      tables: counts,
      rows: Object.values(counts).reduce((a, b) => a + b, 0),
    };
  });
}

export interface RestoreSummary {
  file: string;
  into: string;
  backupCreatedAt: string;
  fromDialect: string;
  tables: Record<string, number>;
  rows: number;
  audit: { ok: boolean; rows: number; headHash: string };
  /** SQLite: whether the restored file is encrypted (POLON_DB_KEY); PostgreSQL: null. */
  encryptedFile: boolean | null;
}

/**
 * Runs `fn` on one unchanging view of the database. PostgreSQL: REPEATABLE READ. SQLite: a
 * deferred transaction, so the backup reads one snapshot of the write-ahead log and writers
 * carry on (Polon's own SQLite transactions begin IMMEDIATE, which would hold every writer
 * off for as long as the backup takes).
 */
function inSnapshot<T>(db: Db, fn: (c: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.dialect === 'postgres')
    return db.kysely.transaction().setIsolationLevel('repeatable read').execute(fn);
  return db.kysely.connection().execute(async (c) => {
    await sql`begin deferred`.execute(c);
    try {
      const result = await fn(c);
      await sql`commit`.execute(c);
      return result;
    } catch (err) {
      await sql`rollback`.execute(c);
      throw err;
    }
  });
}

/**
 * `polon restore`: all or nothing. SQLite: the rows go into a new file beside the target,
 * renamed over it only when complete and checked. PostgreSQL: one transaction. A database
 * that already holds data is replaced only with `force`.
 */
export async function restoreBackup(
  config: DbConfig,
  file: string,
  o: { key: string | undefined; force: boolean; actor: string },
): Promise<RestoreSummary> {
  const backup = await openBackupFile(resolve(file), o.key);
  // The rows go into the schema the backup was made with; the newer migrations then carry
  // them forward, as they would have carried the original database.
  const upTo = backupSchema(backup.header.migrations, knownMigrations(), file);
  const load = async (db: Db, trx: Transaction<Database>) => {
    const tables = await listTables(trx, db.dialect);
    const counts = await loadRows(trx, tables, backup.lines(), file);
    await advanceSequences(trx, db.dialect);
    await appendAudit(trx, {
      actor: o.actor,
      action: 'restore',
      entity: 'database',
      details: {
        backupCreatedAt: backup.header.createdAt,
        fromDialect: backup.header.dialect,
        file: basename(file),
      },
    });
    return counts;
  };
  const summary = (db: Db, tables: Record<string, number>) => ({
    file: resolve(file),
    into: db.location,
    backupCreatedAt: backup.header.createdAt,
    fromDialect: backup.header.dialect,
    tables,
    rows: Object.values(tables).reduce((a, b) => a + b, 0),
  });

  if (config.databaseUrl) {
    const db = createDb(config);
    try {
      const held = await rowsHeld(db.kysely, await listTables(db.kysely, db.dialect));
      if (held && !o.force) throw inUse(db.location, `it holds ${held} rows`);
      const ahead = (await appliedMigrations(db.kysely, db.dialect)).filter(
        (m) => !backup.header.migrations.includes(m),
      );
      // Going back to the backup's schema would drop columns outside the restore's transaction.
      if (held && ahead.length)
        throw inUse(
          db.location,
          `it has migrations the backup lacks (${ahead.join(', ')}) and holds data; restore into a new schema (POLON_PG_SCHEMA) or database instead`,
        );
      await migrateToLatest(db, config.pgSchema, { upTo });
      const tables = await db.kysely.transaction().execute(async (trx) => {
        const present = await listTables(trx, db.dialect);
        // Sessions too: nobody stays logged in to data that was just replaced.
        for (const t of [...present].reverse()) await deleteRows(trx, t.name);
        await deleteRows(trx, 'sessions');
        return load(db, trx);
      });
      await migrateToLatest(db, config.pgSchema);
      const v = await verifyAudit(db.kysely);
      return {
        ...summary(db, tables),
        audit: { ok: v.ok, rows: v.rows, headHash: v.headHash },
        encryptedFile: null,
      };
    } finally {
      await db.close();
    }
  }

  const target = resolve(config.dbPath);
  if (existsSync(target) && !o.force) {
    const open = ['-wal', '-shm'].some((s) => existsSync(target + s));
    throw inUse(
      target,
      open ? `${basename(target)}-wal exists: a process may have it open` : 'the file exists',
    );
  }
  const tmp = join(
    dirname(target),
    `.${basename(target)}.restore-${randomBytes(4).toString('hex')}`,
  );
  const db = createDb({ dbPath: tmp, dbKey: config.dbKey });
  let closed = false;
  try {
    await migrateToLatest(db, undefined, { upTo });
    const tables = await db.kysely.transaction().execute(async (trx) => {
      await deferForeignKeys(trx, 'sqlite');
      return load(db, trx);
    });
    await migrateToLatest(db);
    const v = await verifyAudit(db.kysely);
    // Fold the write-ahead log into the file, so the renamed file is the whole database.
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.kysely);
    await db.close();
    closed = true;
    for (const s of ['-wal', '-shm']) await rm(target + s, { force: true });
    await rename(tmp, target);
    return {
      ...summary(db, tables),
      into: target,
      audit: { ok: v.ok, rows: v.rows, headHash: v.headHash },
      encryptedFile: Boolean(config.dbKey),
    };
  } finally {
    if (!closed) await db.close();
    for (const s of ['', '-wal', '-shm', '-journal']) await rm(tmp + s, { force: true });
  }
}

async function loadRows(
  trx: Transaction<Database>,
  tables: TableInfo[],
  lines: AsyncIterable<string>,
  file: string,
): Promise<Record<string, number>> {
  const known = new Map(tables.map((t) => [t.name, t]));
  const hashes = new Map<string, { rows: number; hash: ReturnType<typeof createHash> }>();
  let manifest: Manifest | undefined;
  let batch: Row[] = [];
  let batchTable = '';
  const flush = async () => {
    await insertRows(trx, batchTable, batch);
    batch = [];
  };
  for await (const line of lines) {
    if (!line) continue;
    const parsed = JSON.parse(line) as Partial<RowLine> & { manifest?: Manifest };
    if (parsed.manifest) {
      manifest = parsed.manifest;
      continue;
    }
    const { t, r } = parsed as RowLine;
    const table = known.get(t);
    if (!table)
      throw new AppError(
        'invalid_input',
        `${file} holds a table "${t}" this database does not have; restore it with the Polon that made it`,
      );
    if (t !== batchTable || batch.length >= 500) {
      await flush();
      batchTable = t;
    }
    const h = hashes.get(t) ?? { rows: 0, hash: createHash('sha256') };
    h.hash.update(`${JSON.stringify(r)}\n`);
    h.rows++;
    hashes.set(t, h);
    batch.push(r);
  }
  await flush();
  if (!manifest)
    throw new AppError('invalid_input', `${file} ends without its manifest: it is incomplete`);
  const counts: Record<string, number> = {};
  for (const [t, m] of Object.entries(manifest)) {
    const h = hashes.get(t);
    const got = h ? { rows: h.rows, sha256: h.hash.digest('hex') } : { rows: 0, sha256: EMPTY };
    if (got.rows !== m.rows || got.sha256 !== m.sha256)
      throw new AppError(
        'invalid_input',
        `${file}: table ${t} does not match its manifest (${got.rows} rows read, ${m.rows} listed); nothing was restored`,
      );
    counts[t] = m.rows;
  }
  return counts;
}

const EMPTY = createHash('sha256').digest('hex');

/**
 * The last migration of the backup's schema. Refused: a backup from a newer Polon, or one
 * whose migrations are not the start of ours (a different branch of the schema).
 */
function backupSchema(inBackup: string[], here: string[], file: string): string {
  const unknown = inBackup.filter((m) => !here.includes(m));
  if (unknown.length)
    throw new AppError(
      'invalid_input',
      `${file} was made by a newer Polon (migrations ${unknown.join(', ')}); upgrade Polon, then restore`,
    );
  const last = inBackup.at(-1);
  if (!last || inBackup.some((m, i) => here[i] !== m))
    throw new AppError(
      'invalid_input',
      `${file} has migrations that are not the first ${inBackup.length} of this Polon's; restore it with the Polon that made it`,
    );
  return last;
}

async function rowsHeld(db: Kysely<Database>, tables: TableInfo[]): Promise<number> {
  let n = 0;
  for (const t of tables) n += await countRows(db, t.name);
  return n;
}

const inUse = (where: string, why: string): AppError =>
  new AppError(
    'conflict',
    `will not replace ${where}: ${why}. Restore replaces the whole database: stop \`polon serve\` and any other polon command using it, then run again with --force (or restore into a new --db path)`,
  );
