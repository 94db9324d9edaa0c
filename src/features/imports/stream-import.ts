import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse';
import { InputError, type InputProblem } from '../../core/app-error.js';
import type { Db } from '../../db/index.js';
import { appendAudit } from '../audit/index.js';
import type { ImportKind, ParsedRow, WriteCounts } from './import-kind.js';
import {
  findHeader,
  isBlank,
  MAX_CELL_BYTES,
  normaliseHeader,
  toCells,
  type GridRow,
} from './read-table.js';
import { isTotalRow, RowValidator } from './row-validator.js';
import type { ImportOptions, ImportResult } from './run-import.js';

const BATCH = 1000;
/** Problems kept for the report; beyond it they are counted, not listed. */
const MAX_PROBLEMS = 1000;

class DryRun extends Error {}

/**
 * Imports a large CSV without holding it in memory: one pass that validates every row and,
 * as long as none has failed, writes batches inside one transaction. Any problem — or a
 * crash — rolls the whole import back, as for small files.
 */
export async function importCsvStream<T>(
  db: Db,
  kind: ImportKind<T>,
  path: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const file = basename(path);
  await checkUtf8(path, file);
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
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const notices: string[] = [];
  const hash = createHash('sha256');
  let rows = 0;

  try {
    await db.kysely.transaction().execute(async (trx) => {
      const input = createReadStream(path);
      input.on('data', (chunk) => hash.update(chunk));
      const parser = input.pipe(
        parse({
          bom: true,
          info: true,
          skip_empty_lines: true,
          relax_column_count: true,
          max_record_size: MAX_CELL_BYTES,
        }),
      );
      const head: GridRow[] = [];
      let validator: RowValidator<T> | undefined;
      let headers: string[] = [];
      let held: GridRow | undefined;
      let batch: ParsedRow<T>[] = [];

      const flush = async (): Promise<void> => {
        if (!batch.length) return;
        const b = batch;
        batch = [];
        if (kind.references)
          report(
            (await kind.references(trx, b, file)).map((p) =>
              p.column && validator ? { ...p, column: validator.shownAs(p.column) } : p,
            ),
          );
        if (problems.length || more) return;
        const c = await kind.write(trx, b, { file, now });
        counts.inserted += c.inserted;
        counts.updated += c.updated;
        counts.unchanged += c.unchanged;
        notices.push(...(c.notices ?? []));
      };
      const take = async (g: GridRow): Promise<void> => {
        if (!validator) return;
        if (
          g.cells.length > headers.length &&
          g.cells.slice(headers.length).some((c) => c.trim())
        ) {
          report([
            {
              file,
              row: g.row,
              message: `the row has ${g.cells.length} cells but the header has ${headers.length} columns`,
              fix: 'remove the extra cells or put quotes around cells that contain commas',
            },
          ]);
          return;
        }
        rows++;
        const r = validator.check({ row: g.row, cells: toCells(headers, g.cells) });
        if (Array.isArray(r)) report(r);
        else batch.push(r);
        if (batch.length >= BATCH) await flush();
      };
      const start = (): boolean => {
        const at = findHeader(head, kind.headerScore);
        const h = head[at];
        if (!h) return false;
        headers = h.cells.map(normaliseHeader);
        validator = new RowValidator(file, h.row, headers, kind, options.mapping, {
          dateOrder: options.dateOrder,
        });
        report(validator.problems);
        notices.push(...validator.notices);
        if (at > 0 && head.slice(0, at).some((g) => !isBlank(g.cells)))
          notices.push(`${file}: the table starts on row ${h.row}; rows above it were skipped`);
        head.splice(0, at + 1);
        return true;
      };

      try {
        for await (const rec of parser as AsyncIterable<{
          record: string[];
          info: { lines: number };
        }>) {
          // Line breaks inside quoted cells: the record began that many lines earlier.
          let inner = 0;
          for (const cell of rec.record)
            if (cell.includes('\n')) inner += cell.split('\n').length - 1;
          const g = { row: rec.info.lines - inner, cells: rec.record };
          if (!validator) {
            head.push(g);
            if (head.length < 20) continue;
            if (!start()) break;
            if (validator === undefined) break;
            for (const early of head.splice(0)) {
              if (held) await take(held);
              held = early;
            }
            continue;
          }
          if (validator.fatal) break;
          if (held) await take(held);
          held = g;
        }
      } catch (err) {
        if (err instanceof CsvError) {
          const line = (err as CsvError & { lines?: number }).lines;
          report([
            {
              file,
              ...(line ? { row: line } : {}),
              message:
                err.code === 'CSV_MAX_RECORD_SIZE'
                  ? `a row is longer than ${MAX_CELL_BYTES / 2 ** 20} MiB`
                  : `the CSV cannot be read: ${err.message}`,
              fix: 'check the quotes on that line, and that the file is really a CSV table',
            },
          ]);
        } else throw err;
      }
      if (!validator && head.length && start()) {
        for (const early of head.splice(0)) {
          if (held) await take(held);
          held = early;
        }
      }
      if (!validator)
        report([
          {
            file,
            message: 'the file is empty or has no header row',
            fix: 'put the column names on the first line',
          },
        ]);
      if (held && validator && !validator.fatal) {
        if (isTotalRow({ row: held.row, cells: toCells(headers, held.cells) }))
          notices.push(`${file}: row ${held.row} looks like a total and was skipped`);
        else await take(held);
      }
      await flush();
      if (validator && !validator.fatal && rows === 0 && !problems.length)
        report([
          {
            file,
            message: 'the file has a header but no rows',
            fix: `add ${kind.kind} rows under the header`,
          },
        ]);
      if (problems.length || more) {
        throw new InputError(
          problems,
          more
            ? `${problems[0] ? `${problems[0].file}, row ${problems[0].row ?? '?'}: ${problems[0].message}` : 'invalid input'} (and ${problems.length - 1 + more} more problems; the first ${MAX_PROBLEMS} are listed)`
            : undefined,
        );
      }
      if (options.dryRun) throw new DryRun();
      const sha256 = hash.digest('hex');
      await trx
        .insertInto('imports')
        .values({
          id: `${now}-${sha256.slice(0, 12)}-${kind.kind}`,
          kind: kind.kind,
          file_name: file,
          file_sha256: sha256,
          rows,
          ...countsOnly(counts),
          actor,
          at: now,
        })
        .execute();
      await appendAudit(trx, {
        actor,
        action: 'import',
        entity: kind.kind,
        details: { file, sha256, rows, ...countsOnly(counts) },
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
    ...countsOnly(counts),
    notices,
  };
}

const countsOnly = (c: WriteCounts) => ({
  inserted: c.inserted,
  updated: c.updated,
  unchanged: c.unchanged,
});

async function checkUtf8(path: string, file: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (head.includes(0))
      throw new InputError([
        { file, message: 'the file is binary, not text', fix: 'export it as CSV (UTF-8)' },
      ]);
    // `stream` lets the last character be cut in two at the end of the sample.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    } catch {
      throw new InputError([
        {
          file,
          message: 'the file is not UTF-8 text',
          fix: 'save it as "CSV UTF-8" from your spreadsheet program',
        },
      ]);
    }
  } finally {
    await fh.close();
  }
}
