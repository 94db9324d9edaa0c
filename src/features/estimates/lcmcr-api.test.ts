import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/index.js';
import { RunQueue } from './lcmcr-queue.js';

const hiv = (
  JSON.parse(readFileSync(new URL('../../../data/mse/LCMCR.json', import.meta.url), 'utf8')) as {
    dataset: { lists: string[]; histories: Record<string, number> };
  }
).dataset;

describeEachDb('POST /api/estimates/lcmcr', (get) => {
  it('gives an analyst the posterior of N with its diagnostics, and refuses others', async () => {
    const { db } = get();
    const app = await buildApp({ db, config: loadConfig({}) });
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/estimates/lcmcr',
      payload: { lists: hiv.lists, histories: hiv.histories },
    });
    expect([401, 403]).toContain(anonymous.statusCode);

    const s = await loginAs(app, db, 'analyst');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const res = await app.inject({
      method: 'POST',
      url: '/api/estimates/lcmcr',
      headers,
      payload: {
        lists: hiv.lists,
        histories: hiv.histories,
        settings: { burnin: 3000, samples: 1000, thin: 5, chains: 2, seed: 4 },
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      method: string;
      nObserved: number;
      N: { median: number; ci95: [number, number] };
      diagnostics: { rhat: number };
      settings: { chains: number; seeds: number[] };
    }>();
    expect(body).toMatchObject({ method: 'lcmcr', nObserved: 1896 });
    expect(body.settings).toMatchObject({ chains: 2, seeds: [4, 5] });
    // R's LCMCR: median 10,925 [9,365, 13,042]; a short run lands near it.
    expect(body.N.median).toBeGreaterThan(10_000);
    expect(body.N.median).toBeLessThan(12_000);

    const huge = await app.inject({
      method: 'POST',
      url: '/api/estimates/lcmcr',
      headers,
      payload: { lists: ['A', 'B'], histories: { '10': 1e15, '01': 3, '11': 1 } },
    });
    expect(huge.statusCode).toBe(400);
    const long = await app.inject({
      method: 'POST',
      url: '/api/estimates/lcmcr',
      headers,
      payload: { ...hiv, settings: { burnin: 200_000, chains: 8 } },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json<{ error: { message: string } }>().error.message).toMatch(
      /polon estimate lcmcr/,
    );
    await app.close();
  });
});

describe('the queue of LCMCR runs', () => {
  it('runs one at a time, keeps a short line and turns the rest away', async () => {
    const queue = new RunQueue(1, 1);
    let release: () => void = () => undefined;
    const order: string[] = [];
    const first = queue.run(
      () =>
        new Promise<void>((resolve) => {
          order.push('first started');
          release = () => resolve();
        }),
    );
    const second = queue.run(() => {
      order.push('second started');
      return Promise.resolve();
    });
    await expect(queue.run(() => Promise.resolve())).rejects.toMatchObject({
      code: 'busy',
    });
    expect(order).toEqual(['first started']);
    release();
    await first;
    await second;
    expect(order).toEqual(['first started', 'second started']);
  });
});
