import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError, type InputProblem } from '../../core/app-error.js';
import { startPhase } from '../../core/progress.js';
import { upsertTable, type Db } from '../../db/index.js';
import { sniffCsv } from './csv-encoding.js';
import { checkSourceOption } from './source-option.js';
import { csvRowEvents } from './csv-row-events.js';
import type { ImportKind, ParsedRow, WriteCounts } from './import-kind.js';
import { recordImport } from './import-record.js';
import { addCounts, noCounts } from './write-counts.js';
import { textNotices } from './read-table.js';
import type { Detected, SkippedRow } from './raw-table.js';
import {
  MAX_PROBLEMS,
  type CsvSummary,
  type ImportOptions,
  type ImportResult,
} from './import-options.js';
import { workerRowEvents } from './worker-row-events.js';
import type { Notice } from './message-codes.js';

class DryRun extends Error {}

export interface StreamOptions extends ImportOptions {
  /** Read and validate on a worker thread when the kind allows it (default: yes). */
  parallel?: boolean;
}

/**
 * Imports a large CSV without holding it in memory: one pass that validates every row and,
 * as long as none has failed, writes batches inside one transaction. Any problem — or a
 * crash — rolls the whole import back, as for small files. Kinds that can (person records)
 * read and validate on a worker thread while this one writes.
 */
export async function importCsvStream<T>(
  db: Db,
  kind: ImportKind<T>,
  path: string,
  options: StreamOptions = {},
): Promise<ImportResult> {
  const file = basename(path);
  await checkSourceOption(db, options.source, file);
  // The same detection as for a file read whole (readTable), by the same bytes.
  const sniffed = await sniffCsv(path, file, options);
  const { encoding, delimiter } = sniffed;
  const detected: Detected = { format: 'csv', encoding, delimiter };
  let skippedRows: SkippedRow[] = [];
  const now = (options.now ?? new Date()).toISOString();
  const actor = options.actor ?? 'cli';
  const problems: InputProblem[] = [];
  let more = 0;
  const report = (list: InputProblem[]): void => {
    for (const p of list) {
      if (problems.length < MAX_PROBLEMS) problems.push(p);
      else more++;
    }
  };
  const counts: WriteCounts = noCounts();
  const notices: Notice[] = [];
  let rows = 0;
  const read = {
    mapping: options.mapping,
    dateOrder: options.dateOrder,
    source: options.source,
    encoding,
    delimiter,
    progress: Boolean(options.onProgress),
  };
  notices.push(...textNotices(file, sniffed));
  // The number of rows is not known until the end: the bar counts the file's bytes.
  const size = options.onProgress ? (await stat(path)).size : 0;
  const parallel = options.parallel === false ? undefined : kind.parallel;

  try {
    await db.kysely.transaction().execute(async (trx) => {
      const importing = startPhase(options.onProgress, 'importing', 'bytes', size);
      const howMany = (checked: number) => ({
        'rows written': counts.inserted + counts.updated + counts.unchanged,
        'rows checked': checked,
      });
      let shownAs: Record<string, string> = {};
      // With groups (from the worker), a row stands for its group in the check and its
      // problems are copied to the other rows of the group.
      const references = async (
        refs: ParsedRow<T>[],
        groups?: Map<number | undefined, number[]>,
      ): Promise<boolean> => {
        if (kind.references) {
          const found = await kind.references(trx, refs, file);
          const each = groups
            ? found
                .flatMap((p) => (groups.get(p.row) ?? [p.row]).map((row) => ({ ...p, row })))
                .sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
            : found;
          report(each.map((p) => (p.column ? { ...p, column: shownAs[p.column] ?? p.column } : p)));
        }
        return !problems.length && !more;
      };
      const add = (c: Partial<WriteCounts>): void => {
        const { notices: more, ...rest } = c;
        addCounts(counts, rest);
        notices.push(...(more ?? []));
      };
      const events = parallel
        ? workerRowEvents(kind, { path, file, options: read, now })
        : csvRowEvents(kind, path, file, read);
      let summary: CsvSummary | undefined;
      while (!summary) {
        const next = await events.next();
        if (next.done) {
          summary = next.value;
          break;
        }
        const e = next.value;
        if (e.type === 'progress') importing.tick(e.bytes, howMany(e.rows));
        else if (e.type === 'problems') report(e.problems);
        else if (e.type === 'notices') notices.push(...e.notices);
        else if (e.type === 'header') shownAs = e.shownAs;
        else if (e.type === 'detected') detected.headerRow = e.headerRow;
        else if (e.type === 'skipped') skippedRows = e.rows;
        else if (e.type === 'batch') {
          if (await references(e.rows)) add(await kind.write(trx, e.rows, { file, now }));
        } else if (
          parallel &&
          (await references(
            e.refs.map((g) => ({ row: g.rows[0] ?? 0, value: g.value })),
            new Map(e.refs.map((g) => [g.rows[0], g.rows])),
          ))
        ) {
          const written = await upsertTable(
            trx,
            parallel.table as 'records',
            parallel.key as 'id',
            e.rows,
          );
          add(written);
          if (parallel.after)
            add(
              await parallel.after(trx, e.rows, e.rowNumbers, written.updatedKeys, { file, now }),
            );
        }
      }
      rows = summary.rows;
      importing.end(size, howMany(rows));
      if (problems.length || more) {
        throw new InputError(
          problems,
          more
            ? `${problems[0] ? `${problems[0].file}, row ${problems[0].row ?? '?'}: ${problems[0].message}` : 'invalid input'} (and ${problems.length - 1 + more} more problems; the first ${MAX_PROBLEMS} are listed)`
            : undefined,
        );
      }
      if (options.dryRun) throw new DryRun();
      await recordImport(trx, {
        kind: kind.kind,
        file,
        sha256: summary.sha256,
        rows,
        counts,
        actor,
        now,
        source: options.source,
      });
    });
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  }
  return {
    kind: kind.kind,
    file,
    rows,
    dryRun: Boolean(options.dryRun),
    ...counts,
    notices,
    ...(options.source ? { source: options.source } : {}),
    detected,
    skippedRows,
  };
}
