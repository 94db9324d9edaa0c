import { describe, expect, it } from 'vitest';
import { exchange } from '../../../test/exchange-factory.js';
import type { Claim } from '../claims/index.js';
import { checkConsistency } from './check-consistency.js';
import { groupFindings } from './finding-groups.js';

const claim = (id: string, metric: string, value: number, asOf: string): Claim => ({
  id,
  metric,
  value,
  asOf,
  unit: metric === 'exchanges_held' ? 'exchanges' : 'people',
  qualifier: 'exact',
  periodStart: null,
  description: null,
  who: null,
  notes: null,
  sources: [{ id: 's', title: 'A report', url: null }],
});

// Three recorded exchanges; the official count says two more were held early on.
const rows = [
  exchange({ id: 'a', dateStart: '2022-04-01', returned: 10 }),
  exchange({ id: 'b', dateStart: '2023-05-01', returned: 20 }),
  exchange({ id: 'c', dateStart: '2024-06-01', returned: 30 }),
  exchange({ id: 'd', dateStart: '2024-07-01', returned: 40, military: 30, civilians: 5 }),
];
const claims = [
  claim('e1', 'exchanges_held', 4, '2023-06-01'),
  claim('e2', 'exchanges_held', 5, '2024-06-15'),
  claim('e3', 'exchanges_held', 6, '2024-12-31'),
  claim('r1', 'returned', 200, '2024-12-31'),
];

describe('grouping consistency findings by cause', () => {
  it('puts the findings of one gap together, the largest group first, and names the gap', () => {
    const findings = checkConsistency(rows, claims, { tolerance: 0.05 });
    const groups = groupFindings(findings);
    expect(groups.map((g) => g.count)).toEqual([3, 1, 1]);
    expect(groups[0]).toMatchObject({
      kind: 'cumulative_claim',
      title: '2 numbered exchanges missing from the records by 2023-06-01: 3 findings',
      newest: '2024-12-31',
    });
    // Newest first within a group.
    expect(groups[0]!.findings.map((f) => f.figures[0]?.ref.id)).toEqual(['e3', 'e2', 'e1']);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(findings.length);
  });

  it('puts the newest group first among groups of the same size', () => {
    const findings = checkConsistency(rows, claims, { tolerance: 0.05 });
    const [, second, third] = groupFindings(findings);
    // The returned claim (2024-12-31) before the breakdown of exchange d (2024-07-01).
    expect(second?.title).toBe(
      '100 people returned missing from the records by 2024-12-31: 1 finding',
    );
    expect(third?.kind).toBe('exchange_breakdown');
  });
});
