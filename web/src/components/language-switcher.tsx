import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { LANGUAGES, languageName } from '../i18n/i18n.js';

/** Links to the same view in each language: the language is the URL's first segment. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const [location] = useLocation();
  const search = useSearch();
  const suffix = (location === '/' ? '/' : location) + (search ? `?${search}` : '');
  return (
    <nav className="languages" aria-label={t('nav.languages')}>
      <ul>
        {LANGUAGES.map((code) => (
          <li key={code}>
            <Link
              href={`~/${code}${suffix}`}
              lang={code}
              hrefLang={code}
              aria-current={code === i18n.language ? 'true' : undefined}
            >
              {languageName(code)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
