import { describe, expect, it } from 'vitest';
import { matchInflected } from './match-inflected.js';
import { matchKey } from './match-key.js';

const m = (query: string, base: string): string | undefined =>
  matchInflected(matchKey(query), matchKey(base))?.kind;

describe('matchInflected', () => {
  it('reads adjectives made from town and region names', () => {
    expect(m('таганрозьке', 'таганрог')).toBe('adjective');
    expect(m('ростовской', 'ростов')).toBe('adjective');
    expect(m('вязьминське', 'вязьма')).toBe('adjective');
    expect(m('курской', 'курск')).toBe('inflected');
  });

  it('reads case forms: в Таганроге, у Таганрозі, в Оленівці, в Ягодном', () => {
    expect(m('таганроге', 'таганрог')).toBe('inflected');
    expect(m('таганрозі', 'таганрог')).toBe('inflected');
    expect(m('оленівці', 'оленівка')).toBe('inflected');
    expect(m('ягодном', 'ягодное')).toBe('inflected');
    expect(m('москве', 'москва')).toBe('inflected');
  });

  it('does not take one place for another that starts alike', () => {
    expect(m('донской', 'донецк')).toBeUndefined();
    expect(m('kamenovsk', 'kamensk')).toBeUndefined();
    expect(m('воленовка', 'воленец')).toBeUndefined();
    expect(m('курс', 'курск')).toBeUndefined();
  });
});
