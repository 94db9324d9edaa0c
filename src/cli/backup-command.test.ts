import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

async function polon(env: NodeJS.ProcessEnv, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env,
    readSecret: () => Promise.resolve('correct horse battery staple'),
  });
  return { code, stdout, stderr };
}

describe('polon backup and polon restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polon-backup-cli-'));
  const env = { POLON_DB_KEY: 'the database key, long enough' };
  const source = join(dir, 'polon.db');
  const file = join(dir, 'polon.backup');

  it('writes an encrypted backup, audited with its reason', async () => {
    expect((await polon(env, 'load-public', '--db', source)).code).toBe(0);
    expect(
      (await polon(env, 'user', 'add', 'first-admin', '--role', 'admin', '--db', source)).code,
    ).toBe(0);
    const noReason = await polon(env, 'backup', file, '--db', source);
    expect(noReason.code).toBe(2);
    const noFolder = await polon(
      env,
      'backup',
      join(dir, 'no', 'such', 'x.backup'),
      '--reason',
      'r',
      '--db',
      source,
    );
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toMatch(/there is no folder .* create it first/);
    const b = await polon(
      env,
      'backup',
      file,
      '--reason',
      'nightly copy',
      '--db',
      source,
      '--json',
    );
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout)).toMatchObject({ encrypted: true, tables: { exchanges: 93 } });
  });

  it('restores into a new file, refuses to overwrite it without --force, and the audit log verifies', async () => {
    const target = join(dir, 'restored.db');
    const r = await polon(env, 'restore', file, '--db', target);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Restored .* rows .*Audit log intact/s);
    expect(existsSync(target)).toBe(true);

    const again = await polon(env, 'restore', file, '--db', target);
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/will not replace .* --force/);
    expect((await polon(env, 'restore', file, '--db', target, '--force')).code).toBe(0);

    const verify = await polon(env, 'audit', 'verify', '--db', target, '--json');
    expect(verify.code).toBe(0);
    const v = JSON.parse(verify.stdout) as { ok: boolean; rows: number };
    expect(v.ok).toBe(true);
    const stats = await polon(
      env,
      'stats',
      'exchanges',
      '--as-of',
      '2025-11-01',
      '--json',
      '--db',
      target,
    );
    expect(JSON.parse(stats.stdout)).toMatchObject({ exchanges: 64 });
    const users = await polon(env, 'user', 'list', '--db', target, '--json');
    expect(users.stdout).toContain('first-admin');
  });

  it('warns when a backup is restored into an unencrypted file', async () => {
    const r = await polon(
      { POLON_BACKUP_KEY: env.POLON_DB_KEY },
      'restore',
      file,
      '--db',
      join(dir, 'plain.db'),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/WARNING: the restored file is NOT encrypted/);
  });

  it('says plainly when the key is missing', async () => {
    const r = await polon({}, 'restore', file, '--db', join(dir, 'other.db'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is encrypted: set POLON_BACKUP_KEY/);
  });
});
