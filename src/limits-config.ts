import { z } from 'zod';

const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * The limits of the expensive routes, read by config.ts with the rest of the environment.
 * Defaults suit a 2-core machine: one thread estimates and one reads workbooks, so one core
 * always stays for answering everyone else.
 */
export const LimitsEnv = {
  POLON_ESTIMATE_WORKERS: count(1, 64, 1),
  POLON_ESTIMATE_QUEUE: count(0, 1000, 4),
  POLON_ESTIMATE_TIMEOUT_MS: count(100, 600_000, 20_000),
  POLON_ESTIMATE_CACHE: count(0, 100_000, 500),
  POLON_ESTIMATE_RATE: count(0, 100_000, 20),
  POLON_READ_WORKERS: count(1, 64, 1),
  POLON_READ_QUEUE: count(0, 1000, 2),
  POLON_READ_TIMEOUT_MS: count(100, 3_600_000, 120_000),
  POLON_READ_MEMORY_MB: count(64, 65_536, 2048),
};

type LimitsInput = { [K in keyof typeof LimitsEnv]: number };

export interface Limits {
  /** Threads for estimates (the public MSE route, the analysts' captivity estimate). */
  readonly estimateWorkers: number;
  /** Estimates waiting for a thread; one more is refused with 503 `busy`. */
  readonly estimateQueue: number;
  /** An estimate running longer is stopped: 503 `timed_out`. */
  readonly estimateTimeoutMs: number;
  /** Answers kept by table and options; 0: none. */
  readonly estimateCache: number;
  /** Estimates one client (IP address) may ask for per minute; 0: no limit. */
  readonly estimateRate: number;
  /** Threads for reading uploaded workbooks (.xlsx, .xls, .ods). */
  readonly readWorkers: number;
  readonly readQueue: number;
  readonly readTimeoutMs: number;
  /** Heap of a reading thread: a file needing more stops that thread, not the server. */
  readonly readMemoryMb: number;
}

export function limitsFrom(e: LimitsInput): Limits {
  return {
    estimateWorkers: e.POLON_ESTIMATE_WORKERS,
    estimateQueue: e.POLON_ESTIMATE_QUEUE,
    estimateTimeoutMs: e.POLON_ESTIMATE_TIMEOUT_MS,
    estimateCache: e.POLON_ESTIMATE_CACHE,
    estimateRate: e.POLON_ESTIMATE_RATE,
    readWorkers: e.POLON_READ_WORKERS,
    readQueue: e.POLON_READ_QUEUE,
    readTimeoutMs: e.POLON_READ_TIMEOUT_MS,
    readMemoryMb: e.POLON_READ_MEMORY_MB,
  };
}
