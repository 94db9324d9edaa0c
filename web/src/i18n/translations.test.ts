import { describe, expect, it } from 'vitest';

/*
 * The strings the reader sees, in both namespaces: the public pages' (this folder) and the
 * workspace's (web/src/workspace/i18n). Ukrainian, English and Russian are complete, plural
 * forms included; a new language may start partial (English fills in).
 */
const namespaces = {
  public: import.meta.glob<Record<string, unknown>>('./*.json', { eager: true, import: 'default' }),
  workspace: import.meta.glob<Record<string, unknown>>('../workspace/i18n/*.json', {
    eager: true,
    import: 'default',
  }),
};
const COMPLETE = ['uk', 'en', 'ru'] as const;
const fileOf = (ns: keyof typeof namespaces, lang: string) =>
  namespaces[ns][ns === 'public' ? `./${lang}.json` : `../workspace/i18n/${lang}.json`];

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

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Plural forms i18next looks up in a language: the categories of its plural rules. */
const formsOf = (lang: string) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

/** Keys with their plural forms folded: "cluster" → { one: …, few: …, many: …, other: … }. */
function folded(strings: Record<string, unknown>) {
  const out = new Map<string, Map<string, unknown>>();
  for (const [k, v] of entries(strings)) {
    const m = PLURAL.exec(k);
    const base = m ? k.slice(0, m.index) : k;
    const forms = out.get(base) ?? new Map<string, unknown>();
    forms.set(m?.[1] ?? '', v);
    out.set(base, forms);
  }
  return out;
}

const placeholders = (values: Iterable<unknown>): string[] =>
  [
    ...new Set(
      [...values].flatMap((s) =>
        typeof s === 'string' ? [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]!) : [],
      ),
    ),
  ].sort();

/** What is wrong with one namespace's translations, one line per problem (empty: nothing). */
export function translationProblems(files: Record<string, Record<string, unknown> | undefined>) {
  const problems: string[] = [];
  const english = folded(files.en ?? {});
  for (const lang of COMPLETE) {
    const own = folded(files[lang] ?? {});
    for (const [key, en] of english) {
      const mine = own.get(key);
      if (!mine) {
        problems.push(`${lang}: ${key} is missing`);
        continue;
      }
      const plural = !en.has('');
      if (plural) {
        // "2 місць" is what a Ukrainian page says when only _one and _other are given.
        const missing = formsOf(lang).filter((f) => !mine.has(f));
        if (missing.length)
          problems.push(`${lang}: ${key} lacks plural forms ${missing.join(', ')}`);
        if (mine.has('')) problems.push(`${lang}: ${key} is plural in English, not here`);
      } else if (!mine.has('')) problems.push(`${lang}: ${key} is plural here, not in English`);
      // Empty only where English is empty too (a qualifier that says nothing).
      for (const [form, v] of mine)
        if ((typeof v !== 'string' || !v.trim()) && en.get(form) !== '')
          problems.push(`${lang}: ${key}${form && `_${form}`} is empty`);
      const ours = placeholders(mine.values());
      const theirs = placeholders(en.values());
      if (ours.join() !== theirs.join())
        problems.push(
          `${lang}: ${key} has {{${ours.join('}}, {{')}}}, English {{${theirs.join('}}, {{')}}}`,
        );
    }
    for (const key of own.keys())
      if (!english.has(key)) problems.push(`${lang}: ${key} is not in English`);
  }
  return problems;
}

/** `t('key', { count: … })` calls in the web app's code, with the namespace each file uses. */
const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
  eager: true,
  query: '?raw',
  import: 'default',
});
const countedKeys = Object.entries(sources).flatMap(([path, code]) =>
  [...code.matchAll(/\bt\(\s*'([\w.]+)'\s*,\s*\{[^}]*\bcount\s*:/g)].map((m) => ({
    path,
    key: m[1]!,
  })),
);

describe('translations', () => {
  for (const ns of Object.keys(namespaces) as (keyof typeof namespaces)[]) {
    it(`${ns}: uk, en and ru have every string, every plural form and the same placeholders`, () => {
      const files = Object.fromEntries(COMPLETE.map((l) => [l, fileOf(ns, l)]));
      expect(translationProblems(files)).toEqual([]);
    });
  }

  it('fails when a string or a plural form a language needs is missing', () => {
    const en = { a: 'A', n_one: '{{count}} place', n_other: '{{count}} places' };
    const uk = { a: 'А', n_one: '{{count}} місце', n_other: '{{count}} місць' };
    const ru = {
      n_one: '{{count}} место',
      n_few: '{{count}} места',
      n_many: '{{count}} мест',
      n_other: '{{n}}',
    };
    expect(translationProblems({ en, uk, ru })).toEqual([
      'uk: n lacks plural forms few, many',
      'ru: a is missing',
      'ru: n has {{count}}, {{n}}, English {{count}}',
    ]);
  });

  it('has plural forms for every string the code counts with `count`', () => {
    const plural = (key: string) =>
      (Object.keys(namespaces) as (keyof typeof namespaces)[]).some(
        (ns) =>
          folded(fileOf(ns, 'en') ?? {})
            .get(key)
            ?.has('') === false,
      );
    expect(countedKeys.length).toBeGreaterThan(10);
    expect(countedKeys.filter((c) => !plural(c.key))).toEqual([]);
  });

  it('names each language in itself', () => {
    for (const [path, strings] of Object.entries(namespaces.public))
      expect(entries(strings).get('language.name'), path).toMatch(/\S/);
  });
});
