import { describe, expect, it } from 'vitest';
import { createKeyIndex } from './key-index.js';
import { matchKey } from './match-key.js';

function townIndex(): ReturnType<typeof createKeyIndex<string>> {
  const index = createKeyIndex<string>();
  for (const town of ['Таганрог', 'Курск', 'Камышин', 'Оленовка', 'Makeyevka', 'Kizel']) {
    index.add(matchKey(town.toLowerCase()), town);
  }
  return index;
}

const first = (index: ReturnType<typeof townIndex>, word: string) =>
  index.lookup(matchKey(word.toLowerCase()))[0];

describe('createKeyIndex', () => {
  it('finds a key, its inflected forms and its typos, best first', () => {
    const index = townIndex();
    expect(first(index, 'Taganrog')).toMatchObject({
      values: ['Таганрог'],
      kind: 'exact',
      quality: 1,
    });
    expect(first(index, 'Таганрозьке')).toMatchObject({ values: ['Таганрог'], kind: 'adjective' });
    expect(first(index, 'Tagnarog')).toMatchObject({ values: ['Таганрог'], kind: 'typo' });
    expect(first(index, 'Камышыне')?.values).toEqual(['Камышин']);
  });

  it('finds a typo inside an inflected form', () => {
    // у Куррстку: one letter doubled, one swapped, and a locative ending.
    expect(first(townIndex(), 'Куррстку')?.values).toEqual(['Курск']);
  });

  it('allows no typo in short words and none past the bound in long ones', () => {
    const index = townIndex();
    expect(first(index, 'Kizil')).toBeDefined();
    expect(first(index, 'Kiz')).toBeUndefined();
    expect(first(index, 'Tgnrrg')).toBeUndefined();
  });

  it('can skip typos and inflections when asked', () => {
    const index = townIndex();
    expect(index.lookup(matchKey('tagnarog'), { typos: false })).toEqual([]);
    expect(index.lookup(matchKey('таганроге'), { inflected: false, typos: false })).toEqual([]);
  });
});
