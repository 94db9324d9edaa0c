import { shorten, type InputProblem } from '../../core/app-error.js';
import { FirstRows } from './first-rows.js';
import { mapHeaders } from './header-map.js';
import type { ImportKind, ParseOptions, ParsedRow } from './import-kind.js';
import type { RawRow } from './raw-table.js';
import { listed, notice, type Notice } from './message-codes.js';

export function dropUndefined(p: InputProblem): InputProblem {
  return Object.fromEntries(
    Object.entries(p).filter(([, v]) => v !== undefined),
  ) as unknown as InputProblem;
}

/**
 * Checks the rows of one file against a kind: the header once (which column is which, what
 * is missing), then each row as it comes, so whole files and streams share one set of rules.
 */
export class RowValidator<T> {
  /** Problems with the header; when `fatal`, no row can be read. */
  readonly problems: InputProblem[] = [];
  readonly notices: Notice[] = [];
  readonly fatal: boolean;
  private readonly toColumn: Map<string, string>;
  private readonly toHeader: Map<string, string>;
  private readonly personal: Set<string>;
  private readonly schema: ImportKind<T>['schema'];
  private readonly firstRowOfId = new FirstRows();
  private readonly repeats = new Map<string, number>();
  private readonly repeated: { row: number; first: number }[] = [];
  /** The kind's column under each header, by position. */
  private readonly columnAt: (string | undefined)[];

  constructor(
    private readonly file: string,
    headerRow: number | undefined,
    headers: string[],
    private readonly kind: ImportKind<T>,
    mapping: Record<string, string> = {},
    parse: ParseOptions = {},
  ) {
    this.schema = kind.schemaFor ? kind.schemaFor(parse) : kind.schema;
    const map = mapHeaders(headers, kind.columns, kind.headerAliases, mapping);
    this.toColumn = map.toColumn;
    this.toHeader = map.toHeader;
    // As with cells keyed by header, a header that repeats keeps its last cell.
    const last = new Map(headers.map((h, i) => [h, i]));
    this.columnAt = headers.map((h, i) =>
      h && last.get(h) === i ? map.toColumn.get(h) : undefined,
    );
    this.personal = new Set(kind.columns.filter((c) => c.personal).map((c) => c.name));
    for (const c of map.conflicts) {
      this.problems.push(
        dropUndefined({
          file,
          row: headerRow,
          column: shorten(c.header),
          message: `both "${shorten(c.other)}" and "${shorten(c.header)}" stand for ${c.column}`,
          fix: 'remove or rename one of the two columns, or give a mapping file',
          code: 'column_twice',
          params: { header: shorten(c.header), other: shorten(c.other), column: c.column },
        }),
      );
    }
    for (const u of map.unknownTargets) {
      this.problems.push({
        file,
        column: shorten(u.header),
        message: `the mapping sends this column to "${u.column}", which ${kind.kind} do not have`,
        fix: `map it to one of: ${kind.columns.map((c) => c.name).join(', ')}`,
        code: 'unknown_target',
        params: { target: shorten(u.column), columns: kind.columns.map((c) => c.name).join(', ') },
      });
    }
    const missing = kind.columns.filter(
      (c) => c.required && !this.toHeader.has(c.name) && !(c.orOption && parse[c.orOption]),
    );
    for (const c of missing) {
      this.problems.push(
        dropUndefined({
          file,
          row: headerRow,
          column: c.name,
          message: `the required column "${c.name}" is missing`,
          fix: c.orOption
            ? `name it for the whole file with --${c.orOption} (${c.description}; \`polon sources list\` shows them), or add a column named "${c.name}"`
            : `add a column named "${c.name}" (${c.description}); the ${kind.kind} columns are: ${kind.columns.map((x) => x.name).join(', ')}`,
          ...(c.orOption
            ? { code: 'missing_column_or_option', params: { column: c.name, option: c.orOption } }
            : {
                code: 'missing_column',
                params: { column: c.name, columns: kind.columns.map((x) => x.name).join(', ') },
              }),
        }),
      );
    }
    this.fatal = missing.length > 0;
    const unknown = headers.filter((h) => h && !this.toColumn.has(h));
    // Named in full up to a point: a hostile header of 100,000 columns must not become a
    // megabyte of notice.
    if (unknown.length)
      this.notices.push(
        notice(
          'unused_columns',
          { count: unknown.length, columns: listed(unknown.map((h) => shorten(h))) },
          `${file}: columns not used by ${kind.kind} import: ${unknown
            .slice(0, 20)
            .map((h) => shorten(h))
            .join(', ')}${unknown.length > 20 ? ` and ${unknown.length - 20} more` : ''}`,
        ),
      );
  }

  /** The column's name as the file writes it. */
  shownAs = (column: string): string => shorten(this.toHeader.get(column) ?? column);

  check(raw: RawRow): ParsedRow<T> | InputProblem[] {
    const cells: Record<string, string> = {};
    for (const [h, v] of Object.entries(raw.cells)) {
      const column = this.toColumn.get(h);
      if (column) cells[column] = v;
    }
    return this.checkColumns(raw.row, cells);
  }

  /**
   * `check` for a row as the CSV reader gives it, cells in header order: a large import
   * checks a million rows, and skipping the object keyed by header saves a third of the
   * garbage it makes.
   */
  checkValues(row: number, values: readonly string[]): ParsedRow<T> | InputProblem[] {
    const cells: Record<string, string> = {};
    const at = this.columnAt;
    for (let i = 0; i < at.length; i++) {
      const column = at[i];
      if (column) cells[column] = values[i] ?? '';
    }
    return this.checkColumns(row, cells);
  }

  private checkColumns(row: number, cells: Record<string, string>): ParsedRow<T> | InputProblem[] {
    const raw = { row };
    const result = this.schema.safeParse(cells);
    if (!result.success) {
      return result.error.issues.map((issue) => {
        const column = issue.path.length ? String(issue.path[0]) : undefined;
        const value = column !== undefined ? cells[column] : undefined;
        const said = (issue as { params?: Pick<InputProblem, 'fix' | 'code' | 'params'> }).params;
        return dropUndefined({
          file: this.file,
          row: raw.row,
          column: column === undefined ? undefined : this.shownAs(column),
          value:
            // In a file about persons no cell is echoed: with a column shifted, a name
            // sits under "sex" or "unit", and the message would carry it to logs and screens.
            value !== undefined && value !== '' && this.personal.size === 0
              ? shorten(value)
              : undefined,
          message: issue.message,
          fix: said?.fix ?? 'correct the value',
          code: said?.code,
          params: said?.params,
        });
      });
    }
    let value = result.data;
    let id = this.kind.idOf(value);
    let first = this.firstRowOfId.firstOr(id, raw.row);
    const again = first !== raw.row ? this.kind.repeat?.(value, this.repeatOf(id)) : undefined;
    if (again) {
      this.repeated.push({ row: raw.row, first });
      value = again;
      id = this.kind.idOf(value);
      first = this.firstRowOfId.firstOr(id, raw.row);
    }
    if (first !== raw.row) {
      const idColumn = this.kind.idColumn ?? 'id';
      return [
        dropUndefined({
          file: this.file,
          row: raw.row,
          column: this.shownAs(idColumn),
          value: this.personal.has(idColumn) ? undefined : id,
          message: `the same record appears already on row ${first}`,
          fix: 'give each row its own id, or remove the repeated row',
          code: 'repeated_record',
          params: { first },
        }),
      ];
    }
    return { row: raw.row, value, id };
  }

  /** The how-manyth row (2, 3, …) with this content id this one is. */
  private repeatOf(id: string): number {
    const n = (this.repeats.get(id) ?? 1) + 1;
    this.repeats.set(id, n);
    return n;
  }

  /** What to tell the user of rows kept as records of their own though they repeat a row. */
  repeatNotices(): Notice[] {
    if (!this.repeated.length) return [];
    const shown = this.repeated.slice(0, 20).map((r) => `row ${r.row} (as row ${r.first})`);
    return [
      notice(
        'repeated_without_id',
        {
          count: this.repeated.length,
          rows: listed(this.repeated.map((r) => `${r.row} (${r.first})`)),
        },
        `${this.file}: ${this.repeated.length} row${this.repeated.length > 1 ? 's' : ''} without an id name${this.repeated.length > 1 ? '' : 's'} the same person with the same birth date as an earlier row: ${shown.join(', ')}${this.repeated.length > 20 ? ', …' : ''}; each was kept as a record of its own (linkage will join them). Remove a row if it is a mistake.`,
      ),
    ];
  }
}
