import { describe, expect, it } from 'vitest';
import { matchKey } from './match-key.js';
import { tokenise } from './normalise.js';
import { createPlaceIndex, placesFromTables } from './place-index.js';

const index = createPlaceIndex(placesFromTables());

function places(text: string, markers: number[] = []) {
  const keys = tokenise(text).map(matchKey);
  return index.recognise(
    keys,
    keys.map(() => true),
    new Set(markers),
  );
}

describe('createPlaceIndex', () => {
  it('finds towns in Ukrainian, Russian and Latin forms, and says which form', () => {
    expect(places('Таганріг')).toContainEqual(
      expect.objectContaining({ id: 'town:Taganrog', lang: 'uk', quality: 1 }),
    );
    expect(places('Оленовка')).toContainEqual(
      expect.objectContaining({ id: 'town:Olenivka', lang: 'ru' }),
    );
    expect(places('Yelenovka')).toContainEqual(
      expect.objectContaining({ id: 'town:Olenivka', lang: 'alt' }),
    );
  });

  it('finds towns in adjectives and case forms', () => {
    expect(places('Таганрозьке')).toContainEqual(expect.objectContaining({ id: 'town:Taganrog' }));
    expect(places('у Звереві')).toContainEqual(expect.objectContaining({ id: 'town:Zverevo' }));
    expect(places('в Новозыбкове')).toContainEqual(
      expect.objectContaining({ id: 'town:Novozybkov' }),
    );
  });

  it('needs the qualifier of a two-word name: Kakhovka is not Nova Kakhovka', () => {
    const nova = places('Nova Kakhovka').find((h) => h.id === 'town:Nova Kakhovka');
    const bare = places('Kakhovka').find((h) => h.id === 'town:Nova Kakhovka');
    expect(nova?.quality).toBe(1);
    expect(nova?.tokens).toEqual([0, 1]);
    expect(bare?.quality).toBeLessThan(0.8);
    expect(places('Kakhovka').find((h) => h.id === 'town:Kakhovka')?.quality).toBe(1);
  });

  it('marks a region named as one: Ростовской области, Mordovia, ДНР', () => {
    const rostov = places('Ростовской области', [1]).find((h) => h.id === 'region:RU-ROS');
    expect(rostov).toMatchObject({ kind: 'region', explicit: true, how: 'adjective' });
    expect(places('Мордовия').find((h) => h.id === 'region:RU-MO')?.explicit).toBe(true);
    expect(places('ДНР').find((h) => h.id === 'region:UA-14')?.explicit).toBe(true);
    // A bare town name only hints at its region.
    expect(places('Ростов').find((h) => h.id === 'region:RU-ROS')?.explicit).toBe(false);
  });

  it('finds a town despite a typo', () => {
    expect(places('Tagnarog')).toContainEqual(
      expect.objectContaining({ id: 'town:Taganrog', how: 'typo' }),
    );
  });
});
