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
import {
  startPhase,
  type OnProgress,
  type PhaseProgress,
  type Progress,
} from '../../core/progress.js';
import { startWorker } from '../../core/start-worker.js';

interface ShardJob {
  polonLinkageShard: true;
  compiled: CompiledRecords;
  rules: LinkOptions['rules'];
  blocking: LinkOptions['blocking'];
  shard: number;
  shards: number;
  /** Send `progress` messages while blocking and comparing. */
  progress: boolean;
}

/** What a shard's thread sends: its progress now and then, its pairs at the end. */
type ShardMessage = { type: 'progress'; progress: Progress } | ({ type: 'pairs' } & CandidatePairs);

export interface WorkerLinkOptions extends LinkOptions {
  /** Threads for blocking and comparing; default: the machine's cores, at most 4. */
  workers?: number;
}

/** Below this many records, starting threads costs more than it saves. */
const MIN_RECORDS_FOR_WORKERS = 20_000;

function runShard(job: ShardJob, onProgress: (p: Progress) => void): Promise<CandidatePairs> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, job);
    worker.on('message', (m: ShardMessage) => {
      if (m.type === 'progress') {
        onProgress(m.progress);
        return;
      }
      resolve(m);
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
  const preparing = startPhase(options.onProgress, 'indexing names', 'records', records.length);
  const compiled = compileRecords(records);
  const ids = records.map((r) => r.id);
  preparing.end();
  return linkCompiledInWorkers(compiled, ids, options);
}

/** `linkInWorkers` for records compiled already, `ids` in their order. */
export async function linkCompiledInWorkers(
  compiled: CompiledRecords,
  ids: readonly string[],
  options: WorkerLinkOptions = {},
): Promise<LinkResult> {
  const shards = Math.max(1, Math.min(4, options.workers ?? availableParallelism()));
  if (shards === 1 || compiled.size < MIN_RECORDS_FOR_WORKERS) {
    return linkCompiled(compiled, ids, options);
  }
  const progress = options.onProgress ? shardProgress(options.onProgress, shards) : undefined;
  const parts = await Promise.all(
    Array.from({ length: shards }, (_, shard) =>
      runShard(
        {
          polonLinkageShard: true,
          compiled,
          rules: options.rules,
          blocking: options.blocking,
          shard,
          shards,
          progress: Boolean(progress),
        },
        (p) => progress?.report(shard, p),
      ),
    ),
  );
  const pairs = mergeCandidatePairs(parts);
  progress?.end(pairs.length);
  return linkCompiled(compiled, ids, options, pairs);
}

/**
 * The shards' progress as one. Every shard builds all the blocks, so the blocking of the
 * first to report it stands for them all; then each goes through all the blocks, comparing
 * its own: the blocks done are the shards' average, the pairs found their sum.
 */
function shardProgress(
  onProgress: OnProgress,
  shards: number,
): { report: (shard: number, p: Progress) => void; end: (pairs: number) => void } {
  const done = new Array<number>(shards).fill(0);
  const found = new Array<number>(shards).fill(0);
  let comparing: PhaseProgress | undefined;
  let blocking: Progress | undefined;
  let lead: number | undefined;
  let total = 0;
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  return {
    report(shard, p) {
      if (p.phase !== 'comparing pairs') {
        lead ??= shard;
        if (shard === lead && !comparing) onProgress((blocking = p));
        return;
      }
      if (!comparing) {
        // Another shard may compare before the first says its blocking has ended.
        if (blocking && blocking.total !== undefined && blocking.done < blocking.total)
          onProgress({ ...blocking, done: blocking.total });
        total = p.total ?? 0;
        comparing = startPhase(onProgress, p.phase, p.unit, total);
      }
      done[shard] = p.done;
      found[shard] = p.also?.pairs ?? 0;
      comparing.tick(Math.floor(sum(done) / shards), { pairs: sum(found) });
    },
    end(pairs) {
      comparing?.end(total, { pairs });
    },
  };
}

if (!isMainThread && (workerData as Partial<ShardJob> | null)?.polonLinkageShard === true) {
  const job = workerData as ShardJob;
  const send = (m: ShardMessage, transfer: ArrayBuffer[] = []): void =>
    parentPort?.postMessage(m, transfer);
  const pairs = candidatePairsOf(job.compiled, {
    rules: job.rules,
    blocking: job.blocking,
    shard: job.shard,
    shards: job.shards,
    onProgress: job.progress ? (progress) => send({ type: 'progress', progress }) : undefined,
  });
  const a = pairs.a.slice();
  const b = pairs.b.slice();
  const pattern = pairs.pattern.slice();
  send({ type: 'pairs', a, b, pattern, length: pairs.length, perRule: pairs.perRule }, [
    a.buffer,
    b.buffer,
    pattern.buffer,
  ]);
}
