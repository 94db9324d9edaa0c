import type { FlatRows } from '../../db/index.js';
import { idKeyInUse } from '../../core/id-key.js';
import { startWorker } from '../../core/start-worker.js';
import type { CsvReadOptions, CsvSummary, RowEvent } from './import-options.js';
import type { ImportKind } from './import-kind.js';

export interface WorkerJob {
  module: string;
  exportName: string;
  path: string;
  file: string;
  options: CsvReadOptions;
  now: string;
  /** POLON_ID_KEY: the worker makes the rows' ids. */
  idKey?: string | undefined;
}

/**
 * Rows of a batch that name the same referenced things (a million records name a handful of
 * sources): checked once, and a problem found for the group is a problem of each row in it.
 */
export interface ReferenceGroup<T> {
  /** The reference fields alone. */
  value: T;
  /** The rows, in file order. */
  rows: number[];
}

/** A batch shaped into table rows by the worker, with the fields reference checks need. */
export interface TableBatch<T> {
  type: 'table';
  refs: ReferenceGroup<T>[];
  rows: FlatRows;
  /** Each table row's line in the file. */
  rowNumbers: number[];
}

export type WorkerMessage =
  | Exclude<RowEvent<unknown>, { type: 'batch' }>
  | TableBatch<unknown>
  | { type: 'end'; summary: CsvSummary }
  | { type: 'error'; message: string };

/**
 * The events of `csvRowEvents`, produced on a worker thread, with batches already turned
 * into table rows. Each batch taken asks the worker for one more, so it never runs more
 * than a few batches ahead of the writer.
 */
export async function* workerRowEvents<T>(
  kind: ImportKind<T>,
  job: Omit<WorkerJob, 'module' | 'exportName'>,
): AsyncGenerator<Exclude<RowEvent<T>, { type: 'batch' }> | TableBatch<T>, CsvSummary> {
  const parallel = kind.parallel;
  if (!parallel) throw new Error(`${kind.kind} rows cannot be prepared in a worker`);
  const worker = startWorker(
    new URL('./validate-worker.js', import.meta.url).href,
    {
      ...job,
      idKey: idKeyInUse(),
      module: parallel.module,
      exportName: parallel.exportName,
    } satisfies WorkerJob,
    // Rows are short-lived garbage by the million: a larger young generation lets them die
    // in fewer scavenges (they took about a third of the worker's time with the default,
    // and a quarter with 48 MiB; 128 MiB saved about 3 CPU-seconds a million rows more).
    { maxYoungGenerationSizeMb: 128 },
  );
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (err) => {
    failure = err;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new Error(`the import worker stopped with code ${code}`);
    wake?.();
  });
  try {
    for (;;) {
      const m = queue.shift();
      if (!m) {
        if (failure) throw failure;
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      if (m.type === 'end') return m.summary;
      if (m.type === 'error') throw new Error(`the import worker failed: ${m.message}`);
      if (m.type === 'table') {
        yield m as TableBatch<T>;
        worker.postMessage('more');
      } else yield m;
    }
  } finally {
    await worker.terminate();
  }
}
