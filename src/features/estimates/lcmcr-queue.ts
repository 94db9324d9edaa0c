import { AppError } from '../../core/app-error.js';

/**
 * LCMCR runs take both cores for seconds to minutes, so the server runs one at a time and
 * keeps a short line; beyond it a request is told to come back rather than piling up work.
 */
export class RunQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrent: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrent) {
      if (this.waiting.length >= this.maxWaiting)
        throw new AppError(
          'busy',
          `${this.running + this.waiting.length} LCMCR estimates are running or waiting; try again in a few minutes`,
          { retryAfter: 60 },
        );
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
