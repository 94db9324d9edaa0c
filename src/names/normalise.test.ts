import { describe, expect, it } from 'vitest';
import { normalise, tokenise } from './normalise.js';

describe('normalise', () => {
  it('folds case, quotes, hyphens and spacing', () => {
    expect(normalise('  СИЗО-2  «Таганрог» ')).toBe('сизо 2 таганрог');
    expect(normalise('IK-3 "Polar Wolf" (Kharp)')).toBe('ik 3 polar wolf kharp');
  });

  it('drops every kind of apostrophe inside a word', () => {
    for (const a of ["'", '’', 'ʼ', '`']) expect(normalise(`Куп${a}янськ`)).toBe('купянськ');
    expect(normalise("prosecutor's office")).toBe('prosecutors office');
    expect(normalise("'Izolyatsia'")).toBe('izolyatsia');
  });

  it('writes ё as е and strips stress marks but keeps й and ї', () => {
    expect(normalise('Орёл')).toBe('орел');
    expect(normalise('Таганро́г')).toBe('таганрог');
    expect(normalise('Горностаївка, Донской')).toBe('горностаївка донской');
  });

  it('removes number markers: №, No., Nr, #, number', () => {
    for (const text of ['СИЗО №2', 'СИЗО № 2', 'SIZO No. 2', 'SIZO No2', 'SIZO Nr 2', 'SIZO #2']) {
      expect(normalise(text).replace('sizo', 'сизо')).toBe('сизо 2');
    }
    expect(normalise('Detention Facility Number 2')).toBe('detention facility 2');
    // "no" that is not a marker stays.
    expect(normalise('no match')).toBe('no match');
  });

  it('reads ordinals as plain numbers', () => {
    expect(normalise('2-й СИЗО')).toBe('2 сизо');
    expect(normalise('2-го изолятора')).toBe('2 изолятора');
    expect(normalise('the 2nd SIZO')).toBe('the 2 sizo');
  });

  it('splits digits from letters and reads a zero typed for O', () => {
    expect(normalise('ИК10')).toBe('ик 10');
    expect(normalise('СИЗ0-2')).toBe('сизо 2');
  });

  it('fixes look-alike letters before folding', () => {
    expect(normalise('CИЗО-1 (Курск)')).toBe('сизо 1 курск');
  });
});

describe('tokenise', () => {
  it('gives the words of a mention, nothing for empty text', () => {
    expect(tokenise('ФКУ СИЗО-2 ГУФСИН России по Ростовской области')).toEqual([
      'фку',
      'сизо',
      '2',
      'гуфсин',
      'россии',
      'по',
      'ростовской',
      'области',
    ]);
    expect(tokenise(' — ')).toEqual([]);
  });
});
