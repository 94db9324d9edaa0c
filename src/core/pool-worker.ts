import { parentPort } from 'node:worker_threads';
import { AppError } from './app-error.js';

export interface PoolTask<I> {
  id: number;
  input: I;
}

export type PoolReply<O> =
  | { id: number; ok: true; value: O }
  | { id: number; ok: false; error: { code: string | null; message: string; details?: unknown } };

/**
 * The worker side of a WorkerPool: answers each task with `handle`'s result, or with its
 * error (an AppError keeps its code and details, so the client sees the same 400 as when
 * the work ran in the server's thread).
 */
export function serveTasks<I, O>(handle: (input: I) => O | Promise<O>): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (task: PoolTask<I>) => {
    void (async () => {
      let reply: PoolReply<O>;
      try {
        reply = { id: task.id, ok: true, value: await handle(task.input) };
      } catch (err) {
        reply = {
          id: task.id,
          ok: false,
          error:
            err instanceof AppError
              ? { code: err.code, message: err.message, details: err.details }
              : { code: null, message: err instanceof Error ? err.message : String(err) },
        };
      }
      port.postMessage(reply);
    })();
  });
}
