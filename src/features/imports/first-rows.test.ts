import { hash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint, FirstRows } from './first-rows.js';

describe('fingerprint', () => {
  // Computed with Appleby's C MurmurHash3_x86_128 (seed 0) over the UTF-16LE bytes of each
  // string; that C code reproduced SMHasher's verification value B3ECE62A.
  const reference: [string, number[]][] = [
    ['', [0, 0, 0, 0]],
    ['a', [54243734, 3438235617, 3438235617, 3438235617]],
    ['ab', [638564691, 2938287869, 2938287869, 2938287869]],
    ['abcdefg', [2233458270, 4162493099, 708124466, 4203646119]],
    ['abcdefgh', [1815443029, 2381879457, 2808947469, 1108635924]],
    ['abcdefghi', [396613426, 938402950, 80977633, 4001328604]],
    ['rec_0123456789abcdef01234567', [3855896688, 1432785466, 1427134109, 216334914]],
    ['Коваленко Олександр', [3646023163, 1001452599, 1597773241, 3785469948]],
    ['\u0000', [78148283, 3989665611, 3989665611, 3989665611]],
    ['x\u0000\u0000', [4008957267, 3045986548, 3045986548, 3045986548]],
  ];
  it.each(reference)('of %j is MurmurHash3 x86_128', (s, words) => {
    const out = new Uint32Array(4);
    fingerprint(s, out);
    expect([...out]).toEqual(words);
  });
});

describe('FirstRows', () => {
  it('gives the first row of an id seen again, and the row itself for a new id', () => {
    const seen = new FirstRows();
    expect(seen.firstOr('rec_a', 2)).toBe(2);
    expect(seen.firstOr('rec_b', 3)).toBe(3);
    expect(seen.firstOr('rec_a', 7)).toBe(2);
    expect(seen.get('rec_b')).toBe(3);
    expect(seen.get('rec_c')).toBeUndefined();
    expect(seen.size).toBe(2);
  });

  it('keeps row 0 apart from an empty slot', () => {
    const seen = new FirstRows();
    expect(seen.firstOr('x', 0)).toBe(0);
    expect(seen.firstOr('x', 5)).toBe(0);
  });

  it('answers as a map of the strings over 200,000 record ids, through every growth', () => {
    const seen = new FirstRows(4);
    const map = new Map<string, number>();
    const id = (i: number): string => `rec_${hash('sha256', `src\u0000R${i}`, 'hex').slice(0, 24)}`;
    for (let row = 1; row <= 200_000; row++) {
      // Every tenth row repeats an earlier record, as a file with repeated rows would.
      const s = id(row % 10 === 0 ? row >> 2 : row);
      const expected = map.get(s) ?? row;
      if (!map.has(s)) map.set(s, row);
      expect(seen.firstOr(s, row)).toBe(expected);
    }
    expect(seen.size).toBe(map.size);
    // Ids that differ by one letter, or only in case, are different ids.
    expect(seen.get(id(1).toUpperCase())).toBeUndefined();
    expect(seen.get(`${id(1).slice(0, -1)}x`)).toBeUndefined();
  });

  it('refuses a row number it cannot hold', () => {
    expect(() => new FirstRows().firstOr('x', -1)).toThrow(RangeError);
    expect(() => new FirstRows().firstOr('x', 1.5)).toThrow(RangeError);
  });
});
