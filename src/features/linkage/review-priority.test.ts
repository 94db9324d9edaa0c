import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decisionEffect,
  nearCertainPairs,
  reviewPriority,
  runPriorities,
  uncertainty,
  type PairSide,
} from './review-priority.js';

const lone = (person: string, source: string): PairSide => ({
  person,
  records: 1,
  sources: [source],
});

/** A generated linkage outcome: records on a few sources in clusters, and pairs between them. */
const outcome = fc
  .record({
    records: fc.array(fc.record({ source: fc.constantFrom('A', 'B', 'C'), cluster: fc.nat(12) }), {
      minLength: 2,
      maxLength: 40,
    }),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 0.1, max: 1, noNaN: true })), {
      minLength: 1,
      maxLength: 30,
    }),
  })
  .map(({ records, pairs }) => ({
    records: records.map((r, i) => ({ id: `rec_${i}`, source: r.source })),
    clusterOf: records.map((r) => r.cluster),
    pairs: pairs
      .map(([x, y, p]) => ({ a: x % records.length, b: y % records.length, probability: p }))
      .filter((p) => p.a !== p.b)
      .map((p) => ({ a: `rec_${p.a}`, b: `rec_${p.b}`, probability: p.probability })),
  }));

describe('the review queue order', () => {
  it('puts doubt first: 4p(1−p) is 1 at one half and falls towards certainty either way', () => {
    expect(uncertainty(0.5)).toBe(1);
    expect(uncertainty(0)).toBe(0);
    expect(uncertainty(1)).toBe(0);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, q) => {
          if (Math.abs(p - 0.5) < Math.abs(q - 0.5))
            expect(uncertainty(p)).toBeGreaterThan(uncertainty(q));
        },
      ),
      { seed: 18 },
    );
  });

  it('ranks two lone records of different sources above two of one source, and merges of established persons above both', () => {
    const sameSource = decisionEffect(lone('p1', 'A'), lone('p2', 'A'));
    const otherSource = decisionEffect(lone('p1', 'A'), lone('p2', 'B'));
    const established = decisionEffect(
      { person: 'p1', records: 3, sources: ['A', 'B'] },
      { person: 'p2', records: 2, sources: ['A', 'C'] },
    );
    expect(sameSource).toBe(1);
    expect(otherSource).toBe(3);
    expect(established).toBe(5);
    // Two persons on the same lists: the count moves, no capture history changes.
    expect(
      decisionEffect(
        { person: 'p1', records: 2, sources: ['A'] },
        { person: 'p2', records: 1, sources: ['A'] },
      ),
    ).toBe(2);
    expect(decisionEffect(lone('p1', 'A'), lone('p1', 'B'))).toBe(0);
  });

  it('on generated pairs: never ranks a pair above one that is as doubtful and moves more, or more doubtful and moves as much', () => {
    fc.assert(
      fc.property(outcome, ({ records, clusterOf, pairs }) => {
        const priority = runPriorities(pairs, records, clusterOf);
        const side = (id: string): PairSide => {
          const i = Number(id.slice(4));
          const c = clusterOf[i] as number;
          const members = records.filter((_, k) => clusterOf[k] === c);
          return {
            person: String(c),
            records: members.length,
            sources: [...new Set(members.map((m) => m.source))],
          };
        };
        const effect = pairs.map((p) => decisionEffect(side(p.a), side(p.b)));
        const doubt = pairs.map((p) => uncertainty(p.probability));
        const order = pairs
          .map((_, i) => i)
          .sort((x, y) => (priority[y] as number) - (priority[x] as number));
        for (let i = 0; i < order.length; i++)
          for (let j = i + 1; j < order.length; j++) {
            const hi = order[i] as number;
            const lo = order[j] as number;
            // A pair listed later never dominates one listed earlier.
            const dominates =
              (doubt[lo] as number) >= (doubt[hi] as number) &&
              (effect[lo] as number) >= (effect[hi] as number) &&
              ((doubt[lo] as number) > (doubt[hi] as number) ||
                (effect[lo] as number) > (effect[hi] as number)) &&
              (effect[lo] as number) > 0 &&
              (doubt[lo] as number) > 0;
            expect(dominates).toBe(false);
          }
        // Records already in one person come last: deciding them changes nothing now.
        pairs.forEach((p, i) => {
          if (side(p.a).person === side(p.b).person) expect(priority[i]).toBe(0);
          else expect(priority[i]).toBeCloseTo((doubt[i] as number) * (effect[i] as number), 12);
        });
      }),
      { seed: 18 },
    );
  });

  it('at equal doubt, orders a different-source pair before a same-source one', () => {
    const p = 0.4;
    expect(reviewPriority(p, lone('p1', 'A'), lone('p2', 'B'))).toBeGreaterThan(
      reviewPriority(p, lone('p1', 'A'), lone('p2', 'A')),
    );
    // …and a near-even same-source pair can still outrank a near-certain cross-source one.
    expect(reviewPriority(0.5, lone('p1', 'A'), lone('p2', 'A'))).toBeGreaterThan(
      reviewPriority(0.97, lone('p1', 'A'), lone('p2', 'B')),
    );
  });
});

describe('near-certain pairs for a batch', () => {
  const pair = (a: string, b: string, probability: number, reason = 'ambiguous') => ({
    a,
    b,
    probability,
    reason,
  });

  it('takes pairs at or above the probability, never a guard conflict or a record that fits two persons', () => {
    const open = [
      pair('r1', 'r2', 0.99),
      pair('r3', 'r4', 0.95, 'uncertain'),
      pair('r5', 'r6', 0.999, 'conflict'),
      pair('r7', 'r8', 0.97),
      pair('r7', 'r9', 0.96),
      pair('r10', 'r11', 0.94),
      pair('r10', 'r12', 0.6),
    ];
    expect(nearCertainPairs(open, 0.95).map((p) => `${p.a}|${p.b}`)).toEqual(['r1|r2', 'r3|r4']);
    // Below the other candidate's probability, r7 fits one person only.
    expect(nearCertainPairs(open, 0.965).map((p) => `${p.a}|${p.b}`)).toEqual(['r1|r2', 'r7|r8']);
    expect(nearCertainPairs(open, 0.5).map((p) => `${p.a}|${p.b}`)).toEqual(['r1|r2', 'r3|r4']);
    // Asked to, it takes a guard's conflict too, still never a record in two pairs.
    expect(nearCertainPairs(open, 0.95, true).map((p) => `${p.a}|${p.b}`)).toEqual([
      'r1|r2',
      'r3|r4',
      'r5|r6',
    ]);
  });
});
