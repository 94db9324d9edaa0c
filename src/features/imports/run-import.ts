import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError, InputError, type InputProblem } from '../../core/app-error.js';
import { startPhase } from '../../core/progress.js';
import { retryWrite, type Db } from '../../db/index.js';
import type { ImportKind, ParsedRow, WriteContext, WriteCounts } from './import-kind.js';
import { recordImport } from './import-record.js';
import { MAX_PROBLEMS, type ImportOptions, type ImportResult } from './import-options.js';
import { checkSourceOption } from './source-option.js';
import { readTable } from './read-table.js';
import type { Detected, SkippedRow } from './raw-table.js';
import { importCsvStream } from './stream-import.js';
import { validateTable } from './validate-table.js';
import type { Notice } from './message-codes.js';

export const STREAM_ABOVE_BYTES = 16 * 1024 * 1024;

class DryRunRollback extends Error {
  constructor(readonly counts: WriteCounts[]) {
    super('dry run');
  }
}

export async function importFile<T>(
  db: Db,
  kind: ImportKind<T>,
  path: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  let bytes: Buffer;
  try {
    const size = (await stat(path)).size;
    // Large CSV files stream: validated and written in one pass, never held whole in memory.
    if (path.toLowerCase().endsWith('.csv') && (options.stream ?? size > STREAM_ABOVE_BYTES)) {
      // Read again from the start when another writer conflicts.
      return await retryWrite(() => importCsvStream(db, kind, path, options));
    }
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(
      code === 'ENOENT' ? 'not_found' : 'invalid_input',
      code === 'ENOENT'
        ? `file ${path} does not exist; check the path`
        : `cannot read ${path}: ${(err as Error).message}`,
    );
  }
  return importBytes(db, kind, path, bytes, options);
}

export interface ImportItem {
  kind: ImportKind<unknown>;
  path: string;
  bytes: Buffer;
}

/**
 * All or nothing: every row of every file is validated first and every problem reported
 * together; then all rows are written in one transaction with the audit record, so a
 * failure (or a crash) leaves the database as it was. Rows are keyed by id, so importing a
 * file again changes nothing.
 */
export async function importMany(
  db: Db,
  items: ImportItem[],
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  await checkSourceOption(db, options.source, basename(items[0]?.path ?? ''));
  const prepared: (ImportItem & {
    file: string;
    rows: ParsedRow<unknown>[];
    notices: Notice[];
    sha256: string;
    detected: Detected;
    skipped: SkippedRow[];
  })[] = [];
  const problems: InputProblem[] = [];
  // With several files, each phase names its file.
  const phase = (name: string, file: string): string =>
    items.length > 1 ? `${name} ${file}` : name;
  for (const item of items) {
    const file = basename(item.path);
    const reading = startPhase(
      options.onProgress,
      phase('reading', file),
      'bytes',
      item.bytes.length,
    );
    const table = await readTable(file, item.bytes, {
      jsonKey: item.kind.jsonKey,
      headerScore: item.kind.headerScore,
      delimiter: options.delimiter,
      encoding: options.encoding,
      sheet: options.sheet,
      readSheets: options.readSheets,
    });
    reading.end();
    const checking = startPhase(
      options.onProgress,
      phase('checking', file),
      'rows',
      table.rows.length,
    );
    const v = validateTable(
      table,
      item.kind,
      options.mapping,
      { dateOrder: options.dateOrder, source: options.source },
      checking,
    );
    problems.push(...v.problems);
    if (item.kind.references) {
      const found = await item.kind.references(db.kysely, v.rows, file);
      problems.push(...found.map((p) => (p.column ? { ...p, column: v.shownAs(p.column) } : p)));
    }
    checking.end(table.rows.length, problems.length ? { problems: problems.length } : undefined);
    prepared.push({
      ...item,
      file,
      rows: v.rows,
      notices: v.notices,
      sha256: createHash('sha256').update(item.bytes).digest('hex'),
      detected: table.detected,
      skipped: table.skipped,
    });
  }
  if (problems.length) {
    problems.sort((a, b) =>
      a.file === b.file ? (a.row ?? 0) - (b.row ?? 0) : a.file.localeCompare(b.file),
    );
    // As for streamed files: a file wrong on every row gets a readable report, not 100,000 lines.
    const listed = problems.slice(0, MAX_PROBLEMS);
    const more = problems.length - listed.length;
    throw new InputError(
      listed,
      more
        ? `${InputError.summarise(listed.slice(0, 1))} (and ${problems.length - 1} more problems; the first ${MAX_PROBLEMS} are listed)`
        : undefined,
    );
  }

  const now = (options.now ?? new Date()).toISOString();
  const actor = options.actor ?? 'cli';
  let counts: WriteCounts[];
  try {
    // Another writer (a second import, another process) may conflict: run it again.
    counts = await retryWrite(() =>
      db.kysely.transaction().execute(async (trx) => {
        const out: WriteCounts[] = [];
        const writing = startPhase(
          options.onProgress,
          'writing',
          'rows',
          prepared.reduce((n, p) => n + p.rows.length, 0),
        );
        let before = 0;
        for (const p of prepared) {
          const ctx: WriteContext = { file: p.file, now };
          if (options.onProgress) ctx.onRows = (done) => writing.tick(before + done);
          const c = await p.kind.write(trx, p.rows, ctx);
          before += p.rows.length;
          writing.tick(before);
          out.push(c);
          if (options.dryRun) continue;
          await recordImport(trx, {
            kind: p.kind.kind,
            file: p.file,
            sha256: p.sha256,
            rows: p.rows.length,
            counts: c,
            actor,
            now,
            source: options.source,
          });
        }
        writing.end();
        if (options.dryRun) throw new DryRunRollback(out);
        return out;
      }),
    );
  } catch (err) {
    if (err instanceof DryRunRollback) counts = err.counts;
    else throw err;
  }
  return prepared.map((p, i) => ({
    kind: p.kind.kind,
    file: p.file,
    rows: p.rows.length,
    dryRun: Boolean(options.dryRun),
    ...(counts[i] ?? { inserted: 0, updated: 0, unchanged: 0 }),
    notices: [...p.notices, ...(counts[i]?.notices ?? [])],
    ...(options.source ? { source: options.source } : {}),
    detected: p.detected,
    skippedRows: p.skipped,
  }));
}

export async function importBytes<T>(
  db: Db,
  kind: ImportKind<T>,
  path: string,
  bytes: Buffer,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const [result] = await importMany(db, [{ kind: kind, path, bytes }], options);
  if (!result) throw new Error('import produced no result');
  return result;
}
