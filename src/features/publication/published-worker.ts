import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../core/app-error.js';
import { createDb, type DbConfig } from '../../db/index.js';
import { computePublished } from './published.js';

export interface PublishedJob {
  config: DbConfig;
  asOf: string;
  threshold: number;
}

export type PublishedReply =
  | { ok: true; value: Awaited<ReturnType<typeof computePublished>> }
  | { ok: false; code: string | null; message: string };

async function run(job: PublishedJob): Promise<PublishedReply> {
  const db = createDb(job.config);
  try {
    return { ok: true, value: await computePublished(db.kysely, job.asOf, job.threshold) };
  } catch (err) {
    return {
      ok: false,
      code: err instanceof AppError ? err.code : null,
      message: err instanceof Error ? err.message : String(err),
    };
  } finally {
    await db.close();
  }
}

const port = parentPort;
if (port) {
  void run(workerData as PublishedJob).then((reply) => {
    port.postMessage(reply);
    port.close();
  });
}
