import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

async function polon(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    // No database is opened: each case fails, or answers, before one would be.
    env: { POLON_DB: '/nonexistent/polon.db' },
  });
  return { code, stdout, stderr };
}

describe('polon on the command line', () => {
  it('prints the version in package.json with --version', async () => {
    const { version } = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await polon(flag);
      expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('suggests the command, subcommand and option meant by a mistyped one', async () => {
    const command = await polon('facilties', 'list');
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'facilties'\n(Did you mean facilities?)");
    const sub = await polon('facilities', 'lst');
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain("unknown command 'lst'\n(Did you mean list?)");
    const option = await polon('stats', 'exchanges', '--as-off', '2025-01-01');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--as-off'\n(Did you mean --as-of?)");
  });

  it('suggests the import kind meant by a mistyped one, and none for a word far from all', async () => {
    const person = await polon('import', 'person', 'f.csv');
    expect(person.code).toBe(2);
    expect(person.stderr).toBe(
      'polon: unknown kind "person" (did you mean persons?); use one of: sources, exchanges, claims, facilities, persons, events, episodes, occupancy\n',
    );
    const json = await polon('import', 'Facility', 'f.csv', '--json');
    const error = (JSON.parse(json.stderr) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('unknown kind "Facility" (did you mean facilities?)');
    const far = await polon('import', 'prisoners', 'f.csv');
    expect(far.code).toBe(2);
    expect(far.stderr).not.toContain('did you mean');
  });
});
