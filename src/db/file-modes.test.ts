import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../features/backup/index.js';
import { createDb } from './create-db.js';
import { migrateToLatest } from './migrate.js';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe.skipIf(process.platform === 'win32')('database file permissions', () => {
  let root: string;
  const warnings: string[] = [];
  const onWarning = (w: Error & { code?: string }): void => {
    if (w.code === 'POLON_FILE_MODE') warnings.push(w.message);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'polon-modes-'));
    warnings.length = 0;
    process.on('warning', onWarning);
  });
  afterEach(() => {
    process.off('warning', onWarning);
    rmSync(root, { recursive: true, force: true });
  });
  // process.emitWarning is delivered on the next tick.
  const settle = () => new Promise((r) => setImmediate(r));

  for (const dbKey of [undefined, 'a test key of some length']) {
    it(`creates the directory 0700 and the database, WAL and SHM files 0600${dbKey ? ' (encrypted)' : ''}`, async () => {
      const file = join(root, 'data', 'polon.db');
      const db = createDb({ dbPath: file, dbKey });
      await migrateToLatest(db);
      expect(modeOf(join(root, 'data'))).toBe('700');
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f)).toBe('600');
      await db.close();
      await settle();
      expect(warnings).toEqual([]);
    });
  }

  it('warns once when an existing database file is readable by others', async () => {
    const file = join(root, 'wide.db');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    for (let i = 0; i < 2; i++) await createDb({ dbPath: file }).close();
    await settle();
    expect(warnings, warnings.join('\n')).toHaveLength(1);
    expect(warnings[0]).toContain(file);
    expect(warnings[0]).toMatch(/chmod 600/);
  });

  it('warns when others may replace files in the directory', async () => {
    const dir = join(root, 'shared');
    mkdirSync(dir);
    chmodSync(dir, 0o775);
    await createDb({ dbPath: join(dir, 'polon.db') }).close();
    await settle();
    expect(warnings.join('\n')).toMatch(/shared \(775\).*chmod 700/);
  });

  it('writes backups and restored databases 0600', async () => {
    const db = createDb({ dbPath: join(root, 'a.db') });
    await migrateToLatest(db);
    const file = join(root, 'copy.backup');
    await createBackup(db, file, {
      key: 'a test key of some length',
      reason: 'test',
      actor: 'test',
    });
    await db.close();
    const target = join(root, 'restored', 'b.db');
    await restoreBackup({ dbPath: target }, file, {
      key: 'a test key of some length',
      force: false,
      actor: 'test',
    });
    expect([modeOf(file), modeOf(target), modeOf(join(root, 'restored'))]).toEqual([
      '600',
      '600',
      '700',
    ]);
  });
});
