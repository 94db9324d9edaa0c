import type { InputProblem } from '../../core/app-error.js';
import type { ImportKind, ParseOptions, ParsedRow } from './import-kind.js';
import type { RawTable } from './read-table.js';
import { isTotalRow, RowValidator } from './row-validator.js';

export interface Validated<T> {
  rows: ParsedRow<T>[];
  problems: InputProblem[];
  notices: string[];
  /** The column's name as the file writes it, for problems found later. */
  shownAs: (column: string) => string;
}

/** Checks every row and collects every problem, so one run shows the user all there is to fix. */
export function validateTable<T>(
  table: RawTable,
  kind: ImportKind<T>,
  mapping: Record<string, string> = {},
  parse: ParseOptions = {},
): Validated<T> {
  const v = new RowValidator(
    table.file,
    table.format === 'json' ? undefined : 1,
    table.headers,
    kind,
    mapping,
    parse,
  );
  const problems = [...v.problems];
  const notices = [...table.notices, ...v.notices];
  if (v.fatal) return { rows: [], problems, notices, shownAs: v.shownAs };
  let rowsToCheck = table.rows;
  while (rowsToCheck.length && isTotalRow(rowsToCheck[rowsToCheck.length - 1]!)) {
    const last = rowsToCheck[rowsToCheck.length - 1]!;
    notices.push(`${table.file}: row ${last.row} looks like a total and was skipped`);
    rowsToCheck = rowsToCheck.slice(0, -1);
  }
  if (rowsToCheck.length === 0) {
    problems.push({
      file: table.file,
      message: 'the file has a header but no rows',
      fix: `add ${kind.kind} rows under the header`,
    });
  }
  const rows: ParsedRow<T>[] = [];
  for (const raw of rowsToCheck) {
    const r = v.check(raw);
    if (Array.isArray(r)) problems.push(...r);
    else rows.push(r);
  }
  notices.push(...v.repeatNotices());
  return { rows, problems, notices, shownAs: v.shownAs };
}
