import type { ResourceLimits, Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from './app-error.js';
import { startWorker } from './start-worker.js';
import type { PoolReply, PoolTask } from './pool-worker.js';

export interface WorkerPoolOptions<I> {
  /** The worker module, as built (`new URL('./x-worker.js', import.meta.url).href`). */
  module: string;
  /** What the work is, for messages: "the estimate", "reading the workbook". */
  what: string;
  /** Workers running at once. */
  size: number;
  /** Tasks waiting for a worker; one more is refused with `busy`. */
  queue: number;
  /** A task running longer has its worker terminated and fails with `timed_out`. */
  timeoutMs: number;
  resourceLimits?: ResourceLimits;
  /** The error for a task whose worker died under it (out of memory, most often). */
  onCrash?: (err: unknown, input: I) => Error;
}

/** A pool as its callers see it, so tests can hand a route one that records its tasks. */
export interface TaskRunner<I, O> {
  run(input: I): Promise<O>;
  close(): Promise<void>;
}

interface Pending<I, O> {
  input: I;
  resolve: (value: O) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

/** Seconds a client refused for load is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

export const retryLater = (code: ErrorCode, message: string): AppError =>
  new AppError(code, message, { retryAfter: RETRY_AFTER_SECONDS });

/**
 * A bounded set of worker threads for CPU-heavy requests: the event loop stays free to
 * answer everyone else, at most `size` tasks burn CPU at once, at most `queue` wait, and
 * none runs longer than `timeoutMs` (its thread is terminated: JavaScript cannot be
 * interrupted otherwise). A worker that dies is replaced on the next task.
 */
export class WorkerPool<I, O> implements TaskRunner<I, O> {
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending<I, O>[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions<I>) {}

  run(input: I): Promise<O> {
    if (this.closed) return Promise.reject(new Error(`${this.options.what}: the pool is closed`));
    return new Promise<O>((resolve, reject) => {
      const task = { input, resolve, reject };
      const slot = this.idleSlot();
      if (slot) return this.start(slot, task);
      if (this.waiting.length >= this.options.queue)
        return reject(
          retryLater(
            'busy',
            `the server is busy with other requests for ${this.options.what}; try again in ${RETRY_AFTER_SECONDS} seconds`,
          ),
        );
      this.waiting.push(task);
    });
  }

  /** Tasks running and waiting, for tests and health reports. */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.busy).length, waiting: this.waiting.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.waiting.splice(0)) t.reject(new Error(`${this.options.what}: stopped`));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private idleSlot(): Slot | undefined {
    const idle = this.slots.find((s) => !s.busy);
    if (idle) return idle;
    if (this.slots.length >= this.options.size) return undefined;
    const slot = {
      worker: startWorker(this.options.module, null, this.options.resourceLimits),
      busy: false,
    };
    // An idle worker does not keep the process alive (a CLI command may end).
    slot.worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, task: Pending<I, O>): void {
    slot.busy = true;
    slot.worker.ref();
    const id = this.nextId++;
    const { worker } = slot;
    const done = (): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const drop = (): void => {
      const at = this.slots.indexOf(slot);
      if (at !== -1) this.slots.splice(at, 1);
    };
    const onMessage = (reply: PoolReply<O>): void => {
      if (reply.id !== id) return;
      done();
      slot.busy = false;
      worker.unref();
      if (reply.ok) task.resolve(reply.value);
      else task.reject(revive(reply.error));
      this.next();
    };
    const failed = (err: unknown): void => {
      done();
      drop();
      task.reject(
        this.options.onCrash?.(err, task.input) ??
          new Error(`${this.options.what}: the worker stopped (${String(err)})`),
      );
      this.next();
    };
    const onError = (err: Error): void => {
      failed(err);
      void worker.terminate();
    };
    const onExit = (code: number): void => failed(new Error(`exit code ${code}`));
    const timer = setTimeout(() => {
      done();
      drop();
      void worker.terminate();
      task.reject(
        retryLater(
          'timed_out',
          `${this.options.what} took longer than ${Math.round(this.options.timeoutMs / 1000)} seconds and was stopped; ask for less (fewer lists, a smaller file), or run it on the command line`,
        ),
      );
      this.next();
    }, this.options.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, input: task.input } satisfies PoolTask<I>);
  }

  private next(): void {
    const task = this.waiting[0];
    if (!task || this.closed) return;
    const slot = this.idleSlot();
    if (!slot) return;
    this.waiting.shift();
    this.start(slot, task);
  }
}

function revive(e: { code: string | null; message: string; details?: unknown }): Error {
  return e.code ? new AppError(e.code as ErrorCode, e.message, e.details) : new Error(e.message);
}
