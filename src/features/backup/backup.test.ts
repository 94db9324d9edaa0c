import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { expect, inject, it } from 'vitest';
import { describeEachDb } from '../../../test/databases.js';
import { loadPublicAndSynthetic } from '../../../test/synthetic-data.js';
import { tableDigests } from '../../../test/table-digests.js';
import {
  createDb,
  knownMigrations,
  migrateToLatest,
  type Db,
  type DbConfig,
} from '../../db/index.js';
import { addAccount } from '../accounts/index.js';
import { verifyAudit } from '../audit/index.js';
import { createBackup, restoreBackup } from './backup.service.js';

const KEY = 'a long backup passphrase';
const dir = () => mkdtempSync(join(tmpdir(), 'polon-backup-'));

/** A fresh database of the dialect to restore into: a new SQLite path, or a new schema. */
function freshTarget(dialect: 'sqlite' | 'postgres', dbKey?: string): DbConfig {
  if (dialect === 'sqlite') return { dbPath: join(dir(), 'restored.db'), dbKey };
  const url = inject('pgUrl');
  if (!url) throw new Error('PostgreSQL is not available');
  return {
    dbPath: '',
    databaseUrl: url,
    pgSchema: `${inject('pgSchemaPrefix')}restore_${randomBytes(4).toString('hex')}`,
  };
}

async function auditRows(db: Db) {
  const r = await sql<Record<string, unknown>>`select * from audit_log order by seq`.execute(
    db.kysely,
  );
  return r.rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

/** Every table but the audit log (and its count) equal; the audit log equal plus the one restore row. */
async function expectSameData(original: Db, restored: Db): Promise<void> {
  const [a, b] = [await tableDigests(original), await tableDigests(restored)];
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  expect(a.records?.rows ?? 0).toBeGreaterThan(0);
  const { audit_log: auditA, audit_meta: _metaA, ...restA } = a;
  const { audit_log: auditB, audit_meta: _metaB, ...restB } = b;
  expect(restB).toEqual(restA);
  expect(auditB?.rows).toBe((auditA?.rows ?? 0) + 1);
  const [rowsA, rowsB] = [await auditRows(original), await auditRows(restored)];
  expect(rowsB.slice(0, -1)).toEqual(rowsA);
  expect(rowsB.at(-1)).toMatchObject({ action: 'restore', actor: 'test' });
  expect(await verifyAudit(restored.kysely)).toMatchObject({ ok: true });
}

describeEachDb('backup and restore', (get) => {
  async function seeded(): Promise<Db> {
    const { db } = get();
    await loadPublicAndSynthetic(db, { persons: 150, seed: 7 });
    await addAccount(db.kysely, 'backup-admin', 'admin', 'correct horse battery staple', 'test');
    return db;
  }

  it('restores every row of every table into a fresh database of the same kind, with the audit chain intact', async () => {
    const db = await seeded();
    const file = join(dir(), 'polon.backup');
    const b = await createBackup(db, file, { key: KEY, reason: 'round-trip test', actor: 'test' });
    expect(b.tables.records).toBeGreaterThan(100);
    expect(b.tables).not.toHaveProperty('sessions');

    const target = freshTarget(get().dialect);
    const r = await restoreBackup(target, file, { key: KEY, force: false, actor: 'test' });
    expect(r.rows).toBe(b.rows);
    expect(r.audit.ok).toBe(true);
    const restored = createDb(target);
    try {
      await expectSameData(db, restored);
    } finally {
      await restored.close();
    }
  });

  it('moves a database to the other kind (SQLite ⇄ PostgreSQL)', async ({ skip }) => {
    const other = get().dialect === 'sqlite' ? 'postgres' : 'sqlite';
    if (other === 'postgres' && !inject('pgUrl')) skip('PostgreSQL is not available');
    const db = await seeded();
    const file = join(dir(), 'polon.backup');
    await createBackup(db, file, { key: undefined, reason: 'move', actor: 'test' });
    const target = freshTarget(other);
    await restoreBackup(target, file, { key: undefined, force: false, actor: 'test' });
    const restored = createDb(target);
    try {
      await expectSameData(db, restored);
    } finally {
      await restored.close();
    }
  });

  it('copies one moment while writes go on: no event without its record', async () => {
    const db = await seeded();
    const { config, dialect } = get();
    const source = (await db.kysely.selectFrom('sources').select('id').executeTakeFirstOrThrow())
      .id;
    const file = join(dir(), 'polon.backup');
    const now = new Date().toISOString();
    // Each write adds a record and its event in one transaction; a backup that read records
    // and events at different moments would hold an event whose record it lacks.
    let written = 0;
    let backingUp = true;
    let write: (id: string) => Promise<void>;
    let closeWriter: () => Promise<void>;
    if (dialect === 'sqlite') {
      // A synchronous transaction: an async one held open across turns of the event loop
      // would make this same process's backup wait on its lock (a server and a CLI backup
      // are two processes and never do).
      const raw = new SQLite(config.dbPath);
      const pair = raw.transaction((id: string) => {
        raw
          .prepare(
            'insert into records (id, source_id, source_record_id, updated_at) values (?, ?, ?, ?)',
          )
          .run(id, source, id, now);
        raw
          .prepare('insert into events (id, record_id, kind, updated_at) values (?, ?, ?, ?)')
          .run(`ev_${id}`, id, 'captured', now);
      });
      write = (id) => Promise.resolve(pair(id));
      closeWriter = () => Promise.resolve(void raw.close());
    } else {
      const writer = createDb(config);
      write = (id) =>
        writer.kysely.transaction().execute(async (trx) => {
          await trx
            .insertInto('records')
            .values({ id, source_id: source, source_record_id: id, updated_at: now })
            .execute();
          await trx
            .insertInto('events')
            .values({ id: `ev_${id}`, record_id: id, kind: 'captured', updated_at: now })
            .execute();
        });
      closeWriter = () => writer.close();
    }
    const writes = (async () => {
      while (backingUp) {
        await write(`rec_concurrent_${written}`);
        written++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    try {
      await createBackup(db, file, { key: undefined, reason: 'test', actor: 'test' });
    } finally {
      backingUp = false;
      await writes;
      await closeWriter();
    }
    expect(written).toBeGreaterThan(0);
    const target = freshTarget(dialect);
    await restoreBackup(target, file, { key: undefined, force: false, actor: 'test' });
    const restored = createDb(target);
    try {
      const orphans = await sql<{ n: number }>`
        select count(*) as n from events e left join records r on r.id = e.record_id
        where r.id is null`.execute(restored.kysely);
      expect(Number(orphans.rows[0]?.n)).toBe(0);
    } finally {
      await restored.close();
    }
  });

  it('refuses to replace a database that holds data, unless forced', async () => {
    const db = await seeded();
    const file = join(dir(), 'polon.backup');
    await createBackup(db, file, { key: undefined, reason: 'test', actor: 'test' });
    const target = freshTarget(get().dialect);
    await restoreBackup(target, file, { key: undefined, force: false, actor: 'test' });
    await expect(
      restoreBackup(target, file, { key: undefined, force: false, actor: 'test' }),
    ).rejects.toThrow(/will not replace .*--force/);
    const again = await restoreBackup(target, file, { key: undefined, force: true, actor: 'test' });
    expect(again.audit.ok).toBe(true);
  });
});

describeEachDb('a backup made by an older Polon', (get) => {
  it('restores into the schema it was made with, then migrates the rows forward', async () => {
    const d = dir();
    const old = createDb({ dbPath: join(d, 'old.db') });
    const before = knownMigrations().at(-2) ?? '';
    await migrateToLatest(old, undefined, { upTo: before });
    await addAccount(old.kysely, 'backup-admin', 'admin', 'correct horse battery staple', 'test');
    const file = join(d, 'old.backup');
    await createBackup(old, file, { key: undefined, reason: 'before upgrading', actor: 'test' });
    await old.close();

    const target = freshTarget(get().dialect);
    const r = await restoreBackup(target, file, { key: undefined, force: false, actor: 'test' });
    expect(r.audit.ok).toBe(true);
    const restored = createDb(target);
    try {
      const migrated = await sql<{
        name: string;
      }>`select name from kysely_migration order by name`.execute(restored.kysely);
      expect(migrated.rows.map((m) => m.name)).toEqual(knownMigrations());
      expect(
        await restored.kysely.selectFrom('accounts').select(['username', 'role']).execute(),
      ).toEqual([{ username: 'backup-admin', role: 'admin' }]);
    } finally {
      await restored.close();
    }
  });
});

describeEachDb('a damaged, foreign or locked backup', (get) => {
  async function backupOf(db: Db, key?: string): Promise<string> {
    await addAccount(db.kysely, 'backup-admin', 'admin', 'correct horse battery staple', 'test');
    const file = join(dir(), 'polon.backup');
    await createBackup(db, file, { key, reason: 'test', actor: 'test' });
    return file;
  }
  const restore = (file: string, key?: string) =>
    restoreBackup(freshTarget(get().dialect), file, { key, force: false, actor: 'test' });

  it('refuses a truncated file and a file with a changed byte, restoring nothing', async () => {
    const file = await backupOf(get().db);
    const bytes = readFileSync(file);
    const cut = join(dir(), 'cut.backup');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    await expect(restore(cut)).rejects.toThrow(/damaged or incomplete/);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(cut, flipped);
    await expect(restore(cut)).rejects.toThrow(/damaged or incomplete/);
  });

  it('refuses a file that is not a Polon backup', async () => {
    const other = join(dir(), 'notes.txt');
    writeFileSync(other, 'SQLite format 3\u0000 and some more bytes than a header needs');
    await expect(restore(other)).rejects.toThrow(/not a Polon backup/);
  });

  it('needs the right key for an encrypted backup', async () => {
    const file = await backupOf(get().db, KEY);
    await expect(restore(file)).rejects.toThrow(/is encrypted: set POLON_BACKUP_KEY/);
    await expect(restore(file, 'not the key, but long')).rejects.toThrow(/the key does not open/);
    expect(readFileSync(file).includes(Buffer.from('backup-admin'))).toBe(false);
    await expect(restore(file, KEY)).resolves.toMatchObject({ audit: { ok: true } });
  });
});

it('restores an encrypted SQLite database into a file that opens only with its key', async () => {
  const d = dir();
  const source = createDb({ dbPath: join(d, 'source.db'), dbKey: KEY });
  await migrateToLatest(source);
  await addAccount(source.kysely, 'backup-admin', 'admin', 'correct horse battery staple', 'test');
  const file = join(d, 'polon.backup');
  await createBackup(source, file, { key: KEY, reason: 'test', actor: 'test' });
  await source.close();

  const target = join(d, 'restored.db');
  await restoreBackup({ dbPath: target, dbKey: KEY }, file, {
    key: KEY,
    force: false,
    actor: 'test',
  });
  expect(readFileSync(target).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  expect(() => createDb({ dbPath: target })).toThrow(/if the file is encrypted, set POLON_DB_KEY/);
  const reopened = createDb({ dbPath: target, dbKey: KEY });
  try {
    const names = await reopened.kysely.selectFrom('accounts').select('username').execute();
    expect(names).toEqual([{ username: 'backup-admin' }]);
  } finally {
    await reopened.close();
  }
});
