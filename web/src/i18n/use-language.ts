import { useEffect, useState } from 'react';
import { i18next } from './i18n.js';

/**
 * Switches i18next (and the page's `lang`) to the URL's language; true once the strings of
 * that language are the ones rendered.
 */
export function useLanguage(lang: string | null): boolean {
  const [current, setCurrent] = useState(i18next.language);
  useEffect(() => {
    if (lang === null) return;
    document.documentElement.lang = lang;
    if (i18next.language === lang) {
      setCurrent(lang);
      return;
    }
    let live = true;
    void i18next.changeLanguage(lang).then(() => {
      if (live) setCurrent(lang);
    });
    return () => {
      live = false;
    };
  }, [lang]);
  return lang !== null && current === lang && i18next.language === lang;
}
