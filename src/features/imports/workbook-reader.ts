import { InputError } from '../../core/app-error.js';
import { retryLater, WorkerPool, type TaskRunner } from '../../core/worker-pool.js';
import type { Limits } from '../../limits-config.js';
import type { SheetsReader, WorkbookSheets } from './read-table.js';

export interface WorkbookJob {
  file: string;
  ext: string;
  bytes: Uint8Array;
}

export type WorkbookRunner = TaskRunner<WorkbookJob, WorkbookSheets>;

/**
 * Workbooks unpacked and parsed on worker threads whose heap is limited: a file that needs
 * more (a zip bomb the guards let through, a table far too large) stops its thread, and the
 * server goes on answering.
 */
export function workbookWorkerPool(limits: Limits): WorkbookRunner {
  return new WorkerPool<WorkbookJob, WorkbookSheets>({
    module: new URL('./workbook-worker.js', import.meta.url).href,
    what: 'reading the workbook',
    size: limits.readWorkers,
    queue: limits.readQueue,
    timeoutMs: limits.readTimeoutMs,
    resourceLimits: { maxOldGenerationSizeMb: limits.readMemoryMb },
    onCrash: (_err, job) =>
      new InputError([
        {
          file: job.file,
          message: `reading the workbook needed more than the ${limits.readMemoryMb} MB of memory the server allows for one file`,
          fix: 'export the table as CSV (UTF-8), which is imported in a stream, or split it into smaller files',
          code: 'workbook_out_of_memory',
          params: { mb: limits.readMemoryMb },
        },
      ]),
  });
}

export const readSheetsWith =
  (runner: WorkbookRunner): SheetsReader =>
  (file, ext, bytes) =>
    runner.run({ file, ext, bytes });

/**
 * One import at a time per account: each holds a file and its rows in memory, so one
 * account sending many at once could exhaust it.
 */
export class OneAtATime {
  private readonly running = new Set<string>();

  async run<T>(account: string, work: () => Promise<T>): Promise<T> {
    if (this.running.has(account))
      throw retryLater(
        'rate_limited',
        'an import of yours is still running; wait for it to finish, then send the next',
      );
    this.running.add(account);
    try {
      return await work();
    } finally {
      this.running.delete(account);
    }
  }
}
