import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/databases.js';
import { loadPublicDataset } from '../public-data/index.js';
import { exchangeStats } from './exchange-stats.js';
import { loadExchanges } from './exchanges.repository.js';

describeEachDb('exchange statistics over the public dataset', (get) => {
  it('counts the Istanbul stages and the 1000-for-1000 as one exchange each, as of 1 Nov 2025', async () => {
    const { db } = get();
    await loadPublicDataset(db);
    const asOf = '2025-11-01';
    const s = exchangeStats(await loadExchanges(db.kysely, { asOf }), asOf);
    expect(s.exchanges).toBe(64);
    expect(s.byYear.map((y) => [y.year, y.exchanges])).toEqual([
      [2022, 30],
      [2023, 13],
      [2024, 11],
      [2025, 10],
    ]);
    // The Istanbul-II total is "more than 1,000": the sum is a lower bound.
    expect(s.returnedIsLowerBound).toBe(true);
    expect(s.returned).toBe(7199);
    expect(s.bodiesReturned).toBe(11049);
    expect(s.localSwaps).toEqual({ events: 3, returned: 11 });
  });

  it('gives the end-of-2024 figures the records hold', async () => {
    const { db } = get();
    await loadPublicDataset(db);
    const s = exchangeStats(await loadExchanges(db.kysely), '2024-12-31');
    expect(s).toMatchObject({
      asOf: '2024-12-31',
      exchanges: 54,
      returned: 3902,
      returnedIsLowerBound: false,
    });
  });
});
