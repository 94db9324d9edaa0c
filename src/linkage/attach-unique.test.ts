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
function cluster(
  records: LinkRecord[],
  options: { attachFrom?: number; fieldWeights?: Float64Array } = {},
): Int32Array {
  const c = compileRecords(records);
  const pairs = findCandidatePairs(
    c,
    buildBlocks(c, [{ name: 'surname', parts: ['familyKey'] }]),
    {},
  );
  const ids = records.map((r) => r.id);
  // Full records of one man (y…, or z…) are sure pairs; the mention x is weak to all.
  const pairWeight = (i: number, j: number): number => {
    const a = ids[i] as string;
    const b = ids[j] as string;
    return a[0] === b[0] && a[0] !== 'x' ? 12 : -2.5;
  };
  const weightOf = (k: number): number => pairWeight(pairs.a[k] as number, pairs.b[k] as number);
  return clusterPairs(c, pairs, weightOf, 0.5, {
    threshold: 0.3,
    reviewFrom: 0.1,
    maxClusterSize: 40,
    decisions: [],
    ...options,
    // Lists that name a person once (the list rule on).
    pairWeight,
    sameListBits: 6,
  }).clusterOf;
}

/** An Oleksandr Dorošenko as a list writes him. */
const doroSenko = (id: string, source: string, birth?: [number, number?, number?]): LinkRecord =>
  rec(id, { family: 'doroSenko', given: 'oleksandr', birth, source });

const x = doroSenko('x', 'press');
const y1 = doroSenko('y1', 'register', [1989, 3, 22]);
const y2 = rec('y2', {
  family: 'doroSenko',
  given: 'aleksandr',
  givenClass: 'g:oleksandr',
  birth: [1989],
  source: 'ru_media',
});

describe('attaching a record whose namesakes are all one person', () => {
  it('joins a name-only mention to the one person of that name', () => {
    const joined = cluster([x, y1, y2]);
    expect(joined[0]).toBe(joined[1]);
    expect(joined[1]).toBe(joined[2]);
    // Without the second pass the mention stays apart: the pair alone is too weak.
    const apart = cluster([x, y1, y2], { attachFrom: 1 });
    expect(apart[0]).not.toBe(apart[1]);
  });

  it('leaves it apart when two people clearly different carry the name', () => {
    const z = doroSenko('z', 'register', [1971, 6, 2]);
    const out = cluster([x, y1, y2, z]);
    expect(out[0]).not.toBe(out[1]);
    expect(out[0]).not.toBe(out[3]);
    expect(out[1]).toBe(out[2]);
  });

  it('gives the mention to the namesake its list has not named already', () => {
    // z is a second man of the name, and the press has written of him already (zp).
    const z1 = doroSenko('z1', 'register', [1971, 6, 2]);
    const z2 = doroSenko('z2', 'press', [1971]);
    const out = cluster([x, y1, y2, z1, z2]);
    expect(out[3]).toBe(out[4]);
    expect(out[0]).toBe(out[1]);
    expect(out[0]).not.toBe(out[3]);
  });

  it('does not join two records of one list through the pass', () => {
    const out = cluster([x, { ...y1, source: 'press' }, y2]);
    expect(out[0]).not.toBe(out[1]);
  });
});

describe('a mention two different people fit', () => {
  // Level weights, field × 8 + level: agreeing levels weigh, missing weighs nothing.
  const fieldWeights = new Float64Array(48);
  for (let f = 0; f < 3; f++) {
    fieldWeights[f * 8 + 1] = 5;
    fieldWeights[f * 8 + 2] = 4;
    fieldWeights[f * 8 + 6] = -10;
  }
  fieldWeights[3 * 8 + 1] = 8;
  fieldWeights[3 * 8 + 5] = 3;
  fieldWeights[3 * 8 + 7] = -10;

  // The mention names a father and a year; y's records hold the year and, in another
  // list, the father; z is born the same year and his father is not known.
  const records = [
    rec('x', {
      family: 'moroz',
      given: 'ivan',
      patronymic: 'petro',
      birth: [1980],
      source: 'press',
    }),
    rec('y1', { family: 'moroz', given: 'ivan', birth: [1980, 2, 3], source: 'register' }),
    rec('y2', { family: 'moroz', given: 'ivan', patronymic: 'petro', source: 'icrc' }),
    rec('z1', { family: 'moroz', given: 'ivan', birth: [1980, 7, 9], source: 'register' }),
  ];

  it('goes to the one whose records together fit it clearly better', () => {
    const out = cluster(records, { fieldWeights });
    expect(out[1]).toBe(out[2]);
    expect(out[0]).toBe(out[1]);
    expect(out[0]).not.toBe(out[3]);
  });

  it('stays apart when both fit it alike', () => {
    const alike = [...records.slice(0, 3), { ...records[3], patronymic: records[2]?.patronymic }];
    const out = cluster(alike as LinkRecord[], { fieldWeights });
    expect(out[0]).not.toBe(out[1]);
    expect(out[0]).not.toBe(out[3]);
    // Without profiles the mention is left apart even when one fits better.
    const plain = cluster(records);
    expect(plain[0]).not.toBe(plain[1]);
  });
});
