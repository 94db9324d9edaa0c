import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type {
  CandidatePairs,
  CompiledRecords,
  LinkOptions,
  LinkResult,
  RuleBlocks,
} from '../../linkage/index.js';
import {
  DEFAULT_BLOCKING_OPTIONS,
  DEFAULT_BLOCKING_RULES,
  buildRuleBlocks,
  compileRecords,
  findCandidatePairs,
  linkCompiled,
  mergeCandidatePairs,
  randomPairU,
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

/**
 * What a shard's thread sends: its progress now and then, the blocks of its share of the
 * rules (in shared memory), its pairs at the end.
 */
type ShardMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'blocks'; built: { rule: number; blocks: RuleBlocks }[] }
  | ({ type: 'pairs' } & CandidatePairs);

/** What a shard's thread is sent once every thread has built its rules: all the blocks. */
interface AllBlocks {
  blocks: RuleBlocks[];
}

export interface WorkerLinkOptions extends LinkOptions {
  /** Threads for blocking and comparing; default: the machine's cores, at most 4. */
  workers?: number;
}

/** Below this many records, starting threads costs more than it saves. */
const MIN_RECORDS_FOR_WORKERS = 20_000;

/**
 * Runs the shards: each builds the blocks of every n-th rule and shares them, then each
 * compares the pairs of every n-th block of every rule. Every thread used to build all the
 * blocks; a second of the link's time at a million records for each rule.
 */
function runShards(
  jobs: ShardJob[],
  rules: number,
  onProgress: (shard: number, p: Progress) => void,
): Promise<CandidatePairs[]> {
  const blocks = new Array<RuleBlocks>(rules);
  const workers: ReturnType<typeof startWorker>[] = [];
  let built = 0;
  return Promise.all(
    jobs.map(
      (job) =>
        new Promise<CandidatePairs>((resolve, reject) => {
          const worker = startWorker(import.meta.url, job);
          workers.push(worker);
          let finished = false;
          // The others would wait for this one's blocks for ever.
          const fail = (err: Error): void => {
            for (const w of workers) void w.terminate();
            reject(err);
          };
          worker.on('message', (m: ShardMessage) => {
            if (m.type === 'progress') {
              onProgress(job.shard, m.progress);
            } else if (m.type === 'blocks') {
              for (const b of m.built) blocks[b.rule] = b.blocks;
              if (++built === jobs.length) {
                for (const w of workers) w.postMessage({ blocks } satisfies AllBlocks);
              }
            } else {
              finished = true;
              resolve(m);
              void worker.terminate();
            }
          });
          worker.once('error', fail);
          worker.once('exit', (code) => {
            if (!finished) fail(new Error(`linkage worker stopped with exit code ${code}`));
          });
        }),
    ),
  );
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
  const rules = (options.rules ?? DEFAULT_BLOCKING_RULES).length;
  const progress = options.onProgress
    ? shardProgress(options.onProgress, shards, rules)
    : undefined;
  const sharding = runShards(
    Array.from({ length: shards }, (_, shard) => ({
      polonLinkageShard: true as const,
      compiled,
      rules: options.rules,
      blocking: options.blocking,
      shard,
      shards,
      progress: Boolean(progress),
    })),
    rules,
    (shard, p) => progress?.report(shard, p),
  );
  // This thread would wait for the shards; it measures u on random pairs meanwhile.
  const randomU = randomPairU(compiled, options);
  const parts = await sharding;
  const pairs = mergeCandidatePairs(parts);
  progress?.end(pairs.length);
  return linkCompiled(compiled, ids, options, pairs, randomU);
}

/**
 * The shards' progress as one: the rules built by all of them; then each goes through all
 * the blocks, comparing its own: the blocks done are the shards' average, the pairs found
 * their sum.
 */
function shardProgress(
  onProgress: OnProgress,
  shards: number,
  rules: number,
): { report: (shard: number, p: Progress) => void; end: (pairs: number) => void } {
  const built = new Array<number>(shards).fill(0);
  const done = new Array<number>(shards).fill(0);
  const found = new Array<number>(shards).fill(0);
  let blocking: PhaseProgress | undefined;
  let comparing: PhaseProgress | undefined;
  let total = 0;
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  return {
    report(shard, p) {
      if (p.phase !== 'comparing pairs') {
        if (comparing) return;
        blocking ??= startPhase(onProgress, p.phase, p.unit, rules);
        built[shard] = p.done;
        blocking.tick(sum(built));
        return;
      }
      if (!comparing) {
        // Every shard has built its rules before any compares.
        blocking?.end(rules);
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

/** Blocks in shared memory, so that every shard reads the one copy. */
function shareBlocks(b: RuleBlocks): RuleBlocks {
  const share = (a: Int32Array): Int32Array => {
    const shared = new Int32Array(new SharedArrayBuffer(a.byteLength));
    shared.set(a);
    return shared;
  };
  return {
    ...b,
    blockOf: share(b.blockOf),
    position: share(b.position),
    members: share(b.members),
    start: share(b.start),
  };
}

if (!isMainThread && (workerData as Partial<ShardJob> | null)?.polonLinkageShard === true) {
  const job = workerData as ShardJob;
  const send = (m: ShardMessage, transfer: ArrayBuffer[] = []): void =>
    parentPort?.postMessage(m, transfer);
  const onProgress: OnProgress | undefined = job.progress
    ? (progress) => send({ type: 'progress', progress })
    : undefined;
  // As candidatePairsOf does it in one thread, the blocks built apart.
  const options = { ...DEFAULT_BLOCKING_OPTIONS, ...job.blocking };
  const rules = job.rules ?? DEFAULT_BLOCKING_RULES;
  const mine = rules.flatMap((rule, k) => (k % job.shards === job.shard ? [{ rule, k }] : []));
  const building = startPhase(onProgress, 'blocking', 'rules', mine.length);
  const built = mine.map(({ rule, k }, n) => {
    const blocks = shareBlocks(buildRuleBlocks(job.compiled, rule, options));
    building.tick(n + 1);
    return { rule: k, blocks };
  });
  building.end();
  send({ type: 'blocks', built });
  parentPort?.once('message', ({ blocks }: AllBlocks) => {
    let total = 0;
    for (const b of blocks) total += b.blockCount;
    const comparing = startPhase(onProgress, 'comparing pairs', 'blocks', total);
    const pairs = findCandidatePairs(job.compiled, blocks, {
      ...options,
      shard: job.shard,
      shards: job.shards,
      onProgress: onProgress
        ? (done, _total, found) => comparing.tick(done, { pairs: found })
        : undefined,
    });
    comparing.end(total, { pairs: pairs.length });
    const a = pairs.a.slice();
    const b = pairs.b.slice();
    const pattern = pairs.pattern.slice();
    send({ type: 'pairs', a, b, pattern, length: pairs.length, perRule: pairs.perRule }, [
      a.buffer,
      b.buffer,
      pattern.buffer,
    ]);
  });
}
