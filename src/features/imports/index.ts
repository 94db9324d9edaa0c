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
export { defineImport } from './define-import.js';
export {
  FILE_PROBLEM_CODES,
  NOTICE_CODES,
  listed,
  notice,
  type FileProblemCode,
  type Notice,
  type NoticeCode,
} from './message-codes.js';
export type {
  ImportDefinition,
  LinkWrite,
  RowContext,
  RowLookup,
  TableRow,
} from './import-definition.js';
export { importBytes, importFile, importMany, type ImportItem } from './run-import.js';
export type { ImportOptions, ImportResult } from './import-options.js';
export { loadExcel, readTable, type ReadOptions } from './read-table.js';
export type { Detected, RawTable, SkippedRow } from './raw-table.js';
export { encodingNamed, ENCODING_NAMES } from './detect-text.js';
export { delimiterNamed } from './detect-delimiter.js';
export { headerKey, headerScorer, mapHeaders } from './header-map.js';
export { formatImportResults } from './imports.cli.js';
export { formatImportReport, importReport, type ImportReport } from './import-report.js';
export { importsRoutes } from './imports.routes.js';
export { neutraliseFormula } from './formula-cells.js';
export { importsCommands } from './imports.commands.js';
export {
  readSheetsWith,
  workbookWorkerPool,
  type WorkbookJob,
  type WorkbookRunner,
} from './workbook-reader.js';
