import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

// Encryption at rest is a property of the SQLite file; PostgreSQL relies on the server's
// disk encryption (see the README), so these tests are SQLite only.
async function polon(env: NodeJS.ProcessEnv, input: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env,
    readSecret: () => Promise.resolve(input),
  });
  return { code, stdout, stderr };
}

describe('an encrypted database (POLON_DB_KEY)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polon-enc-'));
  const file = join(dir, 'polon.db');
  const key = 'correct horse battery staple';

  it('keeps the data unreadable on disk, and opens only with its key', async () => {
    expect((await polon({ POLON_DB: file, POLON_DB_KEY: key }, '', 'load-public')).code).toBe(0);
    const raw = readFileSync(file);
    expect(raw.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(raw.includes(Buffer.from('Taganrog'))).toBe(false);

    const noKey = await polon({ POLON_DB: file }, '', 'stats', 'exchanges');
    expect(noKey.code).toBe(5);
    expect(noKey.stderr).toMatch(/if the file is encrypted, set POLON_DB_KEY/);
    const wrong = await polon(
      { POLON_DB: file, POLON_DB_KEY: 'not the right key at all' },
      '',
      'stats',
      'exchanges',
    );
    expect(wrong.code).toBe(5);
    expect(wrong.stderr).toMatch(/Check POLON_DB_KEY/);
    const right = await polon(
      { POLON_DB: file, POLON_DB_KEY: key },
      '',
      'stats',
      'exchanges',
      '--as-of',
      '2025-11-01',
      '--json',
    );
    expect(JSON.parse(right.stdout)).toMatchObject({ exchanges: 64 });
  });

  it('changes its key with polon rekey', async () => {
    const next = 'another long passphrase';
    expect((await polon({ POLON_DB: file, POLON_DB_KEY: key }, next, 'rekey')).code).toBe(0);
    expect(
      (await polon({ POLON_DB: file, POLON_DB_KEY: key }, '', 'stats', 'exchanges')).code,
    ).toBe(5);
    expect(
      (await polon({ POLON_DB: file, POLON_DB_KEY: next }, '', 'stats', 'exchanges')).code,
    ).toBe(0);
  });
});
