import { runCli, type CliIo } from '../src/cli/run-cli.js';
import type { TestDb } from './databases.js';

/**
 * Runs `polon ARGS` in-process against a test database; `input` is what standard input
 * gives; `terminal`: standard error is a terminal (progress bars are drawn on it).
 */
export async function polonIn(
  t: TestDb,
  args: string[],
  input = '',
  terminal?: Pick<CliIo, 'isTTY' | 'columns'>,
) {
  let stdout = '';
  let stderr = '';
  const env: NodeJS.ProcessEnv = t.config.databaseUrl
    ? { DATABASE_URL: t.config.databaseUrl, POLON_PG_SCHEMA: t.config.pgSchema }
    : { POLON_DB: t.config.dbPath };
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env,
    readSecret: () => Promise.resolve(input),
    ...terminal,
  });
  return { code, stdout, stderr };
}

/** Runs `polon ARGS` in-process with no database settings: for commands that need none. */
export async function polon(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: {},
  });
  return { code, stdout, stderr };
}
