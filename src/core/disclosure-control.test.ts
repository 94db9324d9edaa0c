import { describe, expect, it } from 'vitest';
import {
  controlDisclosure,
  narrowRanges,
  rangeOf,
  roundTo,
  type CountTable,
  type Range,
} from './disclosure-control.js';
import type { PublicCount } from './small-count.js';

const T = 5;

/** What a reader works out from the published cells of a table. */
function attack(table: CountTable, cells: Map<string, PublicCount>): Map<string, Range> {
  const start = new Map<string, Range>();
  for (const [k, c] of cells) if (!table.unpublished?.has(k)) start.set(k, rangeOf(c, T));
  return narrowRanges(start, table.sums);
}

const recovered = (table: CountTable, cells: Map<string, PublicCount>): string[] =>
  [...attack(table, cells)]
    .filter(([k, x]) => {
      const n = table.counts.get(k) ?? 0;
      return x.lo === x.hi && n >= 1 && n < T;
    })
    .map(([k]) => k);

/** The issue's example: 3 held at Taganrog, everyone else's place older or unknown. */
const issue = (): CountTable => ({
  counts: new Map([
    ['seenHeld', 192],
    ['known', 3],
    ['lastKnown', 105],
    ['unknown', 84],
    ['taganrog', 3],
    ['rostov', 0],
    ['kursk', 0],
  ]),
  sums: [
    { total: 'seenHeld', parts: ['known', 'lastKnown', 'unknown'] },
    { total: 'known', parts: ['taganrog', 'rostov', 'kursk'] },
  ],
});

describe('controlDisclosure', () => {
  it('recovers the issue example exactly when each count is suppressed on its own', () => {
    // The old rule: 1–4 hidden, zero and the rest exact.
    const t = issue();
    const old = new Map<string, PublicCount>(
      [...t.counts].map(([k, n]) => [
        k,
        n > 0 && n < T
          ? { value: null, suppressed: true, below: T }
          : { value: n, suppressed: false },
      ]),
    );
    // "<5" read as 1 to 4, since zeros are shown as 0.
    const start = new Map(
      [...old].map(([k, c]) => [k, c.suppressed ? { lo: 1, hi: 4 } : rangeOf(c, T)]),
    );
    const r = narrowRanges(start, t.sums);
    expect(r.get('known')).toEqual({ lo: 3, hi: 3 });
    expect(r.get('taganrog')).toEqual({ lo: 3, hi: 3 });
  });

  it('hides small counts and zeros, rounds the rest, and leaves nothing to subtract', () => {
    const t = issue();
    const cells = controlDisclosure(t, { threshold: T });
    expect(cells.get('seenHeld')).toEqual({ value: 190, suppressed: false, roundedTo: 5 });
    expect(cells.get('lastKnown')).toEqual({ value: 105, suppressed: false, roundedTo: 5 });
    expect(cells.get('unknown')).toEqual({ value: 85, suppressed: false, roundedTo: 5 });
    expect(cells.get('known')).toEqual({ value: null, suppressed: true, below: 5 });
    // A zero beside the hidden 3 would say where they are: it is "<5" too.
    expect(cells.get('rostov')).toEqual({ value: null, suppressed: true, below: 5 });
    expect(recovered(t, cells)).toEqual([]);
    expect(attack(t, cells).get('taganrog')).toEqual({ lo: 0, hi: 4 });
  });

  it('shows zeros as 0 when nobody is counted at all', () => {
    const t: CountTable = {
      counts: new Map([
        ['total', 0],
        ['a', 0],
      ]),
      sums: [{ total: 'total', parts: ['a'] }],
    };
    expect(controlDisclosure(t, { threshold: T }).get('a')).toEqual({
      value: 0,
      suppressed: false,
    });
  });

  it('withholds the total when rounding still pins two small parts (4 + 4 = 8, shown ≈10)', () => {
    const t: CountTable = {
      counts: new Map([
        ['region', 8],
        ['a', 4],
        ['b', 4],
      ]),
      sums: [{ total: 'region', parts: ['a', 'b'] }],
    };
    // Rounded alone, the total 8..12 leaves each part at least 8 − 4: exactly 4.
    const rounded = new Map<string, PublicCount>([
      ['region', { value: 10, suppressed: false, roundedTo: 5 }],
      ['a', { value: null, suppressed: true, below: 5 }],
      ['b', { value: null, suppressed: true, below: 5 }],
    ]);
    expect(recovered(t, rounded)).toEqual(['a', 'b']);
    const cells = controlDisclosure(t, { threshold: T });
    expect(cells.get('region')).toEqual({ value: null, suppressed: true, below: null });
    expect(recovered(t, cells)).toEqual([]);
  });

  it('without rounding, withholds the next smallest part beside a hidden one', () => {
    const t: CountTable = {
      counts: new Map([
        ['known', 60],
        ['a', 3],
        ['b', 12],
        ['c', 45],
      ]),
      sums: [{ total: 'known', parts: ['a', 'b', 'c'] }],
    };
    const cells = controlDisclosure(t, { threshold: T, base: 1 });
    expect(cells.get('a')).toEqual({ value: null, suppressed: true, below: 5 });
    expect(cells.get('b')).toEqual({ value: null, suppressed: true, below: null });
    expect(cells.get('c')).toEqual({ value: 45, suppressed: false });
    expect(cells.get('known')).toEqual({ value: 60, suppressed: false });
    expect(recovered(t, cells)).toEqual([]);
  });

  it('protects linked tables: facilities within regions within the total', () => {
    // Random tables with many small cells: nothing pinned, whatever the draw.
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 200; trial++) {
      const counts = new Map<string, number>();
      const sums: CountTable['sums'][number][] = [];
      const regions: string[] = [];
      for (let r = 0; r < 1 + Math.floor(random() * 4); r++) {
        const facilities: string[] = [];
        for (let f = 0; f < 1 + Math.floor(random() * 4); f++) {
          const k = `f${r}.${f}`;
          const n =
            random() < 0.4
              ? 0
              : random() < 0.6
                ? 1 + Math.floor(random() * 4)
                : 5 + Math.floor(random() * 20);
          counts.set(k, n);
          facilities.push(k);
        }
        counts.set(
          `r${r}`,
          facilities.reduce((a, k) => a + (counts.get(k) ?? 0), 0),
        );
        sums.push({ total: `r${r}`, parts: facilities });
        regions.push(`r${r}`);
      }
      counts.set(
        'known',
        regions.reduce((a, k) => a + (counts.get(k) ?? 0), 0),
      );
      sums.push({ total: 'known', parts: regions });
      const t: CountTable = { counts, sums };
      expect(recovered(t, controlDisclosure(t, { threshold: T }))).toEqual([]);
      // Without rounding the complementary withholding alone must hold.
      expect(recovered(t, controlDisclosure(t, { threshold: T, base: 1 }))).toEqual([]);
    }
  });

  it('rounds halves up, and reads a rounded cell as the counts that round to it', () => {
    expect([5, 7, 8, 12, 13].map((n) => roundTo(n, 5))).toEqual([5, 5, 10, 10, 15]);
    expect(rangeOf({ value: 5, suppressed: false, roundedTo: 5 }, 5)).toEqual({ lo: 5, hi: 7 });
    expect(rangeOf({ value: 10, suppressed: false, roundedTo: 5 }, 5)).toEqual({ lo: 8, hi: 12 });
  });

  it('shows every count as it is with a threshold of 1', () => {
    const cells = controlDisclosure(issue(), { threshold: 1 });
    expect(cells.get('known')).toEqual({ value: 3, suppressed: false });
    expect(cells.get('rostov')).toEqual({ value: 0, suppressed: false });
  });

  it('rejects a count that is not a whole number', () => {
    const t: CountTable = { counts: new Map([['a', 2.5]]), sums: [] };
    expect(() => controlDisclosure(t, { threshold: T })).toThrow(/whole number/);
  });
});
