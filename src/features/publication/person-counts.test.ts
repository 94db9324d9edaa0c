import { describe, expect, it } from 'vitest';
import type { FrozenFigures } from './frozen-figures.js';
import { protectPersonCounts, roundBound } from './person-counts.js';

const below = { value: null, suppressed: true, below: 5 };
const withheld = { value: null, suppressed: true, below: null };
const about = (value: number) => ({ value, suppressed: false, roundedTo: 5 });

/**
 * 52 held: 8 placed recently (4 + 4 at two facilities of one region), 30 older, 14 unknown;
 * the figures as an analyst published them.
 */
function figures(): FrozenFigures {
  const facility = (facilityId: string, identified: number, lastKnown: number) => ({
    facilityId,
    identified,
    lastKnown,
    estimate: identified,
    estimateBasis: 'identified',
  });
  return {
    basis: 'persons',
    caveats: [],
    seenHeld: 52,
    estimatedHeld: { value: 52, ci95: null, method: 'seen_only' },
    whereabouts: { known: 8, lastKnown: 30, unknown: 14, windowDays: 183 },
    priorityHeld: {
      women: 0,
      civilians: 12,
      seriouslyIllOrWounded: 3,
      age60plus: 0,
      disability: 0,
      civiliansSince2014: 2,
    },
    facilities: [
      facility('taganrog', 4, 20),
      facility('rostov', 4, 0),
      facility('kursk', 0, 9),
      facility('hidden-place', 0, 1),
    ],
  };
}

describe('protectPersonCounts', () => {
  const counts = protectPersonCounts({
    figures: figures(),
    facilities: [
      { id: 'taganrog', regionCode: 'RU-ROS' },
      { id: 'rostov', regionCode: 'RU-ROS' },
      { id: 'kursk', regionCode: 'RU-KRS' },
      { id: 'empty', regionCode: 'RU-KRS' },
    ],
    threshold: 5,
  });

  it('rounds the totals and shows the estimate from the seen count as the same cell', () => {
    expect(counts.seenHeld).toEqual(about(50));
    expect(counts.estimatedHeld).toEqual(counts.seenHeld);
    expect(counts.lastKnown).toEqual(about(30));
    expect(counts.unknown).toEqual(about(15));
  });

  it('hides small groups and zeros alike', () => {
    expect(counts.groups.women).toEqual(below);
    expect(counts.groups.seriouslyIllOrWounded).toEqual(below);
    expect(counts.groups.civilians).toEqual(about(10));
  });

  it('withholds a region total that would pin its two hidden facilities (4 + 4 = 8)', () => {
    expect(counts.facility('taganrog').identified).toEqual(below);
    expect(counts.facility('rostov').identified).toEqual(below);
    expect(counts.facility('empty').lastKnown).toEqual(below);
    const ros = counts.regions.find((r) => r.regionCode === 'RU-ROS');
    expect(ros?.identified).toEqual(withheld);
    expect(ros?.lastKnown).toEqual(about(20));
  });

  it('publishes no region for places without one, and counts unpublished places in the sums', () => {
    expect(counts.regions.map((r) => r.regionCode)).toEqual(['RU-KRS', 'RU-ROS']);
  });

  it('rounds interval bounds as the counts are', () => {
    expect(roundBound(1234.4, 5)).toBe(1235);
    expect(roundBound(null, 5)).toBeNull();
  });
});
