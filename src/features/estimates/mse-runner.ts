import { LruCache } from '../../core/lru-cache.js';
import { WorkerPool, type TaskRunner } from '../../core/worker-pool.js';
import type { MseResult, OverlapTable } from '../../estimation/index.js';
import type { Limits } from '../../limits-config.js';

/** One estimate as a worker is given it: options that cross a thread (no progress callback). */
export interface MseJob {
  table: OverlapTable;
  options: { criterion?: 'aic' | 'bic'; top?: number };
}

export type MseRunner = TaskRunner<MseJob, MseResult>;

/** Estimates on worker threads, within the limits configured. */
export function mseWorkerPool(limits: Limits): MseRunner {
  return new WorkerPool<MseJob, MseResult>({
    module: new URL('./mse-worker.js', import.meta.url).href,
    what: 'the estimate',
    size: limits.estimateWorkers,
    queue: limits.estimateQueue,
    timeoutMs: limits.estimateTimeoutMs,
  });
}

/**
 * The same table with the same options gives the same estimate: the key is the table with
 * its histories in one order (the order of the lists matters, it names the models). A
 * request for a table being estimated waits for that estimate instead of starting another.
 */
export function cachedMse(runner: MseRunner, entries: number): MseRunner {
  if (entries <= 0) return runner;
  const cache = new LruCache<string, Promise<MseResult>>(entries);
  return {
    run(job) {
      const histories = Object.entries(job.table.histories).sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      );
      const key = JSON.stringify([
        job.table.lists,
        histories,
        job.options.criterion ?? 'bic',
        job.options.top ?? null,
      ]);
      const known = cache.get(key);
      if (known) return known;
      const result = runner.run(job);
      cache.set(key, result);
      // A refusal (busy, timed out) is not the table's answer: the next request tries again.
      result.catch(() => {
        if (cache.get(key) === result) cache.delete(key);
      });
      return result;
    },
    close: () => runner.close(),
  };
}
