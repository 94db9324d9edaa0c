export {
  createDb,
  SQLITE_CACHE_PAGES,
  type Db,
  type DbConfig,
  type DialectName,
} from './create-db.js';
export { knownMigrations, migrateToLatest, type MigrateResult } from './migrate.js';
export type * from './tables.js';
export {
  upsertRows,
  upsertTable,
  type FlatRows,
  type RowsDone,
  type UpsertOutcome,
} from './upsert-rows.js';
export { PERSONAL_COLUMNS } from './personal-columns.js';
export { asUnavailable, pingDb, SQLITE_BUSY_MS } from './unavailable.js';
export { retryWrite, WRITE_ATTEMPTS } from './retry-write.js';
