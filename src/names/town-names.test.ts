import { describe, expect, it } from 'vitest';
import { REGION_NAMES } from './region-names.js';
import { TOWN_NAMES } from './town-names.js';

describe('TOWN_NAMES', () => {
  it('has one row per English name, each with both Cyrillic forms and a region', () => {
    const en = TOWN_NAMES.map((t) => t.en);
    expect(new Set(en).size).toBe(en.length);
    for (const t of TOWN_NAMES) {
      expect(t.uk, t.en).toMatch(/^[\p{Script=Cyrillic}' -]+$/u);
      expect(t.ru, t.en).toMatch(/^[\p{Script=Cyrillic} -]+$/u);
      expect(t.region, t.en).toMatch(/^(RU|UA|BY)-[A-Z0-9]+$/);
    }
  });

  it('records the pairs no rule derives', () => {
    const town = (en: string) => TOWN_NAMES.find((t) => t.en === en);
    expect(town('Taganrog')).toMatchObject({ uk: 'Таганріг', ru: 'Таганрог' });
    expect(town('Vovchansk')).toMatchObject({ uk: 'Вовчанськ', ru: 'Волчанск' });
    expect(town('Olenivka')?.alt).toContain('Еленовка');
    expect(town('Kursk')).toMatchObject({ uk: 'Курськ', ru: 'Курск' });
  });
});

describe('REGION_NAMES', () => {
  it('has unique ISO codes and stems to build adjectives on', () => {
    const codes = REGION_NAMES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of REGION_NAMES) expect(r.stems.length, r.code).toBeGreaterThan(0);
  });
});
