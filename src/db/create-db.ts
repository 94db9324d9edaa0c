import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import Ciphered from 'better-sqlite3-multiple-ciphers';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import { AppError } from '../core/app-error.js';
import { createPrivately, warnOfWideModes } from './file-modes.js';
import type { Database } from './tables.js';
import { SQLITE_BUSY_MS } from './unavailable.js';

export type DialectName = 'sqlite' | 'postgres';

export interface DbConfig {
  dbPath: string;
  /** Key of an encrypted SQLite file (SQLCipher); without it the file is plain SQLite. */
  dbKey?: string | undefined;
  databaseUrl?: string | undefined;
  pgSchema?: string | undefined;
}

export interface Db {
  kysely: Kysely<Database>;
  /** Changes the key of an encrypted SQLite file (or encrypts a plain one); SQLite only. */
  rekey?(newKey: string): void;
  dialect: DialectName;
  /** Where the data lives, for messages: a file path or a URL without its password. */
  location: string;
  /**
   * How to open the same database again, from another thread (long computations run in a
   * worker so the server keeps answering); unset for an in-memory database.
   */
  reopen?: DbConfig;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*), sum of integers, bigserial) as strings to keep
// precision; our counts stay far below 2^53, so numbers are what callers want.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function createDb(config: DbConfig): Db {
  const db = config.databaseUrl
    ? createPostgres(config.databaseUrl, config.pgSchema)
    : createSqlite(config.dbPath, config.dbKey);
  return config.databaseUrl || config.dbPath !== ':memory:' ? { ...db, reopen: { ...config } } : db;
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * Pages SQLite keeps in memory, as a negative number of KiB (64 MiB). With SQLite's default
 * of 2 MiB a large import overflows the cache with dirty index pages, and each one spilled
 * and dirtied again is written to the WAL once more.
 */
export const SQLITE_CACHE_PAGES = -65_536;

function createSqlite(path: string, key?: string): Db {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') createPrivately(file);
  let database: SQLite.Database;
  try {
    if (key) {
      // The SQLCipher build of the same driver: pages are encrypted on disk, plain in memory.
      database = new Ciphered(file);
      database.pragma(`cipher=${quote('sqlcipher')}`);
      database.pragma(`key=${quote(key)}`);
    } else {
      database = new SQLite(file);
    }
    database.prepare('select count(*) from sqlite_master').get();
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    // Another process writing (an import beside a running server) waits instead of failing.
    database.pragma(`busy_timeout = ${SQLITE_BUSY_MS}`);
    database.pragma('synchronous = NORMAL');
    database.pragma(`cache_size = ${SQLITE_CACHE_PAGES}`);
    if (file !== ':memory:') warnOfWideModes(file);
  } catch (err) {
    throw new AppError(
      'unavailable',
      key
        ? `cannot open the encrypted database ${file}: ${(err as Error).message}. Check POLON_DB_KEY: it must be the key the file was created with.`
        : `cannot open the SQLite database ${file}: ${(err as Error).message}. Check the path given with --db or POLON_DB; if the file is encrypted, set POLON_DB_KEY.`,
    );
  }
  const cached = withStatementCache(database);
  const kysely = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({
      database: cached,
      onCreateConnection: (connection) => {
        handles.set(connection, cached);
        return Promise.resolve();
      },
    }),
  });
  return {
    kysely,
    dialect: 'sqlite',
    location: file,
    close: () => kysely.destroy(),
    rekey: (newKey: string) => {
      if (!key)
        throw new AppError(
          'invalid_input',
          'this database is not encrypted: set POLON_DB_KEY to its key first (or to a new key for a new file)',
        );
      // SQLCipher cannot rekey a database in WAL mode: leave it for the rewrite, then return.
      database.pragma('journal_mode = DELETE');
      database.pragma(`rekey=${quote(newKey)}`);
      database.pragma('journal_mode = WAL');
    },
  };
}

/**
 * SQLite transactions that take the write lock as they begin. A deferred transaction that
 * reads first and writes later cannot wait for another process's write: SQLite refuses the
 * upgrade at once ("database is locked"), busy_timeout notwithstanding. BEGIN IMMEDIATE
 * waits up to busy_timeout like any writer. The cost: a read-only transaction (a backup's
 * snapshot) holds the lock too, so another process's writer waits for it.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

const handles = new WeakMap<DatabaseConnection, SQLite.Database>();

/**
 * The SQLite database behind a Kysely connection (undefined on PostgreSQL), for the few
 * bulk writes where a query per row through Kysely would cost more than SQLite's own work.
 * Use it only inside `provideConnection`, so nothing else runs on the connection meanwhile.
 */
export const sqliteHandle = (connection: DatabaseConnection): SQLite.Database | undefined =>
  handles.get(connection);

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Kysely prepares every query anew; an import runs the same few statements hundreds of
 * thousands of times, so prepared statements are kept by their SQL text (better-sqlite3
 * statements may be run again and again).
 */
function withStatementCache(database: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  return new Proxy(database, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') {
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      }
      return (sql: string) => {
        let stmt = cache.get(sql);
        if (!stmt) {
          if (cache.size >= 256) cache.clear();
          stmt = target.prepare(sql);
          cache.set(sql, stmt);
        }
        return stmt;
      };
    },
  });
}

function createPostgres(url: string, schema: string | undefined): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query fails
  // with a clear error instead.
  pool.on('error', () => undefined);
  // So must one that loses it between queries while checked out (PostgreSQL stopped under a
  // running server): without a listener its 'error' event would end the process. Its next
  // query fails instead, and the pool replaces it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const safe = url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
  return {
    kysely,
    dialect: 'postgres',
    location: schema ? `${safe} (schema ${schema})` : safe,
    close: () => kysely.destroy(),
  };
}
