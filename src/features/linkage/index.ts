export { runLinkFile, readLinkRecords, LINK_INPUT_COLUMNS } from './run-link-file.js';
export type { LinkFileOptions, LinkFileResult } from './run-link-file.js';
export { formatLinkResult } from './format-link-result.js';
export { readReviewDecisions, writeReviewQueue } from './review-queue-file.js';
export { createRecordPreparer, unitKey } from './prepare-link-record.js';
export type { PersonRecordInput, PreparedRecord } from './prepare-link-record.js';
export { linkInWorkers } from './link-in-workers.js';
export type { WorkerLinkOptions } from './link-in-workers.js';
export { linkDatabase } from './link-database.js';
export {
  decidePair,
  listNearCertainPairs,
  listOpenPairs,
  storedDecisions,
} from './review-queue.repository.js';
export { reviewQueueRoutes } from './review-queue.routes.js';
export { linkageCommands } from './linkage.commands.js';
