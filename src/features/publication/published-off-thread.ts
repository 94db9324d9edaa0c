import { AppError, type ErrorCode } from '../../core/app-error.js';
import { startWorker } from '../../core/start-worker.js';
import type { DbConfig } from '../../db/index.js';
import type { Published } from './published.js';
import type { PublishedJob, PublishedReply } from './published-worker.js';

/**
 * `computePublished` on a worker thread with its own connection: with 100,000 persons it
 * reads and folds every record for seconds, and on SQLite that work would stop the server
 * answering anyone (health checks, the analysts' pages) until it finished.
 */
export function computePublishedOffThread(
  config: DbConfig,
  asOf: string,
  threshold: number,
): Promise<Published> {
  const worker = startWorker(new URL('./published-worker.js', import.meta.url).href, {
    config,
    asOf,
    threshold,
  } satisfies PublishedJob);
  return new Promise<Published>((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: PublishedReply) => {
      settled = true;
      if (reply.ok) resolve(reply.value);
      else
        reject(
          reply.code
            ? new AppError(reply.code as ErrorCode, reply.message)
            : new Error(`computing the public figures failed: ${reply.message}`),
        );
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the public figures' worker stopped with code ${code}`));
    });
  });
}
