import { formatImportReport, importReport } from './import-report.js';
import type { ImportResult } from './import-options.js';

export function formatImportResults(results: ImportResult[]): string {
  return results.map((r) => formatImportReport(importReport(r))).join('\n');
}
