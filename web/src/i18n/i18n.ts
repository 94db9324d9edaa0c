import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Every `*.json` here is a language, named by its code: adding a language is adding a file.
 * They are bundled eagerly: each is a few kilobytes, and the first paint needs one anyway.
 */
const files = import.meta.glob<Record<string, unknown>>('./*.json', {
  eager: true,
  import: 'default',
});

export const DEFAULT_LANGUAGE = 'uk';

const codes = Object.keys(files).map((path) => path.replace(/^\.\/(.*)\.json$/, '$1'));
/** The default first, then the others alphabetically: the order of the language switcher. */
export const LANGUAGES: readonly string[] = [
  DEFAULT_LANGUAGE,
  ...codes.filter((c) => c !== DEFAULT_LANGUAGE).sort(),
];

export const isLanguage = (code: string | undefined): boolean =>
  code !== undefined && LANGUAGES.includes(code);

const resources: Resource = Object.fromEntries(
  Object.entries(files).map(([path, strings]) => [
    path.replace(/^\.\/(.*)\.json$/, '$1'),
    { translation: strings },
  ]),
);

void i18next.use(initReactI18next).init({
  resources,
  lng: DEFAULT_LANGUAGE,
  // A string missing from a new translation shows in English rather than as its key.
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The language's own name for itself, from its file ("Українська", "English"). */
export const languageName = (code: string): string =>
  i18next.getFixedT(code)('language.name', { defaultValue: code });

/** The first language in the browser's preferences that Polon has, else the default. */
export function preferredLanguage(preferences: readonly string[] = navigator.languages): string {
  for (const tag of preferences) {
    const exact = tag.toLowerCase();
    if (isLanguage(exact)) return exact;
    const base = exact.split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

export { i18next };
