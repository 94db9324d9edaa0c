import { describe, expect, it } from 'vitest';
import { exchange } from '../../../test/exchange-factory.js';
import { exchangeStats } from './exchange-stats.js';

const istanbul2 = [
  exchange({
    id: 'g-total',
    dateStart: '2025-06-09',
    dateEnd: '2025-07-23',
    kind: 'group_total',
    groupId: 'ist-2',
    returned: 1000,
    returnedQualifier: 'more_than',
  }),
  exchange({ id: 's1', dateStart: '2025-06-09', kind: 'stage', groupId: 'ist-2' }),
  exchange({ id: 's2', dateStart: '2025-06-10', kind: 'stage', groupId: 'ist-2' }),
  exchange({
    id: 's9',
    dateStart: '2025-07-23',
    kind: 'stage',
    groupId: 'ist-2',
    returned: 250,
    returnedQualifier: 'approx',
  }),
];

describe('exchangeStats', () => {
  it('counts a staged exchange once and never adds its total to its stages', () => {
    const s = exchangeStats(istanbul2, '2025-11-01');
    expect(s.exchanges).toBe(1);
    expect(s.returned).toBe(1000);
    expect(s.returnedIsLowerBound).toBe(true);
  });

  it('counts only the stages held so far while a staged exchange is under way', () => {
    const s = exchangeStats(istanbul2, '2025-06-30');
    expect(s.exchanges).toBe(1);
    expect(s.returned).toBe(0);
    expect(s.returnedIsLowerBound).toBe(true);
    expect(s.exchangesWithUndisclosedTotal).toBe(1);
  });

  it('treats an undisclosed total as unknown, making the sum a lower bound', () => {
    const rows = [
      exchange({ id: 'a', dateStart: '2024-01-03', returned: 230, military: 224, civilians: 6 }),
      exchange({ id: 'b', dateStart: '2024-02-08', returned: 100 }),
      exchange({ id: 'c', dateStart: '2024-03-01' }),
    ];
    const s = exchangeStats(rows, '2024-12-31');
    expect(s).toMatchObject({
      exchanges: 3,
      returned: 330,
      returnedIsLowerBound: true,
      exchangesWithUndisclosedTotal: 1,
    });
    expect(s.byCategory.military).toEqual({ value: 224, exchangesStating: 1 });
  });

  it('keeps local swaps and body repatriations out of the exchange count', () => {
    const rows = [
      exchange({ id: 'swap', dateStart: '2022-03-01', kind: 'local_swap', returned: 5 }),
      exchange({ id: 'bodies', dateStart: '2022-06-02', kind: 'bodies', bodiesReturned: 160 }),
      exchange({ id: 'x', dateStart: '2022-10-11', returned: 32, bodiesReturned: 62 }),
    ];
    const s = exchangeStats(rows, '2022-12-31');
    expect(s.exchanges).toBe(1);
    expect(s.returned).toBe(32);
    expect(s.localSwaps).toEqual({ events: 1, returned: 5 });
    expect(s.bodiesReturned).toBe(222);
    expect(s.bodyRepatriations).toBe(2);
  });

  it('leaves out events after the as-of date and splits the rest by year', () => {
    const rows = [
      exchange({ id: 'a', dateStart: '2024-12-30', returned: 189 }),
      exchange({ id: 'b', dateStart: '2025-01-15', returned: 25, women: 2 }),
      exchange({ id: 'c', dateStart: '2025-02-05', returned: 150 }),
    ];
    const s = exchangeStats(rows, '2025-01-31');
    expect(s.exchanges).toBe(2);
    expect(s.byYear.map((y) => [y.year, y.exchanges, y.returned, y.women])).toEqual([
      [2024, 1, 189, 0],
      [2025, 1, 25, 2],
    ]);
  });

  it('counts a month-precision exchange from the first day of its month', () => {
    const rows = [
      exchange({
        id: 'm',
        dateStart: '2022-06',
        dateFrom: '2022-06-01',
        dateTo: '2022-06-30',
        returned: 10,
      }),
    ];
    expect(exchangeStats(rows, '2022-06-01').exchanges).toBe(1);
    expect(exchangeStats(rows, '2022-05-31').exchanges).toBe(0);
  });
});
