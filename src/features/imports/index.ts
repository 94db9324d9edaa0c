export * as field from './fields.js';
export type {
  ColumnSpec,
  ImportKind,
  ParseOptions,
  ParsedRow,
  TableCounts,
  UnresolvedPlace,
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
export { formatImportReport, importReport, type ImportReport } from './import-report.js';
export { importsRoutes } from './imports.routes.js';
export { neutraliseFormula } from './formula-cells.js';
export { importsCommands } from './imports.commands.js';
