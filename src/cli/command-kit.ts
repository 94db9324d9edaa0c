import { type Command, Option } from 'commander';
import { AppError, type ErrorCode } from '../core/app-error.js';
import { parsePartialDate } from '../core/partial-date.js';
import { loadConfig, type Config } from '../config.js';
import type { OnProgress } from '../core/progress.js';
import { createDb, migrateToLatest, type Db } from '../db/index.js';
import { EXIT_CODE } from './exit-codes.js';
import { ProgressBars } from './progress-bar.js';

/**
 * What a feature needs to add its commands to `polon` (its `<feature>.commands.ts`): the
 * only file of src/cli a feature may import. It imports no feature itself.
 */

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Reads a secret: the whole of standard input, or a prompt without echo on a terminal. */
  readSecret?: (prompt: string) => Promise<string>;
  /** Standard error is a terminal: long work draws progress bars on it. */
  isTTY?: boolean;
  /** The terminal's width in columns, when it is one. */
  columns?: () => number | undefined;
}

/** The options every command with `dbOption()` and `jsonOption()` has. */
export interface DbOptions {
  db?: string;
  json?: boolean;
}

/** One run of `polon`: its input and output, its database, its exit code. */
export interface CommandContext {
  readonly io: CliIo;
  /** The configuration, with `--db` over the environment. */
  readonly config: (o: DbOptions) => Config;
  /** Opens the database (migrated to the latest version), runs `fn`, closes it. */
  readonly withDb: <T>(o: DbOptions, fn: (db: Db, c: Config) => Promise<T>) => Promise<T>;
  /** `json` as one JSON document with --json, else `text`; on standard output. */
  readonly print: (o: { json?: boolean }, json: unknown, text: string) => void;
  /** A password or key: from standard input, or asked for without echo on a terminal. */
  readonly secret: (prompt: string) => Promise<string>;
  /**
   * Ends the run with the exit code of this error code although the command printed its
   * answer (an audit log that does not verify, say).
   */
  readonly setExitCode: (code: ErrorCode) => void;
  /**
   * The `onProgress` callback to give long work (an import, `link`, `synth`): it draws a bar
   * per phase, with its rate and the time left, on standard error, labelled `label`. It is
   * undefined — nothing is drawn and the work reports nothing — unless standard error is a
   * terminal and --json was not given. The bars end before `print` writes the answer, and
   * when the command ends or fails.
   */
  readonly progress: (o: { json?: boolean }, label: string) => OnProgress | undefined;
}

/**
 * A context for one run; `exitCode()` is what the commands left (0 unless they set one);
 * `endProgress()` finishes any progress bar, before an error is reported.
 */
export function createCommandContext(io: CliIo): {
  ctx: CommandContext;
  exitCode: () => number;
  endProgress: () => void;
} {
  let exitCode = 0;
  const config = (o: DbOptions): Config => loadConfig(io.env, { dbPath: o.db });
  let bars: ProgressBars | undefined;
  const endProgress = (): void => {
    bars?.stop();
    bars = undefined;
  };
  const ctx: CommandContext = {
    io,
    config,
    withDb: async (o, fn) => {
      const c = config(o);
      const db = createDb(c);
      try {
        await migrateToLatest(db, c.pgSchema);
        return await fn(db, c);
      } finally {
        await db.close();
      }
    },
    print: (o, json, text) => {
      endProgress();
      io.stdout(o.json ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`);
    },
    secret: async (prompt) => {
      if (!io.readSecret)
        throw new AppError(
          'invalid_input',
          'no way to read a password here; pipe it on standard input',
        );
      return (await io.readSecret(prompt)).replace(/\r?\n$/, '');
    },
    setExitCode: (code) => {
      exitCode = EXIT_CODE[code];
    },
    progress: (o, label) => {
      if (!io.isTTY || o.json) return undefined;
      endProgress();
      const b = new ProgressBars({ write: io.stderr, columns: io.columns }, label);
      bars = b;
      return b.onProgress;
    },
  };
  return { ctx, exitCode: () => exitCode, endProgress };
}

export const dbOption = (): Option =>
  new Option(
    '--db <path>',
    'SQLite database file (default ./data/polon.db; or POLON_DB, or DATABASE_URL for PostgreSQL)',
  );

export const jsonOption = (): Option =>
  new Option('--json', 'print one JSON document instead of text');

/**
 * Parent commands several features add subcommands to (`polon export facilities`, later
 * `polon export records`): made by the first feature that asks, found by the others.
 */
const GROUPS = {
  stats: 'statistics over the evidence',
  export: 'write data to a file for maps and spreadsheets',
} as const;

export function commandGroup(program: Command, name: keyof typeof GROUPS): Command {
  return (
    program.commands.find((c) => c.name() === name) ??
    program.command(name).description(GROUPS[name])
  );
}

/** A whole day given as YYYY-MM-DD, or an invalid_input error naming the option. */
export function dayArg(value: string, flag: string): string {
  const d = parsePartialDate(value);
  if (typeof d === 'string' || d.precision !== 'day') {
    throw new AppError(
      'invalid_input',
      `${flag} ${value}: ${typeof d === 'string' ? d : 'give a whole day'}; write it as YYYY-MM-DD`,
    );
  }
  return d.text;
}

/**
 * A whole number, 1 or more (--persons, --limit, --top, --window), or an invalid_input error
 * "--flag VALUE: give …"; `give` says what to give when the default words do not fit.
 */
export function countArg(value: string, flag: string, give = 'a whole number, 1 or more'): number {
  return wholeArg(value, flag, 1, give);
}

/** A whole-number option of at least `min`, or an error naming the option. */
export function wholeArg(
  value: string,
  flag: string,
  min: number,
  give = `a whole number, ${min} or more`,
): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new AppError('invalid_input', `${flag} ${value}: give ${give}`);
  return n;
}
