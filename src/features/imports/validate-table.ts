import { shorten, type InputProblem } from '../../core/app-error.js';
import type { PhaseProgress } from '../../core/progress.js';
import type { ImportKind, ParseOptions, ParsedRow } from './import-kind.js';
import type { RawTable } from './raw-table.js';
import { RowValidator } from './row-validator.js';
import type { Notice } from './message-codes.js';

export interface Validated<T> {
  rows: ParsedRow<T>[];
  problems: InputProblem[];
  notices: Notice[];
  /** The column's name as the file writes it, for problems found later. */
  shownAs: (column: string) => string;
}

/**
 * Checks every row and collects every problem, so one run shows the user all there is to
 * fix; `progress` is told how many rows are checked.
 */
export function validateTable<T>(
  table: RawTable,
  kind: ImportKind<T>,
  mapping: Record<string, string> = {},
  parse: ParseOptions = {},
  progress?: PhaseProgress,
): Validated<T> {
  const v = new RowValidator(
    table.file,
    table.format === 'json' ? undefined : (table.detected.headerRow ?? 1),
    table.headers,
    kind,
    mapping,
    parse,
  );
  // Problems in a workbook say on which sheet; totals and notes were left out by the reader.
  const sheet = table.detected.sheet === undefined ? undefined : shorten(table.detected.sheet);
  const onSheet = (list: InputProblem[]): InputProblem[] =>
    sheet === undefined ? list : list.map((p) => ({ ...p, sheet }));
  const problems = [...onSheet(v.problems)];
  const notices = [...table.notices, ...v.notices];
  if (v.fatal) return { rows: [], problems, notices, shownAs: v.shownAs };
  if (table.rows.length === 0) {
    problems.push({
      file: table.file,
      message: 'the file has a header but no rows',
      fix: `add ${kind.kind} rows under the header`,
      code: 'no_rows',
    });
  }
  const rows: ParsedRow<T>[] = [];
  let checked = 0;
  for (const raw of table.rows) {
    if (progress && (++checked & 511) === 0) progress.tick(checked);
    const r = v.check(raw);
    if (Array.isArray(r)) problems.push(...onSheet(r));
    else rows.push(r);
  }
  notices.push(...v.repeatNotices());
  return { rows, problems, notices, shownAs: v.shownAs };
}
