import { describe, expect, it } from 'vitest';
import { buildBlocks } from './blocking.js';
import { findCandidatePairs } from './candidate-pairs.js';
import { clusterPairs } from './cluster-pairs.js';
import { compileRecords } from './compile-records.js';
import type { LinkRecord } from './link-record.js';
import { rec } from '../../test/link-record-factory.js';

/**
 * A name-only mention (x) and a person known from two full records (y1, y2): the pair's
 * weight is below the threshold, as it is for a name many records carry.
 */
function cluster(records: LinkRecord[], attachFrom?: number): Int32Array {
  const c = compileRecords(records);
  const pairs = findCandidatePairs(
    c,
    buildBlocks(c, [{ name: 'surname', parts: ['familyKey'] }]),
    {},
  );
  const ids = records.map((r) => r.id);
  const weightOf = (k: number): number => {
    const a = ids[pairs.a[k] as number] as string;
    const b = ids[pairs.b[k] as number] as string;
    return a.startsWith('y') && b.startsWith('y') ? 12 : -2.5;
  };
  return clusterPairs(c, pairs, weightOf, 0.5, {
    threshold: 0.3,
    reviewFrom: 0.1,
    maxClusterSize: 40,
    decisions: [],
    attachFrom,
  }).clusterOf;
}

const x = rec('x', { family: 'doroSenko', given: 'oleksandr' });
const y1 = rec('y1', { family: 'doroSenko', given: 'oleksandr', birth: [1989, 3, 22] });
const y2 = rec('y2', {
  family: 'doroSenko',
  given: 'aleksandr',
  givenClass: 'g:oleksandr',
  birth: [1989],
});

describe('attaching a record whose namesakes are all one person', () => {
  it('joins a name-only mention to the one person of that name', () => {
    const joined = cluster([x, y1, y2]);
    expect(joined[0]).toBe(joined[1]);
    expect(joined[1]).toBe(joined[2]);
    // Without the second pass the mention stays apart: the pair alone is too weak.
    const apart = cluster([x, y1, y2], 1);
    expect(apart[0]).not.toBe(apart[1]);
  });

  it('leaves it apart when two people clearly different carry the name', () => {
    const z = rec('z', { family: 'doroSenko', given: 'oleksandr', birth: [1971, 6, 2] });
    const out = cluster([x, y1, y2, z]);
    expect(out[0]).not.toBe(out[1]);
    expect(out[0]).not.toBe(out[3]);
    expect(out[1]).toBe(out[2]);
  });
});
