import { shorten, type InputProblem } from '../../core/app-error.js';
import type { ImportKind, ParsedRow } from './import-kind.js';
import type { RawTable } from './read-table.js';

export interface Validated<T> {
  rows: ParsedRow<T>[];
  problems: InputProblem[];
  notices: string[];
}

/** Checks every row and collects every problem, so one run shows the user all there is to fix. */
export function validateTable<T>(table: RawTable, kind: ImportKind<T>): Validated<T> {
  const { file } = table;
  const problems: InputProblem[] = [];
  const notices = [...table.notices];
  const known = new Set(kind.columns.map((c) => c.name));
  const present = new Set(table.headers);
  const personal = new Set(kind.columns.filter((c) => c.personal).map((c) => c.name));

  const missing = kind.columns.filter((c) => c.required && !present.has(c.name));
  for (const c of missing) {
    problems.push({
      file,
      row: table.format === 'json' ? undefined : 1,
      column: c.name,
      message: `the required column "${c.name}" is missing`,
      fix: `add a column named "${c.name}" (${c.description}); the ${kind.kind} columns are: ${kind.columns.map((x) => x.name).join(', ')}`,
    });
  }
  if (missing.length) return { rows: [], problems: problems.map(dropUndefined), notices };

  const unknown = table.headers.filter((h) => h && !known.has(h));
  if (unknown.length)
    notices.push(`${file}: columns not used by ${kind.kind} import: ${unknown.join(', ')}`);
  if (table.rows.length === 0) {
    problems.push({
      file,
      message: 'the file has a header but no rows',
      fix: `add ${kind.kind} rows under the header`,
    });
  }

  const rows: ParsedRow<T>[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const raw of table.rows) {
    const result = kind.schema.safeParse(raw.cells);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const column = issue.path.length ? String(issue.path[0]) : undefined;
        const value = column !== undefined ? raw.cells[column] : undefined;
        const fix = (issue as { params?: { fix?: string } }).params?.fix ?? 'correct the value';
        problems.push(
          dropUndefined({
            file,
            row: raw.row,
            column,
            value:
              value !== undefined && value !== '' && !personal.has(column ?? '')
                ? shorten(value)
                : undefined,
            message: issue.message,
            fix,
          }),
        );
      }
      continue;
    }
    const id = kind.idOf(result.data);
    const first = firstRowOfId.get(id);
    if (first !== undefined) {
      problems.push({
        file,
        row: raw.row,
        column: 'id',
        value: id,
        message: `the id is used already on row ${first}`,
        fix: 'give each row its own id, or remove the repeated row',
      });
      continue;
    }
    firstRowOfId.set(id, raw.row);
    rows.push({ row: raw.row, value: result.data });
  }
  return { rows, problems, notices };
}

function dropUndefined(p: InputProblem): InputProblem {
  return Object.fromEntries(
    Object.entries(p).filter(([, v]) => v !== undefined),
  ) as unknown as InputProblem;
}
