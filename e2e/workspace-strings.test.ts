import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/package-root.js';

/*
 * The workspace's strings in every language: the same keys (plural forms aside, which
 * differ by language), and every key the pages ask for by name present in English.
 */
const dir = join(packageRoot(), 'web', 'src', 'workspace');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const strings = (lang: string): unknown =>
  JSON.parse(readFileSync(join(dir, 'i18n', `${lang}.json`), 'utf8'));
const baseKeys = (lang: string) =>
  [...new Set(keys(strings(lang)).map((k) => k.replace(PLURAL, '')))].sort();

describe('workspace strings', () => {
  it('has the same keys in Ukrainian, English and Russian', () => {
    expect(baseKeys('uk')).toEqual(baseKeys('en'));
    expect(baseKeys('ru')).toEqual(baseKeys('en'));
  });

  it('uses the same placeholders in every language', () => {
    const placeholders = (lang: string) => {
      const out = new Map<string, string>();
      const walk = (value: unknown, prefix: string) => {
        if (typeof value === 'string') {
          const names = [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
          out.set(prefix.replace(PLURAL, ''), [...new Set(names)].join(','));
        } else if (typeof value === 'object' && value !== null)
          for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
      };
      walk(strings(lang), '');
      return Object.fromEntries(out);
    };
    expect(placeholders('uk')).toEqual(placeholders('en'));
    expect(placeholders('ru')).toEqual(placeholders('en'));
  });

  it('has every plural form each language needs, and no other', () => {
    // Ukrainian and Russian need one, few, many and other (21 рядок, 22 рядки, 25 рядків,
    // 1,5 рядка); English one and other. A missing form falls back to "other" silently.
    const forms = (lang: string) => {
      const out = new Map<string, string[]>();
      for (const k of keys(strings(lang))) {
        const m = PLURAL.exec(k);
        if (!m) continue;
        const base = k.slice(0, -m[0].length);
        out.set(base, [...(out.get(base) ?? []), m[1]!].sort());
      }
      return out;
    };
    const plural = new Set(['uk', 'en', 'ru'].flatMap((lang) => [...forms(lang).keys()]));
    expect(plural.size).toBeGreaterThan(5);
    for (const lang of ['uk', 'en', 'ru']) {
      const need = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
      const have = forms(lang);
      for (const base of plural) expect([lang, base, have.get(base)]).toEqual([lang, base, need]);
    }
  });

  it('has every key the pages name', () => {
    const known = new Set(baseKeys('en'));
    const used = readdirSync(dir)
      .filter((f) => f.endsWith('.tsx'))
      .flatMap((f) =>
        [...readFileSync(join(dir, f), 'utf8').matchAll(/\bt\('([a-zA-Z.]+)'/g)].map((m) => m[1]),
      );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((k) => k !== undefined && !known.has(k))).toEqual([]);
  });
});
