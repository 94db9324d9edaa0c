import { serveTasks } from '../../core/pool-worker.js';
import { workbookSheets } from './read-table.js';
import type { WorkbookJob } from './workbook-reader.js';

serveTasks((job: WorkbookJob) =>
  workbookSheets(
    job.file,
    job.ext,
    Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength),
  ),
);
