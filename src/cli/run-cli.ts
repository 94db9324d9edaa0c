import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { AppError, formatProblem, InputError } from '../core/app-error.js';
import { loadConfig } from '../config.js';
import { asUnavailable, createDb, migrateToLatest } from '../db/index.js';
import { createLogger } from '../logger.js';
import { packageRoot } from '../package-root.js';
import { accountsCommands } from '../features/accounts/index.js';
import { auditCommands, useAuditKey } from '../features/audit/index.js';
import { backupCommands } from '../features/backup/index.js';
import { consistencyCommands } from '../features/consistency/index.js';
import { estimatesCommands } from '../features/estimates/index.js';
import { exchangesCommands } from '../features/exchanges/index.js';
import { facilitiesCommands } from '../features/facilities/index.js';
import { importsCommands } from '../features/imports/index.js';
import { linkageCommands } from '../features/linkage/index.js';
import { personsCommands, useIdKeyOf } from '../features/persons/index.js';
import { publicDataCommands } from '../features/public-data/index.js';
import { publicationCommands } from '../features/publication/index.js';
import { sourcesCommands } from '../features/sources/index.js';
import { synthCommands } from '../features/synth/index.js';
import { buildApp } from '../server/index.js';
import {
  createCommandContext,
  dbOption,
  jsonOption,
  type CliIo,
  type CommandContext,
  type DbOptions,
} from './command-kit.js';
import { EXIT_CODE } from './exit-codes.js';
import { IMPORT_KINDS } from './import-kinds.js';

export type { CliIo } from './command-kit.js';

/**
 * The `polon` command. Returns the exit code instead of exiting, so tests run it in-process.
 * Output: text by default, one JSON document with --json; errors on stderr with a code.
 * Each feature adds its own commands (its `<feature>Commands`); the database and the server
 * are the application's own: `init`, `rekey`, `serve`.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const jsonErrors = argv.includes('--json');
  const made = createCommandContext(io);
  const { exitCode, endProgress } = made;
  // Every command that opens the database makes ids with its key (POLON_ID_KEY), or none.
  const ctx: CommandContext = {
    ...made.ctx,
    withDb: (o, fn) =>
      made.ctx.withDb(o, async (db, c) => {
        await useIdKeyOf(db.kysely, c.idKey);
        return fn(db, c);
      }),
  };

  const program = new Command('polon')
    .description('Polon: evidence, linkage and estimates of Ukrainians held in Russian captivity')
    .version(polonVersion())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError()
    .showSuggestionAfterError();

  // In this order in `polon --help`.
  initCommand(program, ctx);
  publicDataCommands(program, ctx);
  sourcesCommands(program, ctx);
  importsCommands(program, ctx, IMPORT_KINDS);
  exchangesCommands(program, ctx);
  consistencyCommands(program, ctx);
  synthCommands(program, ctx);
  linkageCommands(program, ctx);
  facilitiesCommands(program, ctx);
  personsCommands(program, ctx);
  rekeyCommand(program, ctx);
  backupCommands(program, ctx);
  auditCommands(program, ctx);
  accountsCommands(program, ctx);
  estimatesCommands(program, ctx);
  publicationCommands(program, ctx);
  serveCommand(program, ctx);

  try {
    // Every audit row this run writes is sealed, whichever command opens the database.
    useAuditKey(auditKeyOf(io.env));
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    // A bar left where the work failed, ended on its own line before the error.
    endProgress();
    return reportError(err, io, jsonErrors);
  }
  endProgress();
  return exitCode();
}

/** POLON_AUDIT_KEY, or none while the configuration is invalid (the command says so). */
function auditKeyOf(env: NodeJS.ProcessEnv): string | undefined {
  try {
    return loadConfig(env).auditKey;
  } catch {
    return undefined;
  }
}

let version: string | undefined;

/** The version in package.json, found alike from src/cli (tsx) and from dist/src/cli (built). */
function polonVersion(): string {
  version ??= (
    JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }
  ).version;
  return version;
}

function initCommand(program: Command, { withDb, print }: CommandContext): void {
  program
    .command('init')
    .description('create or migrate the database')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions) => {
      await withDb(o, async (db, c) => {
        const r = await migrateToLatest(db, c.pgSchema);
        print(
          o,
          { database: db.location, dialect: db.dialect, migrations: r.current },
          `Database ready: ${db.location} (${db.dialect}, ${r.current.length} migrations).`,
        );
      });
    });
}

function rekeyCommand(program: Command, { io, withDb, secret }: CommandContext): void {
  program
    .command('rekey')
    .description(
      'change the key of the encrypted database (POLON_DB_KEY holds the current key); the new key is read from standard input',
    )
    .addOption(dbOption())
    .action(async (o: DbOptions) => {
      const newKey = await secret('New key (at least 12 characters): ');
      if (newKey.length < 12)
        throw new AppError('invalid_input', 'the new key needs at least 12 characters');
      await withDb(o, (db) => {
        if (!db.rekey)
          throw new AppError(
            'invalid_input',
            'only an SQLite database can be rekeyed here; for PostgreSQL see the README',
          );
        db.rekey(newKey);
        io.stdout(
          'The database is now encrypted with the new key. Set POLON_DB_KEY to it from now on.\n',
        );
        return Promise.resolve();
      });
    });
}

function serveCommand(program: Command, { io }: CommandContext): void {
  program
    .command('serve')
    .description('serve the API under /api (OpenAPI at /api/docs) and the web page at /')
    .option('--port <port>', 'port to listen on (default 8080, or POLON_PORT)')
    .addOption(dbOption())
    .action(async (o: DbOptions & { port?: string }) => {
      const port = o.port === undefined ? undefined : Number(o.port);
      if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
        throw new AppError(
          'invalid_input',
          `--port ${o.port} is not a port number; give one from 1 to 65535`,
        );
      }
      const c = loadConfig(io.env, { dbPath: o.db, port });
      const logger = createLogger(c.logLevel);
      const db = createDb(c);
      await migrateToLatest(db, c.pgSchema);
      await useIdKeyOf(db.kysely, c.idKey);
      const app = await buildApp({ db, config: c, logger });
      const address = await app.listen({ port: c.port, host: c.host });
      io.stderr(
        `Polon is serving ${db.location} at ${address} (API: ${address}/api, docs: ${address}/api/docs). Stop with Ctrl+C.\n`,
      );
      const stop = (): void => {
        void app.close().then(() => db.close());
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise<void>((resolve) => app.server.once('close', resolve));
    });
}

function reportError(err: unknown, io: CliIo, json: boolean): number {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof AppError) {
    if (json) {
      io.stderr(
        `${JSON.stringify({ error: { code: err.code, message: err.message, details: err.details } }, null, 2)}\n`,
      );
    } else if (err instanceof InputError) {
      io.stderr(
        `polon: ${err.problems.length} problem(s); nothing was written.\n${err.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`,
      );
    } else {
      io.stderr(`polon: ${err.message}\n`);
    }
    return EXIT_CODE[err.code];
  }
  const message = err instanceof Error ? err.message : String(err);
  const down = asUnavailable(err);
  if (down) {
    // The driver's words help with a network failure (which host, which port); SQLite's
    // "database is locked" would only contradict the clearer message.
    const code = (err as { code?: unknown }).code;
    const detail = typeof code === 'string' && code.startsWith('SQLITE_') ? '' : ` (${message})`;
    io.stderr(`polon: ${down.message}${detail}\n`);
    return EXIT_CODE.unavailable;
  }
  io.stderr(`polon: internal error: ${message}\n`);
  return EXIT_CODE.internal;
}
