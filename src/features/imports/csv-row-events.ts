import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import type { InputProblem } from '../../core/app-error.js';
import type { ImportKind, ParsedRow } from './import-kind.js';
import { MAX_CELL_BYTES } from './raw-table.js';
import {
  aboveHeader,
  findHeader,
  HEADER_WINDOW,
  normaliseHeader,
  skippedNotices,
  TableBody,
  type GridRow,
} from './locate-table.js';
import { RowValidator } from './row-validator.js';
import type { CsvReadOptions, CsvSummary, RowEvent } from './import-options.js';
import { decodeStrictly } from './csv-encoding.js';
import { csvReadProblem, CsvReadError, CsvRecords, type CsvRecord } from './csv-records.js';
import { delimiterTitle } from './detect-delimiter.js';

export const BATCH = 1000;

/**
 * Reads a CSV one record at a time and checks each row against the kind, yielding valid
 * rows in batches and problems as they are found. Pure of the database, so it runs on the
 * importing thread or in a worker alike.
 */
export async function* csvRowEvents<T>(
  kind: ImportKind<T>,
  path: string,
  file: string,
  options: CsvReadOptions,
): AsyncGenerator<RowEvent<T>, CsvSummary> {
  const hash = createHash('sha256');
  const input = createReadStream(path);
  let bytes = 0;
  input.on('data', (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  // Errors reach the loop below through the decoder; the callback only keeps them from
  // being reported twice.
  const text = pipeline(
    input,
    decodeStrictly(file, options.encoding ?? 'utf-8'),
    () => undefined,
  ) as AsyncIterable<string>;
  const delimiter = options.delimiter ?? ',';
  const csv = new CsvRecords(MAX_CELL_BYTES, delimiter);
  const head: GridRow[] = [];
  let validator: RowValidator<T> | undefined;
  let body: TableBody | undefined;
  let headerRow: number | undefined;
  let headers: string[] = [];
  let batch: ParsedRow<T>[] = [];
  let rows = 0;
  let problemCount = 0;
  const out: RowEvent<T>[] = [];
  const report = (problems: InputProblem[]): void => {
    if (!problems.length) return;
    problemCount += problems.length;
    out.push({ type: 'problems', problems });
  };

  const take = (g: GridRow): void => {
    // With a required column missing no row can be read: the header's problems say it all.
    if (!validator || validator.fatal) return;
    if (g.cells.length > headers.length && g.cells.slice(headers.length).some((c) => c.trim())) {
      report([
        {
          file,
          row: g.row,
          message: `the row has ${g.cells.length} cells but the header has ${headers.length} columns`,
          fix: `remove the extra cells or put quotes around cells that contain ${delimiterTitle(delimiter)}`,
          code: 'extra_cells',
          params: {
            cells: g.cells.length,
            columns: headers.length,
            delimiter: delimiter === '\t' ? 'tab' : delimiter,
          },
        },
      ]);
      return;
    }
    rows++;
    const r = validator.checkValues(g.row, g.cells);
    if (Array.isArray(r)) report(r);
    else batch.push(r);
    if (batch.length >= BATCH) {
      out.push({ type: 'batch', rows: batch });
      batch = [];
    }
  };
  const start = (): boolean => {
    const at = findHeader(head, kind.headerScore);
    const h = head[at];
    if (!h) return false;
    headers = h.cells.map(normaliseHeader);
    const v = new RowValidator(file, h.row, headers, kind, options.mapping, {
      dateOrder: options.dateOrder,
      source: options.source,
    });
    validator = v;
    headerRow = h.row;
    report(v.problems);
    if (v.notices.length) out.push({ type: 'notices', notices: [...v.notices] });
    out.push({
      type: 'header',
      shownAs: Object.fromEntries(kind.columns.map((c) => [c.name, v.shownAs(c.name)])),
    });
    out.push({ type: 'detected', headerRow: h.row });
    body = new TableBody(take);
    body.before(aboveHeader(head, at));
    const rest = head.splice(0).slice(at + 1);
    for (const g of rest) body.push(g);
    return true;
  };

  // Returns false once the rest of the file need not be read.
  const consume = (records: CsvRecord[]): boolean => {
    for (const g of records) {
      // An empty line: skipped, as the whole-file reader does, but it still counts as a line.
      if (g.cells.length === 1 && g.cells[0] === '') continue;
      if (!validator) {
        head.push(g);
        if (head.length < HEADER_WINDOW) continue;
        if (!start()) return false;
      } else {
        if (validator.fatal) return false;
        body!.push(g);
      }
    }
    return true;
  };
  try {
    let more = true;
    for await (const chunk of text) {
      more = consume(csv.push(chunk));
      if (options.progress) out.push({ type: 'progress', bytes, rows });
      if (out.length) yield* out.splice(0);
      if (!more) break;
    }
    if (more) consume(csv.end());
  } catch (err) {
    if (!(err instanceof CsvReadError)) throw err;
    report([csvReadProblem(file, err)]);
  }
  if (!validator && head.length) start();
  if (!validator)
    report([
      {
        file,
        message: 'the file is empty or has no header row',
        fix: 'put the column names on the first line',
        code: 'no_header',
      },
    ]);
  if (body && validator && !validator.fatal) {
    body.end();
    out.push({ type: 'skipped', rows: body.skipped });
    const notices = skippedNotices(file, body.skipped, headerRow, body.skippedCount);
    if (notices.length) out.push({ type: 'notices', notices });
  }
  if (batch.length) out.push({ type: 'batch', rows: batch });
  const repeats = validator?.repeatNotices() ?? [];
  if (repeats.length) out.push({ type: 'notices', notices: repeats });
  if (validator && !validator.fatal && rows === 0 && problemCount === 0)
    report([
      {
        file,
        message: 'the file has a header but no rows',
        fix: `add ${kind.kind} rows under the header`,
        code: 'no_rows',
      },
    ]);
  yield* out.splice(0);
  input.destroy();
  return { rows, sha256: hash.digest('hex') };
}
