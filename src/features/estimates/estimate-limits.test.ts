import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { syntheticTable } from '../../../bench/mse.bench.js';
import { describeEachDb } from '../../../test/databases.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/app.js';
import type { MseJob, MseRunner } from './mse-runner.js';

/** A runner that records what it is given and answers a canned result: no fitting at all. */
function recordingRunner(): MseRunner & { jobs: MseJob[] } {
  const jobs: MseJob[] = [];
  return {
    jobs,
    run(job) {
      jobs.push(job);
      return Promise.resolve({ recorded: jobs.length } as never);
    },
    close: () => Promise.resolve(),
  };
}

const SIX = syntheticTable();

describeEachDb('limits of the estimate routes', (get) => {
  let open: FastifyInstance | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });
  const app = async (env: Record<string, string> = {}, mse?: MseRunner) => {
    open = await buildApp({
      db: get().db,
      config: loadConfig(env),
      ...(mse ? { work: { mse } } : {}),
    });
    return open;
  };
  const post = (a: FastifyInstance, payload: object, query = '') =>
    a.inject({ method: 'POST', url: `/api/estimates/mse${query}`, payload });

  it('hands the fit to the worker runner, never fitting on the server thread', async () => {
    const runner = recordingRunner();
    const res = await post(await app({}, runner), SIX, '?top=5');
    // The canned answer is not a valid MseResult: only the response schema could refuse it,
    // so the route must not check it by fitting itself; what matters is who did the work.
    expect(runner.jobs).toEqual([{ table: SIX, options: { criterion: 'bic', top: 5 } }]);
    expect(res.statusCode).not.toBe(200);
  });

  it('answers the same table from the cache, without a second fit', async () => {
    const runner = recordingRunner();
    const a = await app({}, runner);
    await post(a, SIX);
    // Histories in another order are the same table.
    const reordered = {
      lists: SIX.lists,
      histories: Object.fromEntries(Object.entries(SIX.histories).reverse()),
    };
    await post(a, reordered);
    expect(runner.jobs).toHaveLength(1);
    await post(a, SIX, '?criterion=aic');
    expect(runner.jobs).toHaveLength(2);
  });

  it('refuses a count too large to estimate with a 400 naming the cell, before any fit', async () => {
    const runner = recordingRunner();
    const res = await post(await app({}, runner), {
      lists: ['A', 'B', 'C'],
      histories: { '100': 10, '010': 10 ** 15, '001': 10, '110': 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringContaining('010') as string },
    });
    expect(runner.jobs).toHaveLength(0);
  });

  it('gives the client over its limit a 429 rate_limited with Retry-After', async () => {
    const a = await app({ POLON_ESTIMATE_RATE: '2' }, recordingRunner());
    const table = (n: number) => ({ lists: ['A', 'B'], histories: { '10': n, '01': 5, '11': 2 } });
    await post(a, table(1));
    await post(a, table(2));
    const third = await post(a, table(3));
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses an estimate with 503 busy when the queue is full', async () => {
    const a = await app({
      POLON_ESTIMATE_QUEUE: '0',
      POLON_ESTIMATE_CACHE: '0',
      POLON_ESTIMATE_RATE: '0',
    });
    const [one, two] = await Promise.all([post(a, SIX), post(a, syntheticTable(7))]);
    const codes = [one.statusCode, two.statusCode].sort();
    expect(codes).toEqual([200, 503]);
    const refused = one.statusCode === 503 ? one : two;
    expect(refused.json()).toMatchObject({ error: { code: 'busy' } });
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('stops an estimate that runs past the time limit: 503 timed_out', async () => {
    const a = await app({ POLON_ESTIMATE_TIMEOUT_MS: '100', POLON_ESTIMATE_CACHE: '0' });
    const res = await post(a, SIX, '?top=100');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'timed_out' } });
  });
});
