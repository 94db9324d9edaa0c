import { runCli } from '../src/cli/run-cli.js';
import type { TestDb } from './databases.js';

/** Runs `polon ARGS` in-process against a test database; `input` is what standard input gives. */
export async function polonIn(t: TestDb, args: string[], input = '') {
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
  });
  return { code, stdout, stderr };
}
