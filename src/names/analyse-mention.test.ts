import { describe, expect, it } from 'vitest';
import { analyseMention } from './analyse-mention.js';
import { createPlaceIndex, placesFromTables } from './place-index.js';

const index = createPlaceIndex(placesFromTables());
const analyse = (text: string) => analyseMention(text, index);
const placeIds = (text: string): string[] => analyse(text).places.map((p) => p.id);

describe('analyseMention', () => {
  it('reads type, number and town of "Pre-trial detention centre No. 2 in Taganrog"', () => {
    const a = analyse('Pre-trial detention centre No. 2 in Taganrog');
    expect(a.types.map((t) => t.concept)).toEqual(['sizo']);
    expect(a.numbers.map((n) => n.value)).toEqual([2]);
    expect(placeIds('Pre-trial detention centre No. 2 in Taganrog')).toContain('town:Taganrog');
    expect(a.free).toEqual([]);
  });

  it('reads the formal prison-service name as type, number and region', () => {
    const a = analyse('ФКУ СИЗО-2 ГУФСИН России по Ростовской области');
    expect(a.types.map((t) => t.concept)).toEqual(['sizo']);
    expect(a.numbers.map((n) => n.value)).toEqual([2]);
    expect(a.places).toContainEqual(
      expect.objectContaining({ id: 'region:RU-ROS', explicit: true }),
    );
    expect(a.free).toEqual([]);
  });

  it('reads numbers written as words, and T-2 as prison number 2', () => {
    expect(analyse('Pre-Trial Detention Facility Number Two').numbers.map((n) => n.value)).toEqual([
      2,
    ]);
    expect(analyse('другий СІЗО').numbers.map((n) => n.value)).toEqual([2]);
    const t2 = analyse('T-2 (Prison No. 2, Vladimir)');
    expect(t2.types.map((t) => t.concept)).toContain('prison');
    expect(t2.numbers.map((n) => n.value)).toContain(2);
  });

  it('does not take years, cells or house numbers for facility numbers', () => {
    expect(analyse('SIZO-2 Taganrog, 2022').numbers.map((n) => n.value)).toEqual([2]);
    expect(analyse('СИЗО-2, камера 45').numbers.map((n) => n.value)).toEqual([2]);
    expect(analyse('Shevchenko Boulevard 26').numbers).toEqual([]);
  });

  it('leaves proper names as free words', () => {
    const a = analyse('Изоляция, Донецк');
    expect(a.features.map((f) => f.feature)).toEqual(['isolation']);
    const b = analyse('Lefortovo SIZO');
    expect(b.free.map((i) => b.tokens[i])).toEqual(['lefortovo']);
  });

  it('marks where a relative clause begins', () => {
    const a = analyse('Detention facility in Horlivka where ICRC visited Ukrainian POWs');
    expect(a.tokens[a.clauseStart]).toBe('where');
  });
});
