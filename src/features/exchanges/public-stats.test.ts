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

describeEachDb('exchange statistics over the bundled data of 2026', (get) => {
  it('counts the 71st–73rd exchanges and the swap of 15 May 2026, each row with its sources', async () => {
    const { db } = get();
    await loadPublicDataset(db);
    const asOf = '2026-05-31';
    const rows = await loadExchanges(db.kysely, { asOf });
    const s = exchangeStats(rows, asOf);
    // 64 numbered exchanges to Nov 2025, then 5 Feb (71st), 5 and 6 Mar (72nd, 73rd), 15 May.
    expect(s.exchanges).toBe(68);
    expect(s.lastExchange).toBe('2026-05-15');
    expect(s.byYear.find((y) => y.year === 2026)).toMatchObject({
      exchanges: 4,
      returned: 157 + 200 + 302 + 205,
      bodiesReturned: 2000,
    });
    expect(s.bodyRepatriations).toBe(19);
    expect(s.bodiesReturned).toBe(11049 + 1003 + 1000 + 1000 + 1000);
    for (const id of ['2026-02-05-exchange', '2026-03-05-exchange', '2026-03-06-exchange'])
      expect(rows.find((r) => r.id === id)?.kind).toBe('exchange');
    expect(rows.filter((r) => r.sources.length === 0).map((r) => r.id)).toEqual([]);
    const claims = await db.kysely.selectFrom('claims').select('id').execute();
    const cited = await db.kysely
      .selectFrom('claim_sources')
      .select('claim_id')
      .distinct()
      .execute();
    expect(cited.length).toBe(claims.length);
  });
});
