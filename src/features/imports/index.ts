export * as field from './fields.js';
export type {
  ColumnSpec,
  ImportKind,
  ParseOptions,
  ParsedRow,
  WriteContext,
  WriteCounts,
} from './import-kind.js';
export {
  importBytes,
  importFile,
  importMany,
  type ImportItem,
  type ImportOptions,
  type ImportResult,
} from './run-import.js';
export {
  loadExcel,
  readTable,
  type Detected,
  type RawTable,
  type ReadOptions,
  type SkippedRow,
} from './read-table.js';
export { delimiterNamed, encodingNamed, ENCODING_NAMES } from './detect-text.js';
export { headerKey, headerScorer, mapHeaders } from './header-map.js';
export { formatImportResults } from './imports.cli.js';
export { importsRoutes } from './imports.routes.js';
