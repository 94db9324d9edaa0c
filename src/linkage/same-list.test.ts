import { describe, expect, it } from 'vitest';
import { buildBlocks } from './blocking.js';
import { findCandidatePairs } from './candidate-pairs.js';
import { clusterPairs } from './cluster-pairs.js';
import { compileRecords } from './compile-records.js';
import { linkRecords } from './link-records.js';
import type { LinkRecord } from './link-record.js';
import { rec } from '../../test/link-record-factory.js';

const STEMS = ['bond', 'tkac', 'hnat', 'lys', 'mor', 'sav', 'rud', 'klym', 'hur', 'dem'];
const ENDINGS = ['enko', 'uk', 'iuk', 'Cuk', 'ak', 'ets', 'ych', 'un', 'yshyn', 'ik'];
const GIVEN = ['petro', 'ivan', 'mykola', 'vasyl', 'andrij', 'taras'];

/** Two lists naming the same 100 men in full; `twice` of them named twice in the first. */
function twoLists(twice: number): LinkRecord[] {
  const out: LinkRecord[] = [];
  for (let k = 0; k < 100; k++) {
    const person = {
      family: `${STEMS[k % 10]}${ENDINGS[Math.floor(k / 10)]}`,
      given: GIVEN[(k * 7) % 6],
      patronymic: GIVEN[(k * 5 + 1) % 6],
      birth: [1960 + ((k * 13) % 40), 1 + ((k * 5) % 12), 1 + ((k * 11) % 28)] as [
        number,
        number,
        number,
      ],
    };
    out.push(rec(`a${k}`, { ...person, source: 'register' }));
    out.push(rec(`b${k}`, { ...person, source: 'icrc' }));
    if (k < twice) out.push(rec(`c${k}`, { ...person, source: 'register' }));
  }
  return out;
}

describe('two records of one list', () => {
  it('measures from the data how rarely a list names a person twice', () => {
    const never = linkRecords(twoLists(0)).stats.sameListBits;
    const often = linkRecords(twoLists(20)).stats.sameListBits;
    expect(never).toBe(10);
    expect(often).toBeGreaterThan(0);
    expect(often).toBeLessThan(never);
  });

  it('leaves the deduplication of a single list without the rule', () => {
    const records = twoLists(20)
      .filter((r) => r.source === 'register')
      .map((r) => ({ ...r, source: 'register' }));
    const result = linkRecords(records);
    expect(result.stats.sameListBits).toBe(0);
    const at = (id: string): number => records.findIndex((r) => r.id === id);
    for (let k = 0; k < 20; k++) {
      expect(result.clusterOf[at(`a${k}`)]).toBe(result.clusterOf[at(`c${k}`)]);
    }
  });

  it('keeps apart two records of one list that only a third record joins', () => {
    // Two namesakes in the press and one register record of the name: each press record
    // fits the register record, and the two are not enough of a pair by themselves.
    const records = [
      rec('p1', { family: 'moroz', given: 'ivan', source: 'press' }),
      rec('r', { family: 'moroz', given: 'ivan', birth: [1980, 2, 3], source: 'register' }),
      rec('p2', { family: 'moroz', given: 'ivan', source: 'press' }),
    ];
    const c = compileRecords(records);
    const pairs = findCandidatePairs(
      c,
      buildBlocks(c, [{ name: 'surname', parts: ['familyKey'] }]),
      {},
    );
    const ids = records.map((r) => r.id);
    const weightOf = (k: number): number =>
      ids[pairs.b[k] as number] === 'p2' && ids[pairs.a[k] as number] === 'p1' ? 12 : 14;
    const options = { threshold: 0.3, reviewFrom: 0.1, maxClusterSize: 40, decisions: [] };
    const chained = clusterPairs(c, pairs, weightOf, 0.001, options).clusterOf;
    expect(new Set(chained).size).toBe(1);
    const guarded = clusterPairs(c, pairs, weightOf, 0.001, {
      ...options,
      pairWeight: () => 12,
      sameListBits: 6,
    }).clusterOf;
    expect(guarded[0]).toBe(guarded[1]);
    expect(guarded[2]).not.toBe(guarded[1]);
  });
});
