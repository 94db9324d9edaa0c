import { describe, expect, it } from 'vitest';
import { exchange } from '../../../test/exchange-factory.js';
import type { Claim } from '../claims/index.js';
import { checkConsistency } from './check-consistency.js';

const claim = (
  over: Partial<Claim> & { id: string; metric: string; value: number; asOf: string },
): Claim => ({
  unit: 'people',
  qualifier: 'exact',
  periodStart: null,
  description: null,
  who: null,
  notes: null,
  sources: [{ id: 's', title: 'A report', url: null }],
  ...over,
});

const rows = [
  exchange({ id: 'a', dateStart: '2024-01-03', returned: 230, military: 224, civilians: 6 }),
  exchange({ id: 'b', dateStart: '2024-02-08', returned: 100, military: 90, civilians: 5 }),
];

describe('checkConsistency', () => {
  it('finds an exchange whose breakdown does not add up to its total', () => {
    const f = checkConsistency(rows, [], { tolerance: 0.05 });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'exchange_breakdown', difference: -5 });
    expect(f[0]!.message).toContain('b (2024-02-08)');
  });

  it('accepts an approximate claim within the tolerance and rejects one outside it', () => {
    const near = claim({
      id: 'c1',
      metric: 'returned',
      value: 320,
      qualifier: 'approx',
      asOf: '2024-12-31',
    });
    const far = claim({
      id: 'c2',
      metric: 'returned',
      value: 400,
      qualifier: 'approx',
      asOf: '2024-12-31',
    });
    const f = checkConsistency(rows, [near, far], { tolerance: 0.05 }).filter(
      (x) => x.kind === 'cumulative_claim',
    );
    expect(f.map((x) => x.figures[0]?.ref.id)).toEqual(['c2']);
  });

  it('treats "more than N" as satisfied by any larger sum and "exact" as needing equality', () => {
    const more = claim({
      id: 'm',
      metric: 'exchanges_held',
      value: 1,
      qualifier: 'more_than',
      asOf: '2024-12-31',
      unit: 'exchanges',
    });
    const exact = claim({
      id: 'e',
      metric: 'exchanges_held',
      value: 3,
      asOf: '2024-12-31',
      unit: 'exchanges',
    });
    const f = checkConsistency(rows, [more, exact], { tolerance: 0.05 }).filter(
      (x) => x.kind === 'cumulative_claim',
    );
    expect(f.map((x) => [x.figures[0]?.ref.id, x.difference])).toEqual([['e', 1]]);
  });

  it('reads a month-precision claim against the whole month', () => {
    // Exchange b on 8 Feb: a claim "as of 2024-02" of 330 fits (the month's end), 230 fits (its start).
    const c1 = claim({ id: 'start', metric: 'returned', value: 230, asOf: '2024-02' });
    const c2 = claim({ id: 'end', metric: 'returned', value: 330, asOf: '2024-02' });
    const c3 = claim({ id: 'neither', metric: 'returned', value: 280, asOf: '2024-02' });
    const f = checkConsistency(rows, [c1, c2, c3], { tolerance: 0.05 }).filter(
      (x) => x.kind === 'cumulative_claim',
    );
    expect(f.map((x) => x.figures[0]?.ref.id)).toEqual(['neither']);
  });

  it('compares a period claim with the records inside the period only', () => {
    const c = claim({
      id: 'p',
      metric: 'returned',
      value: 100,
      periodStart: '2024-02-01',
      asOf: '2024-02-29',
    });
    const wrong = claim({
      id: 'q',
      metric: 'returned',
      value: 330,
      periodStart: '2024-02-01',
      asOf: '2024-02-29',
    });
    const f = checkConsistency(rows, [c, wrong], { tolerance: 0.05 }).filter(
      (x) => x.kind === 'period_claim',
    );
    expect(f.map((x) => x.figures[0]?.ref.id)).toEqual(['q']);
  });

  it('lists two sources that disagree on the same figure, keeping both', () => {
    const ua = claim({
      id: 'ua',
      metric: 'returned',
      value: 189,
      periodStart: '2024-12-30',
      asOf: '2024-12-30',
      who: 'Ukraine',
    });
    const ru = claim({
      id: 'ru',
      metric: 'returned',
      value: 150,
      periodStart: '2024-12-30',
      asOf: '2024-12-30',
      who: 'Russia',
    });
    const f = checkConsistency([], [ua, ru], { tolerance: 0.05 }).filter(
      (x) => x.kind === 'claims_disagree',
    );
    expect(f).toHaveLength(1);
    expect(f[0]!.figures.map((g) => g.value)).toEqual([189, 150]);
  });

  it('flags two rows that look like one event recorded twice', () => {
    const dup = [
      exchange({ id: 'x1', dateStart: '2023-05-06', returned: 45 }),
      exchange({ id: 'x2', dateStart: '2023-05-07', returned: 45 }),
    ];
    const f = checkConsistency(dup, [], { tolerance: 0.05 });
    expect(f.map((x) => x.kind)).toEqual(['probable_duplicate']);
  });

  it('does not flag the stages of one exchange as duplicates', () => {
    const stages = [
      exchange({ id: 's1', dateStart: '2025-06-09', kind: 'stage', groupId: 'g' }),
      exchange({ id: 's2', dateStart: '2025-06-10', kind: 'stage', groupId: 'g' }),
    ];
    expect(checkConsistency(stages, [], { tolerance: 0.05 })).toEqual([]);
  });

  it('finds stages that add up to more than an exact group total', () => {
    const g = [
      exchange({
        id: 't',
        dateStart: '2025-06-09',
        dateEnd: '2025-06-20',
        kind: 'group_total',
        groupId: 'g',
        returned: 300,
      }),
      exchange({ id: 's1', dateStart: '2025-06-09', kind: 'stage', groupId: 'g', returned: 200 }),
      exchange({ id: 's2', dateStart: '2025-06-20', kind: 'stage', groupId: 'g', returned: 150 }),
    ];
    const f = checkConsistency(g, [], { tolerance: 0.05 });
    expect(f.map((x) => [x.kind, x.difference])).toEqual([['group_total', 50]]);
  });
});
