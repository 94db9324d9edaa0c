import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type {
  CandidatePairs,
  CompiledRecords,
  LinkOptions,
  LinkResult,
} from '../../linkage/index.js';
import {
  candidatePairsOf,
  compileRecords,
  linkCompiled,
  mergeCandidatePairs,
} from '../../linkage/index.js';
import type { LinkRecord } from '../../linkage/index.js';
import { startWorker } from '../../core/start-worker.js';

interface ShardJob {
  polonLinkageShard: true;
  compiled: CompiledRecords;
  rules: LinkOptions['rules'];
  blocking: LinkOptions['blocking'];
  shard: number;
  shards: number;
}

export interface WorkerLinkOptions extends LinkOptions {
  /** Threads for blocking and comparing; default: the machine's cores, at most 4. */
  workers?: number;
}

/** Below this many records, starting threads costs more than it saves. */
const MIN_RECORDS_FOR_WORKERS = 20_000;

function runShard(job: ShardJob): Promise<CandidatePairs> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, job);
    worker.once('message', (pairs: CandidatePairs) => {
      resolve(pairs);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`linkage worker stopped with exit code ${code}`));
    });
  });
}

/**
 * Links records with blocking and comparison split across threads (each takes every
 * n-th block of every rule), then estimates and clusters in this thread. The result is
 * the same as `linkRecords` in one thread: pairs are clustered in weight order, not in
 * the order the threads found them.
 */
export async function linkInWorkers(
  records: readonly LinkRecord[],
  options: WorkerLinkOptions = {},
): Promise<LinkResult> {
  const compiled = compileRecords(records);
  const ids = records.map((r) => r.id);
  const shards = Math.max(1, Math.min(4, options.workers ?? availableParallelism()));
  if (shards === 1 || compiled.size < MIN_RECORDS_FOR_WORKERS) {
    return linkCompiled(compiled, ids, options);
  }
  options.onProgress?.({ stage: 'comparing', done: 0, total: shards });
  let done = 0;
  const parts = await Promise.all(
    Array.from({ length: shards }, (_, shard) =>
      runShard({
        polonLinkageShard: true,
        compiled,
        rules: options.rules,
        blocking: options.blocking,
        shard,
        shards,
      }).then((p) => {
        done++;
        options.onProgress?.({ stage: 'comparing', done, total: shards });
        return p;
      }),
    ),
  );
  return linkCompiled(compiled, ids, options, mergeCandidatePairs(parts));
}

if (!isMainThread && (workerData as Partial<ShardJob> | null)?.polonLinkageShard === true) {
  const job = workerData as ShardJob;
  const pairs = candidatePairsOf(job.compiled, {
    rules: job.rules,
    blocking: job.blocking,
    shard: job.shard,
    shards: job.shards,
  });
  const a = pairs.a.slice();
  const b = pairs.b.slice();
  const pattern = pairs.pattern.slice();
  parentPort?.postMessage({ a, b, pattern, length: pairs.length, perRule: pairs.perRule }, [
    a.buffer,
    b.buffer,
    pattern.buffer,
  ]);
}
