import { describe, expect, it } from 'vitest';

const files = import.meta.glob<Record<string, unknown>>('./*.json', {
  eager: true,
  import: 'default',
});

/** Every key path of a translation file ("headline.returned"), with its value. */
function entries(obj: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === 'object') {
      for (const [kk, vv] of entries(v as Record<string, unknown>, `${prefix}${k}.`))
        out.set(kk, vv);
    } else out.set(`${prefix}${k}`, v);
  }
  return out;
}

const placeholders = (s: unknown): string[] =>
  typeof s === 'string' ? [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]!).sort() : [];

describe('translations', () => {
  const english = entries(files['./en.json']!);
  // Ukrainian, English and Russian are complete; a new language may start partial (English fills in).
  for (const lang of ['uk', 'ru']) {
    it(`${lang} has every English string, with the same placeholders`, () => {
      const other = entries(files[`./${lang}.json`]!);
      expect([...english.keys()].filter((k) => !other.has(k))).toEqual([]);
      expect([...other.keys()].filter((k) => !english.has(k))).toEqual([]);
      for (const [k, v] of english)
        expect(placeholders(other.get(k)), `${lang}: ${k}`).toEqual(placeholders(v));
    });
  }
  it('names each language in itself', () => {
    for (const [path, strings] of Object.entries(files))
      expect(entries(strings).get('language.name'), path).toMatch(/\S/);
  });
});
