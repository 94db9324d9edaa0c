import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from './run-cli.js';

it('polon user totp prints the otpauth:// URI once, and --off turns it off', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'polon-totp-cli-')), 'polon.db');
  let stdout = '';
  let stderr = '';
  const polon = (...args: string[]) => {
    stdout = '';
    stderr = '';
    return runCli([...args, '--db', db], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      env: {},
      readSecret: () => Promise.resolve('correct horse battery staple'),
    });
  };
  expect(await polon('user', 'add', 'first-admin', '--role', 'admin')).toBe(0);
  expect(await polon('user', 'totp', 'first-admin')).toBe(0);
  expect(stdout).toMatch(/otpauth:\/\/totp\/Polon:first-admin\?.*secret=/);
  expect(stdout).toMatch(/not shown again/);
  expect(await polon('user', 'totp', 'nobody-here')).toBe(3);
  expect(stderr).toMatch(/no user named nobody-here/);
  expect(await polon('user', 'totp', 'first-admin', '--off')).toBe(0);
  expect(stdout).toMatch(/password alone/);
});
